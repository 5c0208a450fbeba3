/**
 * RFC numbers a text mentions: "RFC 1", "RFC 0001", "RFC #1", "RFC-1" and
 * links to `/rfcs/0001-title`. Pure. Callers keep only numbers that exist
 * on the site, so an IETF "RFC 7230" in the notes links nowhere.
 */

const BY_NAME = /\bRFCs?[ \t]*[-#]?[ \t]*0*(\d{1,5})(?![\d.]\d)\b/gi;
const BY_LINK = /\/rfcs\/0*(\d{1,5})(?=[-/#?)\s"'>]|$)/gi;

/** Distinct RFC numbers, in order of first mention. */
export function findRfcMentions(text: string): number[] {
	const found: Array<{ index: number; number: number }> = [];
	for (const re of [BY_NAME, BY_LINK]) {
		for (const m of text.matchAll(re)) {
			const number = Number(m[1]);
			if (number > 0) found.push({ index: m.index, number });
		}
	}
	found.sort((a, b) => a.index - b.index);
	return [...new Set(found.map((f) => f.number))];
}
