/**
 * Heading ids come from heading text, so a note with a "## Main" heading
 * would give `id="main"` twice on its page: the layout's skip-link target
 * and the heading. Ids the entry pages use themselves are renamed (with the
 * in-page links to them) so that content can never take them over.
 */
const RESERVED = new Set(['main', 'site-search', 'rfc-history', 'repos', 'outcome', 'references', 'on-this-page']);
const HEADING_ID = /(<h[1-6] id=")([^"]+)"/g;

/** The id a heading keeps: its own, or `<id>-section` when a page uses that id itself (a table of contents links to this). */
export function safeHeadingId(id: string): string {
	return RESERVED.has(id) || id.startsWith('refs-') ? `${id}-section` : id;
}

export function avoidReservedIds(html: string): string {
	const renamed = new Map<string, string>();
	const out = html.replace(HEADING_ID, (match, prefix: string, id: string) => {
		const safe = safeHeadingId(id);
		if (safe === id) return match;
		renamed.set(id, safe);
		return `${prefix}${safe}"`;
	});
	if (renamed.size === 0) return out;
	return out.replace(/(<a [^<>]*href="#)([^"]+)"/g, (match, prefix: string, id: string) =>
		renamed.has(id) ? `${prefix}${renamed.get(id)}"` : match,
	);
}
