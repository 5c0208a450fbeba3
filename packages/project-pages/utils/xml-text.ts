/**
 * Text for the XML the site writes (feeds, the status feed): characters XML
 * 1.0 does not allow at all (C0 controls but tab and newlines, U+FFFE,
 * U+FFFF, lone surrogates) are removed. No escape can write them, and one of
 * them makes the whole document unreadable to a feed reader. Content fields
 * already refuse control characters; this covers everything else that
 * reaches a feed (GitHub's commit messages, options, derived titles). Pure.
 */

const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` without the characters XML cannot hold, for writers that escape it themselves (@astrojs/rss). */
export function xmlChars(text: string): string;
export function xmlChars(text: string | undefined): string | undefined;
export function xmlChars(text: string | undefined): string | undefined {
	return text === undefined ? undefined : text.replace(NOT_XML, '');
}

/** `text` as XML character data or an attribute value written by hand: cleaned, then escaped (quotes too). */
export function xmlEscaped(text: string): string {
	return xmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
