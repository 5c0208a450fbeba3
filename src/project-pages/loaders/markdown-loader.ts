/**
 * The content-layer loader for minutes, RFCs and Pioneer Projects: files that
 * arrive by pull request. It validates with the shared schemas, renders with
 * the safe markdown pipeline, and re-renders only files whose text changed,
 * so a warm rebuild costs a read and a hash per file.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import type { ContentKind } from '../content/constants.ts';
import { ContentError } from '../content/front-matter.ts';
import { entryId, IdRegistry } from '../content/identity.ts';
import { listContentFiles, loadDocument, readContentText } from '../content/read-content.ts';
import { renderMarkdown } from '../markdown/render.ts';
import { enrichEntry } from './enrich.ts';
import { failOnProblems } from './fail.ts';

export interface MarkdownLoaderOptions {
	kind: Exclude<ContentKind, 'blog'>;
	/** Folder relative to the project root, e.g. `content/minutes`. */
	directory: string;
}

export function markdownLoader({ kind, directory }: MarkdownLoaderOptions): Loader {
	return {
		name: `project-pages:${kind}`,
		async load(context: LoaderContext) {
			const { store, generateDigest, config } = context;
			const root = fileURLToPath(config.root);
			const files = await listContentFiles(root, directory);
			const errors: ContentError[] = [];
			const ids = new IdRegistry('permalink');
			const numbers = new IdRegistry('RFC number');
			const seen = new Set<string>();

			await Promise.all(
				files.map(async (source) => {
					try {
						const text = await readContentText(source);
						const loaded = loadDocument(kind, source, text);
						const id = entryId(loaded, kind);
						const clash = ids.claim(id, source.file) ?? (kind === 'rfcs' ? numbers.claim(String((loaded.data as { number: number }).number), source.file) : undefined);
						if (clash) throw clash;
						seen.add(id);
						const digest = generateDigest(text);
						const existing = store.get(id);
						if (existing?.digest === digest && existing.filePath === source.file) return;
						const rendered = await renderMarkdown(loaded.doc.body, { trusted: false, fileURL: new URL(`file://${source.absolutePath}`) });
						store.set({
							id,
							filePath: source.file,
							digest,
							data: enrichEntry(kind, loaded, id, rendered),
							rendered: { html: rendered.html, metadata: { headings: rendered.headings } },
						});
					} catch (error) {
						errors.push(asContentError(source.file, error));
					}
				}),
			);
			for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
			failOnProblems(kind, errors);
		},
	};
}

function asContentError(file: string, error: unknown): ContentError {
	if (error instanceof ContentError) return error;
	// Anything unexpected still names the file it happened in.
	return new ContentError(file, [{ message: `could not be read: ${(error as Error)?.message ?? String(error)}` }]);
}
