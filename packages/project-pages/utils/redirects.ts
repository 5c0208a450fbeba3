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

/**
 * The sections whose old path a redirect route was injected at (`/wiki` or `/wiki/[id]`): usually
 * one, or several that shared a folder before (mirage-www's wiki held guides and weekly calls). The
 * old index redirects to the first.
 */
export function oldPathSections(routePattern: string): { keys: SectionKey[]; old: string } {
	const old = routePattern.replace(/\/\[[^\]]+\]$/, '').replace(/^\/+/, '');
	const keys = Object.entries(config.sections)
		.filter(([, section]) => section?.oldPaths?.includes(old))
		.map(([key]) => key as SectionKey);
	if (keys.length === 0) throw new Error(`project-pages: no section has the old path "${old}" (route ${routePattern})`);
	return { keys, old };
}

/** Every page of a section that has one page per id, with where it is now. */
async function entryTargets(key: SectionKey): Promise<Array<{ id: string; to: string }>> {
	const data = await siteData();
	if (key === 'people') return data.people.people.map((person) => ({ id: person.github, to: sectionUrl('people', person.github) }));
	if (key === 'tags') return [...data.tags.keys()].map((tag) => ({ id: tag, to: sectionUrl('tags', tag) }));
	if (!isContentKind(key)) return [];
	const entries = { blog: data.posts, docs: data.guides, minutes: data.minutes, rfcs: data.rfcs, projects: data.projects }[key];
	return entries.map((entry) => ({ id: entry.id, to: entryUrl(entry) }));
}

/**
 * The redirects under an old path shared by `keys`: each id to its entry. An id that two of the
 * sections have is an error naming both, since `/<old>/<id>/` could only lead to one of them.
 */
export async function oldEntryTargets(keys: readonly SectionKey[], old: string): Promise<Array<{ id: string; to: string }>> {
	const owner = new Map<string, { key: SectionKey; to: string }>();
	for (const key of keys) {
		for (const { id, to } of await entryTargets(key)) {
			const taken = owner.get(id);
			if (taken)
				throw new Error(
					`project-pages: oldPaths: /${old}/${id}/ would lead to both ${taken.to} (${taken.key}) and ${to} (${key}); give "${old}" to one of them`,
				);
			owner.set(id, { key, to });
		}
	}
	return [...owner].map(([id, { to }]) => ({ id, to }));
}
