/**
 * Character references in an HTML attribute value, decoded: the named ones
 * authors and generators write (`&amp;`, `&colon;`…) and numeric ones with any
 * leading zeros, for the tests that read built pages, whose references Astro
 * writes in full. It reads at least what a browser reads, and a little more
 * (names in any case, the `;` optional for every name here, where a browser
 * needs it for some). A reference to no valid code point stays as it is.
 */
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', sol: '/', tab: '\t', newline: '\n' };

const REFERENCE = /&(?:(amp|lt|gt|quot|apos|colon|sol|tab|newline)|#0*(\d{1,7})|#x0*([0-9a-f]{1,6}));?/gi;

export function decodeCharacterReferences(text: string): string {
	return text.replace(REFERENCE, (whole, name?: string, dec?: string, hex?: string) => {
		if (name) return NAMED[name.toLowerCase()]!;
		const code = dec ? Number(dec) : parseInt(hex!, 16);
		return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
	});
}
