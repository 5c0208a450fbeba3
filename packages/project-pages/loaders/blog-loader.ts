/**
 * Blog posts are written by maintainers. `.md` posts go through the same
 * pipeline as every other kind (trusted, so raw HTML stays); `.mdx` posts
 * need Astro's own glob loader to compile. Both land in one collection, with
 * ids from mirage-www's `permalink` and errors worded like every other kind's.
 */
import { glob, type DataStore, type Loader, type LoaderContext } from 'astro/loaders';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ContentError } from '../content/front-matter.ts';
import type { ContentKind } from '../content/kinds.ts';
import { isMdxFile } from '../content/html-store.ts';
import { IdRegistry, permalinkProblem } from '../content/identity.ts';
import { listContentFiles } from '../content/read-content.ts';
import { validateFrontMatter } from '../content/validate.ts';
import { failOnProblems } from './fail.ts';
import { keepEmptyCollection } from './keep-empty-collection.ts';
import { defaultSite, syncMarkdownEntries, type EntrySite } from './markdown-loader.ts';
import { syncOnChange } from './watch.ts';

/** The integration that compiles `.mdx`, as Astro names it. */
const MDX_INTEGRATION = '@astrojs/mdx';
const MDX_MISSING =
	'an .mdx post needs the @astrojs/mdx integration: run `npx astro add mdx` (or install @astrojs/mdx and add mdx() to integrations in astro.config.mjs), or rename the file to .md';

export interface BlogLoaderOptions {
	/** The trusted kind the loader serves (the registry's `trusted`); the blog unless said. */
	kind?: ContentKind;
	/** Folder relative to the project root, e.g. `content/blog`. */
	directory: string;
	/** Where rendered bodies of `.md` posts are kept: `htmlStoreDir` of the virtual config module. */
	bodies: string;
	site?: EntrySite;
}

export function blogLoader({ kind = 'blog', directory, bodies, site = defaultSite(kind) }: BlogLoaderOptions): Loader {
	const mdxLoader = glob({
		pattern: '**/*.mdx',
		base: directory,
		generateId: ({ entry, data }) => (typeof data.permalink === 'string' && data.permalink ? data.permalink : path.basename(entry, '.mdx')),
		retainBody: false,
	});
	/** Whether Astro's glob loader has been given the watcher: from then on it watches the MDX files itself. */
	let mdxWatched = false;
	return {
		name: `project-pages:${kind}`,
		async load(context: LoaderContext) {
			await syncBlog(context, false);
			// A re-sync runs without the watcher once the glob loader has it, so that it does not
			// subscribe again; until then (no MDX yet), the first .mdx file added starts it.
			syncOnChange(
				context,
				directory,
				() => syncBlog({ ...context, watcher: mdxWatched ? undefined : context.watcher }, true),
				(file) => /\.md$/i.test(file) || (!mdxWatched && /\.mdx$/i.test(file)),
			);
		},
	};

	/** Astro's glob loader compiles the MDX posts; their front matter is checked like every other post's. */
	async function loadMdx(context: LoaderContext, root: string, ids: IdRegistry, errors: ContentError[]): Promise<void> {
		await mdxLoader.load({
			...context,
			// The glob loader prunes entries it did not load; show it only the MDX ones.
			store: onlyEntries(context.store, (entry) => isMdxFile(entry?.filePath)),
			parseData: async ({ id, data, filePath }) => {
				const file = filePath ? path.relative(root, path.resolve(root, filePath)).split(path.sep).join('/') : `${directory}/${id}.mdx`;
				try {
					const problem = permalinkProblem(kind, id, typeof data.permalink !== 'string' || !data.permalink, site.sectionPath);
					if (problem) throw new ContentError(file, [{ message: problem }]);
					const clash = ids.claim(id, file);
					if (clash) throw clash;
					return { ...validateFrontMatter(kind, file, data, undefined, site.schema), permalink: id, file } as unknown as typeof data;
				} catch (error) {
					errors.push(error instanceof ContentError ? error : new ContentError(file, [{ message: String(error) }]));
					return data;
				}
			},
		});
	}

	/** `keepEarlierBodies`: a re-sync under `astro dev` (HtmlStore.commit). */
	async function syncBlog(context: LoaderContext, keepEarlierBodies: boolean): Promise<void> {
		const root = fileURLToPath(context.config.root);
		// Listed before Astro's glob loader runs: that one follows symbolic links, so a refused
		// link (to a file outside, or to `/`) stops the sync here, with its name.
		const listed = await listContentFiles(root, directory);
		failOnProblems(
			kind,
			listed.flatMap((f) => (f.refused ? [new ContentError(f.file, [{ message: f.refused }])] : [])),
		);
		const ids = new IdRegistry('permalink');
		// MDX entries kept from the last build are not re-validated, but still own their permalink.
		// One whose file is gone (deleted, renamed) is dropped first: left in the store, it would
		// claim its permalink, and the glob loader would keep importing the old path.
		for (const entry of context.store.values()) {
			if (!isMdxFile(entry.filePath)) continue;
			if (existsSync(path.resolve(root, entry.filePath!))) ids.claim(entry.id, entry.filePath!);
			else context.store.delete(entry.id);
		}
		const errors: ContentError[] = [];
		const mdxFiles = listed.filter((f) => f.extension === '.mdx');
		// Without @astrojs/mdx, Astro's glob loader skips an .mdx file with a warning, and the post is gone.
		if (mdxFiles.length > 0 && !context.config.integrations.some((i) => i.name === MDX_INTEGRATION)) {
			failOnProblems(
				kind,
				mdxFiles.map((f) => new ContentError(f.file, [{ message: MDX_MISSING }])),
			);
		}
		// Run only when there is MDX: on none, the glob loader warns that it found no files.
		if (mdxFiles.length > 0) {
			if (context.watcher) mdxWatched = true;
			await loadMdx(context, root, ids, errors);
		}
		const markdown = listed.filter((f) => f.extension !== '.mdx');
		const { seen, errors: mdErrors } = await syncMarkdownEntries(context, {
			kind,
			files: markdown,
			trusted: true,
			ids,
			bodies,
			site,
			keepEarlierBodies,
		});
		for (const entry of context.store.values()) {
			if (!isMdxFile(entry.filePath) && !seen.has(entry.id)) context.store.delete(entry.id);
		}
		keepEmptyCollection(context.store);
		failOnProblems(kind, [...errors, ...mdErrors]);
	}
}

/** A view of the store that hides the entries `keep` rejects from listing. */
function onlyEntries(store: DataStore, keep: (entry: ReturnType<DataStore['get']>) => boolean): DataStore {
	return {
		...store,
		get: store.get,
		set: store.set,
		delete: store.delete,
		has: store.has,
		clear: () => {
			for (const entry of store.values()) if (keep(entry)) store.delete(entry.id);
		},
		keys: () =>
			store
				.values()
				.filter(keep)
				.map((e) => e.id),
		values: () => store.values().filter(keep),
		entries: () => store.entries().filter(([, e]) => keep(e)),
		addModuleImport: store.addModuleImport,
	};
}
