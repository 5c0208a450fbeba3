/**
 * The collections the integration's pages read. Astro has no hook that
 * registers collections, so the site's `src/content.config.ts` calls this:
 *
 *     import { projectPagesCollections } from 'astro-project-pages/collections';
 *     export const collections = projectPagesCollections();
 */
import { defineCollection } from 'astro:content';
import config, { htmlStoreDir as bodies } from 'virtual:project-pages/config';
import { BlogEntrySchema, MinutesEntrySchema, PersonFields, ProjectEntrySchema, RfcEntrySchema } from './content/schemas.ts';
import { blogLoader } from './loaders/blog-loader.ts';
import { markdownLoader } from './loaders/markdown-loader.ts';
import { peopleLoader } from './loaders/people-loader.ts';
import { toolchainStatusLoader } from './ci/loader.ts';

export function projectPagesCollections() {
	const dir = config.contentDir.replace(/\/+$/, '');
	return {
		minutes: defineCollection({
			loader: markdownLoader({ kind: 'minutes', directory: `${dir}/minutes`, bodies }),
			schema: MinutesEntrySchema,
		}),
		rfcs: defineCollection({ loader: markdownLoader({ kind: 'rfcs', directory: `${dir}/rfcs`, bodies }), schema: RfcEntrySchema }),
		projects: defineCollection({
			loader: markdownLoader({ kind: 'projects', directory: `${dir}/projects`, bodies }),
			schema: ProjectEntrySchema,
		}),
		blog: defineCollection({ loader: blogLoader({ directory: `${dir}/blog`, bodies }), schema: BlogEntrySchema }),
		people: defineCollection({ loader: peopleLoader({ file: `${dir}/people.yaml` }), schema: PersonFields }),
		// Toolchain status from CI; the loader also fetches the repos and references the content names.
		status: defineCollection({ loader: toolchainStatusLoader({ ci: config.ci, contentDir: dir }) }),
	};
}
