/**
 * Keeps hostile untrusted input from making a render hang or exhaust memory.
 *
 * Sätteri 0.10 has costs that grow with the square of what one paragraph
 * holds: smart punctuation (`"`, `'`, `--`, `...`) and character references
 * (`&amp;`) both split text in a way that, at 20,000 per paragraph, takes
 * seconds and gigabytes; its raw-HTML reparse is quadratic in nesting depth.
 * No page a person writes comes near the limits below, so a document past
 * them is treated as hostile and defused, while staying inert and readable:
 *
 * - too many smart-punctuation marks in a paragraph: smart punctuation off;
 * - too many `_` in a paragraph (Sätteri's emphasis matching for `_` is
 *   quadratic: 1.2 MB of `a_a_a…` took five minutes): each `_` in that
 *   paragraph gets a backslash, so it is a literal underscore;
 * - too many `&`: each unescaped `&` gets a backslash, so none is decoded;
 * - too many tags: each unescaped `<` gets a backslash, so no HTML forms;
 * - blockquotes nested past `MAX_QUOTE_DEPTH` on one line (parse time grows
 *   with the square of the depth): the first `>` is escaped, the line is text.
 *
 * Fenced code is neither counted nor rewritten (it is never inline-parsed).
 * Pure and linear: one pass over the lines.
 */

/** Per paragraph (a run of lines without a blank one). */
export const MAX_MARKS_PER_PARAGRAPH = 1000;
/** `_` per paragraph before the paragraph's underscores are escaped. */
export const MAX_UNDERSCORES_PER_PARAGRAPH = 1000;
/**
 * Per document. Past tens of thousands of references Sätteri can also abort
 * the whole process (a panic on a misplaced UTF-8 boundary), which no
 * try/catch survives; callers that build a JS tree want far fewer.
 */
export const MAX_AMPERSANDS = 20_000;
/** Per document: tag-like sequences beyond which raw HTML is not reparsed. */
export const MAX_TAGS = 5000;
/** Blockquote markers opening one line. */
export const MAX_QUOTE_DEPTH = 100;

export interface GuardedInput {
	source: string;
	smartPunctuation: boolean;
	/** Whether raw HTML may be present (and must be reparsed and sanitized). */
	hasHtml: boolean;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SMART = /["']|--|\.\.\./g;
const AMPERSAND = /&/g;
const TAG_LIKE = /<[A-Za-z!?/]/g;
const UNDERSCORE = /_/g;
const HTML_START = /<[A-Za-z!?/]/;
const TOO_DEEP = new RegExp(`^(?:[ \\t]*>){${MAX_QUOTE_DEPTH + 1}}`);

function count(line: string, re: RegExp): number {
	let n = 0;
	for (const _ of line.matchAll(re)) n++;
	return n;
}

export interface GuardLimits {
	/** `&` in the whole document before every `&` is escaped. */
	maxAmpersands: number;
}

export function guardUntrusted(source: string, limits: GuardLimits = { maxAmpersands: MAX_AMPERSANDS }): GuardedInput {
	// Raw HTML needs `<` then a letter, `/`, `!` or `?` (CommonMark's tags,
	// comments, declarations); `n < 2` in code is not HTML.
	const hasAngle = HTML_START.test(source);
	// Fast path: too short for any of these costs to matter.
	if (source.length < Math.min(MAX_MARKS_PER_PARAGRAPH, limits.maxAmpersands)) return { source, smartPunctuation: true, hasHtml: hasAngle };
	const lines = source.split('\n');
	let fence: string | undefined;
	let smart = 0;
	let underscores = 0;
	let paragraphStart = 0;
	/** [first, last] line indexes of paragraphs whose underscores are escaped. */
	const underscored: Array<[number, number]> = [];
	const endParagraph = (end: number) => {
		if (underscores > MAX_UNDERSCORES_PER_PARAGRAPH) underscored.push([paragraphStart, end]);
		underscores = 0;
	};
	let amps = 0;
	let allAmps = 0;
	let tags = 0;
	let tooSmart = false;
	let tooManyAmps = false;
	let tooDeep = false;
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index]!;
		const marker = FENCE.exec(line)?.[1];
		if (fence !== undefined) {
			if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) {
				fence = undefined;
				paragraphStart = index + 1;
			}
			continue;
		}
		if (marker) {
			endParagraph(index - 1);
			fence = marker;
			continue;
		}
		if (line.trim() === '') {
			smart = 0;
			amps = 0;
			endParagraph(index - 1);
			paragraphStart = index + 1;
			continue;
		}
		if (line.includes('_')) underscores += count(line, UNDERSCORE);
		if (line.includes('<')) tags += count(line, TAG_LIKE);
		if (TOO_DEEP.test(line)) tooDeep = true;
		smart += count(line, SMART);
		if (line.includes('&')) {
			const n = count(line, AMPERSAND);
			amps += n;
			allAmps += n;
		}
		if (smart > MAX_MARKS_PER_PARAGRAPH) tooSmart = true;
		if (amps > MAX_MARKS_PER_PARAGRAPH || allAmps > limits.maxAmpersands) tooManyAmps = true;
	}
	endParagraph(lines.length - 1);
	const tooManyTags = tags > MAX_TAGS;
	if (!tooManyAmps && !tooManyTags && !tooDeep && underscored.length === 0)
		return { source, smartPunctuation: !tooSmart, hasHtml: hasAngle };
	const escape = (tooManyAmps ? '&' : '') + (tooManyTags ? '<' : '');
	return {
		source: rewriteOutsideFences(lines, escape, underscored),
		smartPunctuation: !tooSmart,
		hasHtml: hasAngle && !tooManyTags,
	};
}

/**
 * Puts a backslash before each `&` / `<` (as listed in `chars`) that is not
 * already escaped, before each `_` in the `underscored` line ranges, and
 * before the first `>` of a too-deep quote line.
 * "Already escaped" means an odd number of backslashes before it: in
 * `\\&amp;` the backslash is itself escaped and the entity live.
 */
function rewriteOutsideFences(lines: readonly string[], chars: string, underscored: ReadonlyArray<[number, number]> = []): string {
	// The lookbehind starts each match at the head of a run of backslashes: linear on a line of them.
	const re = chars ? new RegExp(`(?<!\\\\)(\\\\*)([${chars}])`, 'g') : undefined;
	const withUnderscore = new RegExp(`(?<!\\\\)(\\\\*)([${chars}_])`, 'g');
	let fence: string | undefined;
	let range = 0;
	const out: string[] = [];
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index]!;
		while (range < underscored.length && underscored[range]![1] < index) range++;
		const inUnderscored = range < underscored.length && underscored[range]![0] <= index;
		const marker = FENCE.exec(line)?.[1];
		if (fence !== undefined) {
			if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
			out.push(line);
			continue;
		}
		if (marker) {
			fence = marker;
			out.push(line);
			continue;
		}
		const pattern = inUnderscored ? withUnderscore : re;
		let text = pattern
			? line.replace(pattern, (_, slashes: string, ch: string) => (slashes.length % 2 === 0 ? `${slashes}\\${ch}` : slashes + ch))
			: line;
		if (TOO_DEEP.test(text)) text = text.replace('>', '\\>');
		out.push(text);
	}
	return out.join('\n');
}
