/**
 * Blog posts are written by maintainers and may be MDX, which only Astro's
 * own glob loader can compile. This wraps it: ids come from mirage-www's
 * `permalink`, and validation goes through the shared schema so errors read
 * like every other kind's (`content/blog/x.md: date: is required`).
 */
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ContentError } from '../content/front-matter.ts';
import { IdRegistry } from '../content/identity.ts';
import { validateFrontMatter } from '../content/validate.ts';
import { failOnProblems } from './fail.ts';

export interface BlogLoaderOptions {
	/** Folder relative to the project root, e.g. `content/blog`. */
	directory: string;
}

export function blogLoader({ directory }: BlogLoaderOptions): Loader {
	const inner = glob({
		pattern: ['**/*.md', '**/*.mdx'],
		base: directory,
		generateId: ({ entry, data }) => (typeof data.permalink === 'string' && data.permalink ? data.permalink : stemOf(entry)),
		retainBody: false,
	});
	return {
		name: 'project-pages:blog',
		async load(context: LoaderContext) {
			const root = fileURLToPath(context.config.root);
			const ids = new IdRegistry('permalink');
			// Entries kept from the last build are not re-validated, but still own their permalink.
			for (const entry of context.store.values()) if (entry.filePath) ids.claim(entry.id, entry.filePath);
			const errors: ContentError[] = [];
			await inner.load({
				...context,
				parseData: async ({ id, data, filePath }) => {
					const file = filePath ? path.relative(root, path.resolve(root, filePath)).split(path.sep).join('/') : `${directory}/${id}`;
					try {
						const clash = ids.claim(id, file);
						if (clash) throw clash;
						const valid = validateFrontMatter('blog', file, data);
						return { ...valid, permalink: id, file } as unknown as typeof data;
					} catch (error) {
						errors.push(error instanceof ContentError ? error : new ContentError(file, [{ message: String(error) }]));
						return data;
					}
				},
			});
			failOnProblems('blog', errors);
		},
	};
}

function stemOf(entry: string): string {
	return path.basename(entry).replace(/\.(md|mdx)$/i, '');
}
