// The virtual modules' types, for a site that type-checks with this package in node_modules (see index.ts).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./virtual.d.ts" />
/**
 * The collections the integration's pages read. Astro has no hook that
 * registers collections, so the site's `src/content.config.ts` calls this:
 *
 *     import { projectPagesCollections } from 'astro-project-pages/collections';
 *     export const collections = projectPagesCollections();
 *
 * A site adds fields of its own to a kind with `extend`; they are validated
 * with the rest of the front matter and reach `getCollection()`:
 *
 *     import { z } from 'astro/zod';
 *     projectPagesCollections({ extend: { minutes: z.object({ venue: z.string().optional() }) } });
 */
import { createHash } from 'node:crypto';
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import type { z } from 'astro/zod';
import config, { base, htmlStoreDir as bodies } from 'virtual:project-pages/config';
import { CONTENT_KINDS, isTrusted, KINDS, type ContentKind } from './content/kinds.ts';
import { checkExtensions, ENTRY_SCHEMAS, extensionKey, frontMatterSchema, PersonFields, type KindExtensions } from './content/schemas.ts';
import { blogLoader } from './loaders/blog-loader.ts';
import { markdownLoader, type EntrySite } from './loaders/markdown-loader.ts';
import { offLoader } from './loaders/off-loader.ts';
import { peopleLoader } from './loaders/people-loader.ts';
import { docsIndexLoader, papersLoader } from './loaders/data-file-loaders.ts';
import { toolchainStatusLoader } from './ci/loader.ts';
import { dialectOf } from './markdown/dialects.ts';
import { DocsIndexEntry, PaperEntry } from './content/data-files.ts';
import { sitePageMatcher } from './utils/sections.ts';

export type { KindExtensions } from './content/schemas.ts';

export interface ProjectPagesCollectionsOptions<E extends KindExtensions> {
	/** Fields of the site's own, per kind: `{ minutes: z.object({ venue: z.string().optional() }) }`, with `z` from `astro/zod`. */
	extend?: E;
}

/** A kind's entry schema, with the site's fields when it extends the kind (what `getCollection()` returns). */
type EntrySchemaOf<K extends ContentKind, E extends KindExtensions> = K extends keyof E
	? E[K] extends z.ZodObject<infer Shape>
		? z.ZodObject<(typeof ENTRY_SCHEMAS)[K]['shape'] & Shape, z.core.$strict>
		: (typeof ENTRY_SCHEMAS)[K]
	: (typeof ENTRY_SCHEMAS)[K];

/** The collections, typed so that a site's own fields reach `getCollection()`: Astro reads each `schema`'s type. */
export type ProjectPagesCollections<E extends KindExtensions> = { [K in ContentKind]: { loader: Loader; schema: EntrySchemaOf<K, E> } } & {
	people: { loader: Loader; schema: typeof PersonFields };
	papers: { loader: Loader; schema: typeof PaperEntry };
	docsIndex: { loader: Loader; schema: typeof DocsIndexEntry };
	status: { loader: Loader };
};

export function projectPagesCollections<E extends KindExtensions = Record<never, never>>(
	options: ProjectPagesCollectionsOptions<E> = {},
): ProjectPagesCollections<E> {
	const extensions: KindExtensions = options.extend ?? {};
	checkExtensions(extensions);
	const dir = config.contentDir.replace(/\/+$/, '');
	// Links to pages get their trailing slash; which paths are pages follows every section's path.
	const isPage = sitePageMatcher(config.sections);
	const site = (kind: ContentKind): EntrySite => {
		const section = config.sections[kind]!;
		const dialect = dialectOf(kind, config.markdown);
		// Everything in the stored entry that these settings change (URLs under base, titles, extra
		// fields, the links to other sections, the dialect and the trust model).
		const salt = createHash('sha256')
			.update(JSON.stringify([base, config.sections, extensionKey(extensions[kind]), dialect, isTrusted(kind, config.contributed)]))
			.digest('hex');
		return {
			schema: frontMatterSchema(kind, extensions[kind]),
			sectionPath: section.path,
			rfcsPath: config.sections.rfcs?.path ?? KINDS.rfcs.path,
			base: base,
			item: section.item,
			dialect,
			isPage,
			salt,
		};
	};
	const loader = (kind: ContentKind) => {
		const directory = `${dir}/${KINDS[kind].folder}`;
		if (!config.sections[kind]) return offLoader(kind, directory);
		if (isTrusted(kind, config.contributed)) return blogLoader({ kind, directory, bodies, site: site(kind) });
		return markdownLoader({ kind, directory, bodies, site: site(kind) });
	};
	const collection = (kind: ContentKind) =>
		defineCollection({
			loader: loader(kind),
			schema: extensions[kind] ? ENTRY_SCHEMAS[kind].extend(extensions[kind].shape) : ENTRY_SCHEMAS[kind],
		});
	return {
		...Object.fromEntries(CONTENT_KINDS.map((kind) => [kind, collection(kind)])),
		people: defineCollection({ loader: peopleLoader({ file: `${dir}/people.yaml` }), schema: PersonFields }),
		papers: defineCollection({
			loader: papersLoader({ file: `${dir}/papers.yml`, on: Boolean(config.sections.papers) }),
			schema: PaperEntry,
		}),
		docsIndex: defineCollection({
			loader: docsIndexLoader({ file: `${dir}/docs.yaml`, on: Boolean(config.sections.docs) }),
			schema: DocsIndexEntry,
		}),
		// Toolchain status from CI; the loader also fetches the repos and references the content names.
		status: defineCollection({ loader: toolchainStatusLoader({ ci: config.ci, contentDir: dir }) }),
	} as unknown as ProjectPagesCollections<E>;
}
