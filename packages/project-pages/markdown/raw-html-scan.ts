/**
 * Reads one piece of raw HTML from a markdown document (an `html` node's
 * text) the way the HTML tokenizer will when the document's raw HTML is
 * parsed: which tags it opens or closes, and whether it ends back in text.
 * Pure and linear: one pass, no backtracking.
 *
 * Why it matters: the raw HTML of a document is parsed as one stream, so a
 * piece that ends inside a tag (an unclosed attribute quote), a comment or a
 * bogus comment (`<?…`, `<!x…`) takes everything after it, the document's
 * own text included, into that construct, and the sanitizer then removes it
 * all. A piece that ends in text cannot reach past itself.
 *
 * The states follow the WHATWG tokenizer's tag, attribute and comment states
 * closely enough to agree on where each construct ends; where this reading
 * and the tokenizer's could differ, it reads the piece as unfinished, which
 * only ever makes more of it shown as text.
 */

export interface RawHtmlScan {
	/** Lower-cased names of every start and end tag, in order. */
	tags: string[];
	/** Ends in text: not inside a tag, an attribute value or a comment. */
	complete: boolean;
	/** Holds a `<?…>`, `<!x…>` or `</…` that is not a tag: never markup, always shown as text. */
	bogus: boolean;
}

// Tokenizer states (plain numbers: enums are not erasable TypeScript).
const DATA = 0;
const TAG_NAME = 1;
const BEFORE_ATTR_NAME = 2;
const ATTR_NAME = 3;
const AFTER_ATTR_NAME = 4;
const BEFORE_ATTR_VALUE = 5;
const DOUBLE_QUOTED = 6;
const SINGLE_QUOTED = 7;
const UNQUOTED = 8;
const AFTER_QUOTED = 9;
const SELF_CLOSING = 10;
const COMMENT = 11;
const BOGUS = 12;

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
const isAsciiLetter = (c: string | undefined) => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));

export function scanRawHtml(html: string): RawHtmlScan {
	const tags: string[] = [];
	let bogus = false;
	let state = DATA;
	let nameStart = 0;
	const endName = (i: number) => tags.push(html.slice(nameStart, i).toLowerCase());
	for (let i = 0; i < html.length; i++) {
		const c = html[i]!;
		switch (state) {
			case DATA:
				if (c !== '<') break;
				if (isAsciiLetter(html[i + 1])) {
					state = TAG_NAME;
					nameStart = i + 1;
				} else if (html[i + 1] === '/' && isAsciiLetter(html[i + 2])) {
					state = TAG_NAME;
					nameStart = i + 2;
					i++;
				} else if (html.startsWith('<!--', i)) {
					// `<!-->` and `<!--->` close at once; otherwise the comment runs to `-->` (or `--!>`).
					if (html[i + 4] === '>') i += 4;
					else if (html.startsWith('->', i + 4)) i += 5;
					else {
						state = COMMENT;
						i += 3;
					}
				} else if (html[i + 1] === '!' || html[i + 1] === '?' || html[i + 1] === '/') {
					bogus = true;
					state = BOGUS;
				}
				break;
			case TAG_NAME:
				if (isSpace(c) || c === '/' || c === '>') {
					endName(i);
					state = c === '/' ? SELF_CLOSING : c === '>' ? DATA : BEFORE_ATTR_NAME;
				}
				break;
			case BEFORE_ATTR_NAME:
				if (isSpace(c)) break;
				if (c === '/') state = SELF_CLOSING;
				else if (c === '>') state = DATA;
				else state = ATTR_NAME;
				break;
			case ATTR_NAME:
				if (isSpace(c)) state = AFTER_ATTR_NAME;
				else if (c === '/') state = SELF_CLOSING;
				else if (c === '=') state = BEFORE_ATTR_VALUE;
				else if (c === '>') state = DATA;
				break;
			case AFTER_ATTR_NAME:
				if (isSpace(c)) break;
				if (c === '/') state = SELF_CLOSING;
				else if (c === '=') state = BEFORE_ATTR_VALUE;
				else if (c === '>') state = DATA;
				else state = ATTR_NAME;
				break;
			case BEFORE_ATTR_VALUE:
				if (isSpace(c)) break;
				if (c === '"') state = DOUBLE_QUOTED;
				else if (c === "'") state = SINGLE_QUOTED;
				else if (c === '>') state = DATA;
				else state = UNQUOTED;
				break;
			case DOUBLE_QUOTED:
				if (c === '"') state = AFTER_QUOTED;
				break;
			case SINGLE_QUOTED:
				if (c === "'") state = AFTER_QUOTED;
				break;
			case UNQUOTED:
				if (isSpace(c)) state = BEFORE_ATTR_NAME;
				else if (c === '>') state = DATA;
				break;
			case AFTER_QUOTED:
				if (isSpace(c)) state = BEFORE_ATTR_NAME;
				else if (c === '/') state = SELF_CLOSING;
				else if (c === '>') state = DATA;
				else {
					// Reconsumed as the start of the next attribute.
					state = BEFORE_ATTR_NAME;
					i--;
				}
				break;
			case SELF_CLOSING:
				if (c === '>') state = DATA;
				else {
					state = BEFORE_ATTR_NAME;
					i--;
				}
				break;
			case COMMENT:
				if (c !== '-') break;
				if (html.startsWith('-->', i)) {
					state = DATA;
					i += 2;
				} else if (html.startsWith('--!>', i)) {
					state = DATA;
					i += 3;
				}
				break;
			case BOGUS:
				if (c === '>') state = DATA;
				break;
		}
	}
	if (state === TAG_NAME) endName(html.length);
	return { tags, complete: state === DATA, bogus };
}
