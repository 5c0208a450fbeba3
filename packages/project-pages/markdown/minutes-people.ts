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

// "(chair)" marks the chair; the name is what precedes it back to the last separator.
const CHAIR = /([^,;()]+?)\s*\(\s*chair(?:ing)?\s*\)/i;
const ASIDE = /\([^()]*\)/g;
const SEPARATOR = /\s*(?:[,;]|\band\b|&)\s*/i;

/** Splits a list of names. Returns no names when the text holds none that look like one. */
export function parsePeople(text: string): People {
	const flat = text.replace(/\s+/g, ' ').trim();
	const chairMatch = CHAIR.exec(flat);
	const chair = chairMatch ? cleanName(chairMatch[1]!.split(/\band\b/i).pop()!) : undefined;
	const names: string[] = [];
	for (const piece of flat.replace(ASIDE, ' ').split(SEPARATOR)) {
		const name = cleanName(piece);
		if (name && looksLikeName(name) && !names.includes(name)) names.push(name);
	}
	return { names, chair: chair && names.includes(chair) ? chair : undefined };
}

function cleanName(raw: string): string {
	// Trailing full stops and question marks ("Nick.", "Chris ?") are punctuation, not name.
	return raw
		.replace(/[.?!:]+\s*$/, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** At most five words, starting with a letter or '@', no sentence punctuation inside. */
function looksLikeName(name: string): boolean {
	if (name.split(' ').length > 5) return false;
	return /^[@\p{L}][\p{L}\p{M}\d .'’@_-]*$/u.test(name);
}
