/**
 * Whether a built page is a redirect, from its site path alone (before
 * `base`): anything under a section's old path, and a guide's page under
 * `/docs/` when the guide is served at the root. Pure: the integration
 * keeps these out of the sitemap, and the pages out of the search index.
 */
import type { Sections } from './sections.ts';

export function isRedirectPath(sitePath: string, sections: Sections): boolean {
	const path = sitePath.replace(/^\/+|\/+$/g, '');
	for (const section of Object.values(sections)) {
		if (!section) continue;
		if (section.oldPaths?.some((old) => path === old || path.startsWith(`${old}/`))) return true;
		if (section.atRoot?.some((id) => path === `${section.path}/${id}`)) return true;
	}
	return false;
}
