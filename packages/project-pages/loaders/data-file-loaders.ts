/**
 * Loaders of the data files beside the content folders (content/data-files.ts):
 * `papers.yml` for the papers page and `docs.yaml` for the docs index. A
 * missing file is an empty collection; a broken one fails the build naming
 * the file, line and field. Both reload under `astro dev` when the file is saved.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DocsIndexFields, PapersFile, readDataFile, repeatedPaperNames } from '../content/data-files.ts';
import { ContentError } from '../content/front-matter.ts';
import { renderMarkdown } from '../markdown/render.ts';
import { failOnProblems } from './fail.ts';
import { keepEmptyCollection } from './keep-empty-collection.ts';
import { syncOnChange } from './watch.ts';

interface DataFileLoaderOptions {
	/** Relative to the project root: `content/papers.yml`. */
	file: string;
	/** False when the site turned the section off: nothing is read. */
	on: boolean;
}

function dataFileLoader(
	name: string,
	{ file, on }: DataFileLoaderOptions,
	sync: (context: LoaderContext, absolute: string) => Promise<void>,
): Loader {
	return {
		name: `project-pages:${name}`,
		async load(context) {
			if (!on) {
				context.store.clear();
				return keepEmptyCollection(context.store);
			}
			const absolute = path.resolve(fileURLToPath(context.config.root), file);
			const run = async () => {
				try {
					await sync(context, absolute);
					// No file (a site without papers) is an empty collection, not Astro's "does not exist" warning.
					keepEmptyCollection(context.store);
				} catch (error) {
					if (error instanceof ContentError) failOnProblems(name, [error]);
					throw error;
				}
			};
			await run();
			syncOnChange(context, file, run);
		},
	};
}

/** `papers.yml`: one entry per paper, in the file's order, its abstract rendered through the sanitizer. */
export function papersLoader(options: DataFileLoaderOptions): Loader {
	return dataFileLoader('papers', options, async ({ store }, absolute) => {
		const papers = (await readDataFile(absolute, options.file, PapersFile, []))?.data ?? [];
		const problems = repeatedPaperNames(papers);
		if (problems.length > 0) throw new ContentError(options.file, problems);
		const entries = await Promise.all(
			papers.map(async (paper, order) => {
				// The file is the maintainers', but an abstract is pasted from elsewhere: it keeps inline HTML
				// such as <em> and loses anything live, as contributed content does.
				// Its headings lose the ids the renderer gives them: `# paper-asplos` would take another paper's anchor.
				const abstractHtml = paper.abstract
					? (await renderMarkdown(paper.abstract, { trusted: false, dialect: 'commonmark' })).html.replace(/(<h[1-6])\s+id="[^"]*"/g, '$1')
					: undefined;
				return { id: paper.name, data: { ...paper, order, ...(abstractHtml ? { abstractHtml } : {}) } };
			}),
		);
		store.clear();
		for (const entry of entries) store.set(entry);
	});
}

/** `docs.yaml`: one entry, `index`, with the docs index's title and sections (resolved against the guides by the pages). */
export function docsIndexLoader(options: DataFileLoaderOptions): Loader {
	return dataFileLoader('docsIndex', options, async ({ store }, absolute) => {
		const index = await readDataFile(absolute, options.file, DocsIndexFields);
		store.clear();
		if (index) store.set({ id: 'index', data: { ...index.data, file: options.file } });
	});
}
