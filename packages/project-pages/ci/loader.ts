/**
 * The `status` collection's loader: one entry, `current`, holding the whole
 * toolchain status. It decides where the data comes from (GitHub through
 * the client, or the last good data when there is no token or the fetch
 * fails) and knows nothing of HTTP.
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { CiOptionsSchema, trackedRepos, type CiOptionsInput, type TrackedRepo } from './options.ts';
import { parseReference, type GitHubRef } from './references.ts';
import { collectContentReferences, type ReferenceCache } from './content-references.ts';
import { createStatusClient, type StatusClient, type StatusClientOptions } from './client.ts';
import { gitHubEnv, strictFromEnv } from './github-env.ts';
import { StatusFetchError } from './errors.ts';
import { readSnapshot } from './snapshot.ts';
import { reconcileStale } from './reconcile.ts';
import { deriveSnapshot, formatAsOf } from './derive.ts';
import { STATUS_ENTRY_ID, StatusSnapshotSchema, type StatusSnapshot } from './snapshot-schema.ts';

export { STATUS_ENTRY_ID };

export interface ToolchainStatusLoaderOptions {
	/** The integration's `ci` option (validated again here: cheap, and the loader may be used alone). */
	ci: CiOptionsInput;
	/** Folder whose markdown names more repos and references to fetch (see collectContentReferences). */
	contentDir?: string;
	/** More `owner/repo#N` references or issue URLs to fetch. */
	references?: readonly string[];
	/** More `owner/repo`s to fetch, outside the toolchain groups. */
	repos?: readonly string[];
	/** Default: `process.env`. GITHUB_TOKEN, GITHUB_API_URL, GITHUB_GRAPHQL_URL, CI_STATUS_STRICT. */
	env?: Record<string, string | undefined>;
	/** Client tuning (retry delays in tests). Token and URLs come from `env`. */
	client?: Omit<StatusClientOptions, 'token' | 'baseUrl' | 'graphqlUrl'>;
	/** Replaces the GitHub client (tests). */
	createClient?: (options: StatusClientOptions) => StatusClient;
}

/** What the loader will ask GitHub for: tracked repos (plus content repos) and references. */
export async function statusRequest(
	options: ToolchainStatusLoaderOptions,
	root: string,
	cache?: ReferenceCache,
): Promise<{ repos: TrackedRepo[]; references: GitHubRef[] }> {
	const ci = CiOptionsSchema.parse(options.ci);
	const found = options.contentDir
		? await collectContentReferences(resolve(root, options.contentDir), cache)
		: { references: [], repos: [] };
	const repos = trackedRepos(ci.toolchain);
	const seen = new Set(repos.map((r) => r.id.toLowerCase()));
	for (const id of [...found.repos, ...(options.repos ?? [])]) {
		const [owner, repo] = id.split('/');
		if (!owner || !repo || seen.has(id.toLowerCase())) continue;
		seen.add(id.toLowerCase());
		repos.push({ owner, repo, id });
	}
	const refs = new Map<string, GitHubRef>();
	for (const s of [...found.references, ...(options.references ?? [])]) {
		const ref = parseReference(s);
		if (ref && !refs.has(ref.id.toLowerCase())) refs.set(ref.id.toLowerCase(), ref);
	}
	return { repos, references: [...refs.values()] };
}

export function toolchainStatusLoader(options: ToolchainStatusLoaderOptions): Loader {
	return {
		name: 'project-pages-toolchain-status',
		schema: StatusSnapshotSchema,
		async load(context: LoaderContext) {
			const data = await loadStatus(options, context);
			const parsed = await context.parseData({ id: STATUS_ENTRY_ID, data });
			context.store.set({ id: STATUS_ENTRY_ID, data: parsed, digest: context.generateDigest(parsed) });
		},
	};
}

/** The whole decision, separate from the store so it can be tested with a minimal context. */
export async function loadStatus(
	options: ToolchainStatusLoaderOptions,
	context: Pick<LoaderContext, 'logger' | 'store'> & { config?: { root: URL }; meta?: LoaderContext['meta'] },
): Promise<StatusSnapshot> {
	const ci = CiOptionsSchema.parse(options.ci);
	const env = options.env ?? process.env;
	const strict = ci.strict || strictFromEnv(env);
	const root = context.config ? fileURLToPath(context.config.root) : process.cwd();
	const snapshotPath = isAbsolute(ci.snapshot) ? ci.snapshot : resolve(root, ci.snapshot);
	// What each content file names, kept between builds so that unchanged files are not read again.
	const cache = readReferenceCache(context.meta);
	const wanted = await statusRequest(options, root, cache);
	context.meta?.set(REFERENCE_CACHE_KEY, JSON.stringify(cache));
	const github = gitHubEnv(env);

	const fallBack = async (reason: string, warn: boolean): Promise<StatusSnapshot> => {
		if (strict) {
			throw new Error(
				`Toolchain status: ${reason}. Strict mode (CI_STATUS_STRICT=1 or ci.strict) does not allow falling back to the snapshot ${ci.snapshot}.`,
			);
		}
		const fromFile = await readSnapshot(snapshotPath);
		// The content store survives between CI runs (it is cached): if it holds
		// newer data than the committed file, that is the last good data.
		const previous = StatusSnapshotSchema.safeParse(context.store.get(STATUS_ENTRY_ID)?.data);
		const candidates = [fromFile, previous.success ? previous.data : undefined].filter((s): s is StatusSnapshot => s !== undefined);
		const base = candidates.sort((a, b) => Date.parse(b.fetchedAt) - Date.parse(a.fetchedAt))[0];
		const data = reconcileStale(base, wanted, reason);
		const asOf = base ? `as of ${formatAsOf(base.fetchedAt, new Date())}` : 'no snapshot, all unknown';
		const line = `${reason}; using the last good toolchain status (${asOf}, stale)`;
		if (warn) context.logger.warn(line);
		else context.logger.info(line);
		return data;
	};

	if (!github.token) return fallBack('GITHUB_TOKEN is not set, so GitHub was not asked', false);
	const client = (options.createClient ?? createStatusClient)({
		...options.client,
		token: github.token,
		baseUrl: github.baseUrl,
		graphqlUrl: github.graphqlUrl,
	});
	try {
		const fetched = await client.fetchStatus({
			repos: wanted.repos,
			references: wanted.references,
			history: ci.history,
			timeoutMs: ci.timeoutMs,
		});
		context.logger.info(
			`toolchain status fetched: ${fetched.repos.length} repos, ${fetched.references.length} references, ${fetched.requests} requests`,
		);
		return deriveSnapshot({
			schemaVersion: 1,
			fetchedAt: fetched.fetchedAt,
			stale: false,
			source: fetched.source,
			requests: fetched.requests,
			repos: fetched.repos,
			references: fetched.references,
		});
	} catch (error) {
		if (!(error instanceof StatusFetchError)) throw error;
		return fallBack(`GitHub status fetch failed: ${error.message}`, true);
	}
}

const REFERENCE_CACHE_KEY = 'content-references-v1';

function readReferenceCache(meta: LoaderContext['meta'] | undefined): ReferenceCache {
	try {
		return JSON.parse(meta?.get(REFERENCE_CACHE_KEY) ?? '{}') as ReferenceCache;
	} catch {
		return {};
	}
}
