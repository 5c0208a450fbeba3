/**
 * Which pages are redirects, and where they go: a section's old paths (the
 * `oldPaths` option: `/wiki/` and `/wiki/<id>/` for mirage-www's docs), and
 * a guide served at the root, whose page under `/docs/` moves there.
 * `isRedirectPage` is pure (the integration filters the sitemap with it);
 * the rest runs in pages.
 */
import config from 'virtual:project-pages/config';
import { isContentKind, type SectionKey } from '../content/kinds.ts';
import { entryUrl, sectionUrl } from './site-urls.ts';
import { siteData } from './site-data.ts';
import { isRedirectPath } from './redirect-paths.ts';

export { isRedirectPath };

/** The section whose old path a redirect route was injected at (`/wiki` or `/wiki/[id]`). */
export function oldPathSection(routePattern: string): { key: SectionKey; old: string } {
	const old = routePattern.replace(/\/\[[^\]]+\]$/, '').replace(/^\/+/, '');
	for (const [key, section] of Object.entries(config.sections)) {
		if (section?.oldPaths?.includes(old)) return { key: key as SectionKey, old };
	}
	throw new Error(`project-pages: no section has the old path "${old}" (route ${routePattern})`);
}

/** Every page of a section that has one page per id, with where it is now. */
export async function oldEntryTargets(key: SectionKey): Promise<Array<{ id: string; to: string }>> {
	const data = await siteData();
	if (key === 'people') return data.people.people.map((person) => ({ id: person.github, to: sectionUrl('people', person.github) }));
	if (key === 'tags') return [...data.tags.keys()].map((tag) => ({ id: tag, to: sectionUrl('tags', tag) }));
	if (!isContentKind(key)) return [];
	const entries = { blog: data.posts, docs: data.guides, minutes: data.minutes, rfcs: data.rfcs, projects: data.projects }[key];
	return entries.map((entry) => ({ id: entry.id, to: entryUrl(entry) }));
}
