/**
 * Text for XML that pages and feeds write by hand: escaped, and without the
 * characters XML 1.0 does not allow at all (most C0 controls, lone
 * surrogates, U+FFFE/U+FFFF), which no escaping can carry and which would
 * make a whole feed unreadable. Pure.
 */

const NOT_XML = new RegExp(
	[
		// eslint-disable-next-line no-control-regex -- these are the controls XML 1.0 forbids
		/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.source,
		// A high surrogate with no low one after it, and a low one with no high one before.
		/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.source,
	].join('|'),
	'g',
);

/** `text` as XML character data or an attribute value (quotes escaped too). */
export function xmlText(text: string): string {
	return text
		.replace(NOT_XML, '\uFFFD')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}
