/**
 * The "Attendees: A, B (chair), … and Z" paragraph of mirage-www minutes.
 * Pure: text in, names out.
 *
 * Real lines wrap mid-name ("Richard\nMortier"), use "and" before the last
 * name, add asides in brackets ("Richard (mort) Mortier", "(with guest
 * appearances from Wanda and Bella)"), and end with a full stop. Names may
 * be handles (`talex5`, `matt-g`), so case says nothing about what is a name.
 */

export interface People {
	names: string[];
	chair?: string;
}

// "(chair)" marks the chair; the name is what precedes it back to the last separator
// (found by walking back, not by a regex that would retry from every position: 250 KB
// of names without a "(chair)" took 33 s that way).
const CHAIR = /\(\s*chair(?:ing)?\s*\)/i;
const SEPARATORS = ',;()';
const ASIDE = /\([^()]*\)/g;
const SEPARATOR = /\s*(?:[,;]|\band\b|&)\s*/i;

/** Splits a list of names. Returns no names when the text holds none that look like one. */
export function parsePeople(text: string): People {
	const flat = text.replace(/\s+/g, ' ').trim();
	const chair = chairBefore(flat);
	const names = new Set<string>();
	for (const piece of flat.replace(ASIDE, ' ').split(SEPARATOR)) {
		const name = cleanName(piece);
		if (name && looksLikeName(name)) names.add(name);
	}
	return { names: [...names], chair: chair && names.has(chair) ? chair : undefined };
}

function chairBefore(flat: string): string | undefined {
	const mark = CHAIR.exec(flat);
	if (!mark) return undefined;
	let start = mark.index;
	while (start > 0 && !SEPARATORS.includes(flat[start - 1]!)) start--;
	const run = flat.slice(start, mark.index);
	return run.trim() ? cleanName(run.split(/\band\b/i).pop()!) : undefined;
}

function cleanName(raw: string): string {
	// Trailing full stops and question marks ("Nick.", "Chris ?") are punctuation, not name.
	// Trimmed by hand: `/[.?!:]+\s*$/` retries from every mark of a long run of them.
	let end = raw.trimEnd().length;
	while (end > 0 && '.?!:'.includes(raw[end - 1]!)) end--;
	return raw.slice(0, end).replace(/\s+/g, ' ').trim();
}

/** At most five words, starting with a letter or '@', no sentence punctuation inside. */
function looksLikeName(name: string): boolean {
	if (name.split(' ').length > 5) return false;
	return /^[@\p{L}][\p{L}\p{M}\d .'’@_-]*$/u.test(name);
}
