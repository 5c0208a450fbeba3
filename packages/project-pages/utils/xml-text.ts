/**
 * Text made safe to write into XML: characters XML 1.0 does not allow at
 * all (C0 controls but tab and newlines, U+FFFE, U+FFFF, lone surrogates)
 * are removed. The XML writer escapes `<`, `&` and quotes; no escape can
 * write these, and one of them makes the whole document unreadable to a
 * feed reader. Content fields already refuse control characters; this is
 * for everything else that reaches a feed (options, derived titles).
 */

const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(text: string): string;
export function xmlText(text: string | undefined): string | undefined;
export function xmlText(text: string | undefined): string | undefined {
	return text === undefined ? undefined : text.replace(NOT_XML, '');
}
