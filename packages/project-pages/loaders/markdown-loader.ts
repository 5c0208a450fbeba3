/**
 * The content-layer loader for minutes, RFCs and Pioneer Projects: files that
 * arrive by pull request. It validates with the shared schemas, renders with
 * the safe markdown pipeline, and re-renders only files whose text changed,
 * so a warm rebuild costs a read and a hash per file. Bodies go to the
 * HtmlStore (content/html-store.ts), not into Astro's data store.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { SECTION_OF_KIND, type ContentKind } from '../content/constants.ts';
import { ContentError } from '../content/front-matter.ts';
import { HtmlStore } from '../content/html-store.ts';
import { entryId, IdRegistry } from '../content/identity.ts';
import { listContentFiles, loadDocument, readContentText, type ContentFile } from '../content/read-content.ts';
import { renderMarkdown } from '../markdown/render.ts';
import { enrichEntry } from './enrich.ts';
import { failOnProblems } from './fail.ts';
import { pipelineFingerprint } from './fingerprint.ts';
import { rebaseRelativeUrls } from './rebase-urls.ts';
import { avoidReservedIds } from './reserved-ids.ts';
import { syncOnChange } from './watch.ts';

const isMarkdownFile = (file: string) => /\.mdx?$/i.test(file);

export interface MarkdownLoaderOptions {
	kind: Exclude<ContentKind, 'blog'>;
	/** Folder relative to the project root, e.g. `content/minutes`. */
	directory: string;
	/** Where rendered bodies are kept: `htmlStoreDir` of the virtual config module. */
	bodies: string;
}

export function markdownLoader({ kind, directory, bodies }: MarkdownLoaderOptions): Loader {
	return {
		name: `project-pages:${kind}`,
		async load(context: LoaderContext) {
			const sync = async (keepEarlierBodies: boolean) => {
				const files = await listContentFiles(fileURLToPath(context.config.root), directory);
				const { seen, errors } = await syncMarkdownEntries(context, {
					kind,
					files,
					trusted: false,
					ids: new IdRegistry('permalink'),
					bodies,
					keepEarlierBodies,
				});
				for (const id of context.store.keys()) if (!seen.has(id)) context.store.delete(id);
				failOnProblems(kind, errors);
			};
			await sync(false);
			syncOnChange(context, directory, () => sync(true), isMarkdownFile);
		},
	};
}

export interface SyncOptions {
	kind: ContentKind;
	files: readonly ContentFile[];
	/** False for content from outside contributors: raw HTML is sanitized. */
	trusted: boolean;
	ids: IdRegistry;
	/** Where rendered bodies are kept (content/html-store.ts). */
	bodies: string;
	/** A re-sync under `astro dev`: keep the bodies of replaced digests, which pages may still ask for (HtmlStore.commit). */
	keepEarlierBodies?: boolean;
}

/** Validates and renders `files` into the store; returns the ids written and the problems found. */
export async function syncMarkdownEntries(
	{ store, generateDigest }: Pick<LoaderContext, 'store' | 'generateDigest'>,
	{ kind, files, trusted, ids, bodies: bodiesDir, keepEarlierBodies = false }: SyncOptions,
) {
	const errors: ContentError[] = [];
	const numbers = new IdRegistry('RFC number');
	const seen = new Set<string>();
	const bodies = new HtmlStore(bodiesDir);
	const kept: { id: string; digest: string }[] = [];
	// An unchanged file (same path, same text, same pipeline) keeps its entry without being parsed
	// again, as long as its stored body is still there (a cache restored without it re-renders).
	const previous = new Map(store.values().map((entry) => [entry.filePath, entry]));
	const claim = (id: string, file: string, data: unknown, digest: string) => {
		const clash = ids.claim(id, file) ?? (kind === 'rfcs' ? numbers.claim(String((data as { number: number }).number), file) : undefined);
		if (clash) throw clash;
		seen.add(id);
		kept.push({ id, digest });
	};
	await Promise.all(
		files.map(async (source) => {
			try {
				const text = await readContentText(source);
				const digest = generateDigest(`${pipelineFingerprint()}\n${text}`);
				const existing = previous.get(source.file);
				if (existing?.digest === digest && bodies.has({ collection: kind, id: existing.id, digest })) {
					return claim(existing.id, source.file, existing.data, digest);
				}
				const loaded = loadDocument(kind, source, text);
				const id = entryId(loaded, kind);
				claim(id, source.file, loaded.data, digest);
				const rendered = await renderMarkdown(loaded.doc.body, { trusted, fileURL: new URL(`file://${source.absolutePath}`) });
				const html = avoidReservedIds(rebaseRelativeUrls(rendered.html, `/${SECTION_OF_KIND[kind]}/${id}`));
				bodies.set({ collection: kind, id, digest, filePath: source.file }, html);
				store.set({ id, filePath: source.file, digest, data: enrichEntry(kind, loaded, id, rendered) });
			} catch (error) {
				errors.push(asContentError(source.file, error));
			}
		}),
	);
	if (errors.length === 0)
		bodies.commit(
			kind,
			kept.map(({ id, digest }) => ({ collection: kind, id, digest })),
			{ keepEarlier: keepEarlierBodies },
		);
	return { seen, errors };
}

function asContentError(file: string, error: unknown): ContentError {
	if (error instanceof ContentError) return error;
	// Anything unexpected still names the file it happened in.
	return new ContentError(file, [{ message: `could not be read: ${(error as Error)?.message ?? String(error)}` }]);
}
