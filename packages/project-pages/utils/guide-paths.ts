/**
 * The guide pages' paths, with their cache keys: under the docs section, or
 * at the site root for the guides served there (`atRoot`), whose page under
 * the section becomes a redirect. A guide page shows its section's name and
 * its neighbours, so those are in its key.
 */
import config from 'virtual:project-pages/config';
import { cacheKey, linkKey } from './cache-keys.ts';
import { siteData } from './site-data.ts';

export async function guidePaths({ atRoot }: { atRoot: boolean }) {
	const { guides, docs, keys } = await siteData();
	const rootIds = new Set(config.sections.docs?.atRoot ?? []);
	const shown = atRoot ? guides.filter((guide) => rootIds.has(guide.id)) : guides;
	return shown.map((guide) => {
		const around = docs.neighbours.get(guide.id);
		const moved = !atRoot && rootIds.has(guide.id);
		return {
			params: atRoot ? { rootGuide: guide.id } : { permalink: guide.id },
			props: { guide, moved },
			cacheKey: cacheKey(
				keys.shared,
				guide.digest,
				moved,
				around?.section,
				linkKey(around?.previous),
				linkKey(around?.next),
				config.repository,
			),
		};
	});
}
