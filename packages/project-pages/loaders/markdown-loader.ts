/**
 * The content-layer loader for minutes, RFCs and projects: files that
 * arrive by pull request. It validates with the shared schemas, renders with
 * the safe markdown pipeline, and re-renders only files whose text changed,
 * so a warm rebuild costs a read and a hash per file. Bodies go to the
 * HtmlStore (content/html-store.ts), not into Astro's data store.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'astro/zod';
import { KINDS, type ContentKind } from '../content/kinds.ts';
import { ContentError } from '../content/front-matter.ts';
import { HtmlStore } from '../content/html-store.ts';
import { entryId, IdRegistry } from '../content/identity.ts';
import { listContentFiles, loadDocument, readContentText, type ContentFile } from '../content/read-content.ts';
import { summaryLimitWarning } from '../markdown/extract-minutes.ts';
import { DEFAULT_DIALECT, type MarkdownDialect } from '../markdown/dialects.ts';
import { renderMarkdown } from '../markdown/render.ts';
import { enrichEntry } from './enrich.ts';
import { failOnProblems } from './fail.ts';
import { keepEmptyCollection } from './keep-empty-collection.ts';
import { pipelineFingerprint } from './fingerprint.ts';
import { rebaseRelativeUrls } from './rebase-urls.ts';
import { avoidReservedIds } from './reserved-ids.ts';
import { syncOnChange } from './watch.ts';

const isMarkdownFile = (file: string) => /\.mdx?$/i.test(file);

/** What the site's options change in an entry as stored: its schema, its URL, its default title. */
export interface EntrySite {
	/** The kind's front-matter schema, with the site's own fields (`projectPagesCollections({ extend })`). */
	schema?: z.ZodType | undefined;
	/** URL path of the kind's section (`minutes`), and of the RFC section, which minutes link to. */
	sectionPath: string;
	rfcsPath: string;
	/** Astro's `base`, ending in `/`: site-relative links in bodies are written under it. */
	base: string;
	/** One entry's name: minutes without a title are called "<item>: <date>". */
	item: string;
	/** How the kind's markdown is read on this site (the `markdown` option). */
	dialect: MarkdownDialect;
	/**
	 * Whether a site path without its trailing slash is one of the site's pages (`/docs/install`), so
	 * that a link to it, as mirage-www wrote them, gets the slash (utils/sections.ts, `sitePageMatcher`).
	 */
	isPage?: (sitePath: string) => boolean;
	/** Goes into every entry's digest, so that changing the settings above re-renders stored entries. */
	salt: string;
}

/** The registry's defaults, for a loader used without the integration's settings (tests). */
export function defaultSite(kind: ContentKind): EntrySite {
	return {
		sectionPath: KINDS[kind].path,
		rfcsPath: KINDS.rfcs.path,
		base: '/',
		item: KINDS[kind].item,
		dialect: DEFAULT_DIALECT,
		salt: '',
	};
}

export interface MarkdownLoaderOptions {
	/** A contributed kind: minutes, RFCs, projects, or a maintainer kind the site takes from anyone (`contributed`). */
	kind: ContentKind;
	/** Folder relative to the project root, e.g. `content/minutes`. */
	directory: string;
	/** Where rendered bodies are kept: `htmlStoreDir` of the virtual config module. */
	bodies: string;
	site?: EntrySite;
}

export function markdownLoader({ kind, directory, bodies, site = defaultSite(kind) }: MarkdownLoaderOptions): Loader {
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
					site,
					keepEarlierBodies,
				});
				for (const id of context.store.keys()) if (!seen.has(id)) context.store.delete(id);
				keepEmptyCollection(context.store);
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
	site?: EntrySite;
	/** A re-sync under `astro dev`: keep the bodies of replaced digests, which pages may still ask for (HtmlStore.commit). */
	keepEarlierBodies?: boolean;
}

/** Validates and renders `files` into the store; returns the ids written and the problems found. */
export async function syncMarkdownEntries(
	{
		store,
		generateDigest,
		logger,
		config,
	}: Pick<LoaderContext, 'store' | 'generateDigest'> & {
		logger?: Pick<LoaderContext['logger'], 'warn'>;
		config?: Pick<LoaderContext['config'], 'publicDir'>;
	},
	{ kind, files, trusted, ids, bodies: bodiesDir, site = defaultSite(kind), keepEarlierBodies = false }: SyncOptions,
) {
	const errors: ContentError[] = [];
	const numbers = new IdRegistry('RFC number');
	const seen = new Set<string>();
	const bodies = new HtmlStore(bodiesDir);
	const kept: { id: string; digest: string }[] = [];
	// An unchanged file (same path, same text, same pipeline) keeps its entry without being parsed
	// again, as long as its stored body is still there (a cache restored without it re-renders).
	const previous = new Map(store.values().map((entry) => [entry.filePath, entry]));
	const isPage = pageLinks(site, config?.publicDir);
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
				const digest = generateDigest(`${pipelineFingerprint()}\n${site.salt}\n${text}`);
				const existing = previous.get(source.file);
				if (existing?.digest === digest && bodies.has({ collection: kind, id: existing.id, digest })) {
					return claim(existing.id, source.file, existing.data, digest);
				}
				const loaded = loadDocument(kind, source, text, site.schema, trusted);
				const id = entryId(loaded, kind, site.sectionPath);
				const limited = kind === 'minutes' ? summaryLimitWarning(loaded.doc.body) : undefined;
				if (limited) logger?.warn(`${source.file}: ${limited}`);
				claim(id, source.file, loaded.data, digest);
				const rendered = await renderMarkdown(loaded.doc.body, {
					trusted,
					dialect: site.dialect,
					fileURL: new URL(`file://${source.absolutePath}`),
				});
				const html = avoidReservedIds(rebaseRelativeUrls(rendered.html, `/${site.sectionPath}/${id}`, site.base, isPage));
				bodies.set({ collection: kind, id, digest, filePath: source.file }, html);
				store.set({ id, filePath: source.file, digest, data: enrichEntry(kind, loaded, id, rendered, site) });
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

/**
 * The site's rule for which links are pages (`site.isPage`), less the files in `public/`: a link to
 * `/blog/talk.pdf` is a file there, not a post, and keeps its URL.
 */
function pageLinks(site: EntrySite, publicDir: URL | undefined): ((sitePath: string) => boolean) | undefined {
	const { isPage } = site;
	if (!isPage) return undefined;
	if (!publicDir) return isPage;
	const dir = fileURLToPath(publicDir);
	return (sitePath) => isPage(sitePath) && !(statSync(path.join(dir, sitePath), { throwIfNoEntry: false })?.isFile() ?? false);
}

function asContentError(file: string, error: unknown): ContentError {
	if (error instanceof ContentError) return error;
	// Anything unexpected still names the file it happened in.
	return new ContentError(file, [{ message: `could not be read: ${(error as Error)?.message ?? String(error)}` }]);
}
