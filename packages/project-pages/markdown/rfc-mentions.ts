/**
 * RFC numbers a text mentions: "RFC 1", "RFC 0001", "RFC #1", "RFC-1" and
 * links to `/rfcs/0001-title` (or wherever the site's RFC section is).
 * Pure. Callers keep only numbers that exist on the site, so an IETF
 * "RFC 7230" in the notes links nowhere.
 */

const BY_NAME = /\bRFCs?[ \t]*[-#]?[ \t]*0*(\d{1,5})(?![\d.]\d)\b/gi;
const byLink = (section: string) => new RegExp(`/${section.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/0*(\\d{1,5})(?=[-/#?)\\s"'>]|$)`, 'gi');
const BY_LINK = new Map<string, RegExp>();

/** Distinct RFC numbers, in order of first mention; `rfcsPath` is the RFC section's URL path. */
export function findRfcMentions(text: string, rfcsPath = 'rfcs'): number[] {
	const found: Array<{ index: number; number: number }> = [];
	const link = BY_LINK.get(rfcsPath) ?? BY_LINK.set(rfcsPath, byLink(rfcsPath)).get(rfcsPath)!;
	for (const re of [BY_NAME, link]) {
		for (const m of text.matchAll(re)) {
			const number = Number(m[1]);
			if (number > 0) found.push({ index: m.index, number });
		}
	}
	found.sort((a, b) => a.index - b.index);
	return [...new Set(found.map((f) => f.number))];
}
