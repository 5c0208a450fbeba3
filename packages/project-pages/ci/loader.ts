/**
 * The `status` collection's loader: one entry, `current`, holding the whole
 * toolchain status. It decides where the data comes from (GitHub through
 * the client; a snapshot fetched just before the build, when the build has
 * no token; or the last good data, marked stale, when there is no token or
 * the fetch fails) and knows nothing of HTTP.
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { CiOptionsSchema, trackedRepos, type CiOptionsInput, type TrackedRepo } from './options.ts';
import { parseReference, type GitHubRef } from './references.ts';
import { collectContentReferences, type ReferenceCache } from './content-references.ts';
import { createStatusClient, type FetchedStatus, type StatusClient, type StatusClientOptions } from './client.ts';
import { gitHubEnv, strictFromEnv } from './github-env.ts';
import { redactStrings, StatusFetchError } from './errors.ts';
import { readSnapshot } from './snapshot.ts';
import { reconcile } from './reconcile.ts';
import { deriveSnapshot, formatAsOf } from './derive.ts';
import { SNAPSHOT_VERSION, STATUS_ENTRY_ID, StatusSnapshotSchema, type StatusSnapshot } from './snapshot-schema.ts';

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

/** What a build asks GitHub for, and the references it leaves out (over `ci.maxReferences`). */
export interface StatusRequest {
	repos: TrackedRepo[];
	references: GitHubRef[];
	omitted: GitHubRef[];
}

/**
 * What the loader will ask GitHub for: tracked repos (plus content repos) and
 * references, the ones named in the options first, then the content's in the
 * order collectContentReferences gives (front-matter fields, then the newest
 * content), at most `ci.maxReferences` of them.
 */
export async function statusRequest(options: ToolchainStatusLoaderOptions, root: string, cache?: ReferenceCache): Promise<StatusRequest> {
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
	for (const s of [...(options.references ?? []), ...found.references]) {
		const ref = parseReference(s);
		if (ref && !refs.has(ref.id.toLowerCase())) refs.set(ref.id.toLowerCase(), ref);
	}
	const all = [...refs.values()];
	return { repos, references: all.slice(0, ci.maxReferences), omitted: all.slice(ci.maxReferences) };
}

/** "left out 9,700: a/b#1, a/b#2, c/d#3 and 9,697 more". */
export function describeOmitted(request: Pick<StatusRequest, 'references' | 'omitted'>, max: number): string {
	const n = request.omitted.length;
	const shown = request.omitted.slice(0, 3).map((r) => r.id);
	const more = n > shown.length ? ` and ${(n - shown.length).toLocaleString('en')} more` : '';
	return (
		`the content names ${(request.references.length + n).toLocaleString('en')} issues and pull requests; asking GitHub for ${request.references.length.toLocaleString('en')} ` +
		`(ci.maxReferences: ${max}; front-matter fields first, then the newest content) and leaving out ${n.toLocaleString('en')}: ${shown.join(', ')}${more}`
	);
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
	if (wanted.omitted.length > 0) context.logger.warn(`toolchain status: ${describeOmitted(wanted, ci.maxReferences)}`);
	const asked = { repos: wanted.repos, references: wanted.references, omitted: wanted.omitted.length };
	// Nothing leaves here holding the token, whatever GitHub or an old file sent.
	const safe = (data: StatusSnapshot) => redactStrings(data, github.token);

	/** The newest of the snapshot file and the content store (it survives between CI runs when cached). */
	const lastGood = async (): Promise<StatusSnapshot | undefined> => {
		const fromFile = await readSnapshot(snapshotPath);
		const previous = StatusSnapshotSchema.safeParse(context.store.get(STATUS_ENTRY_ID)?.data);
		const candidates = [fromFile, previous.success ? previous.data : undefined].filter((s): s is StatusSnapshot => s !== undefined);
		return candidates.sort((a, b) => fetchedMs(b) - fetchedMs(a))[0];
	};

	const fallBack = async (reason: string, warn: boolean): Promise<StatusSnapshot> => {
		if (strict) {
			throw new Error(
				`Toolchain status: ${reason}. Strict mode (CI_STATUS_STRICT=1 or ci.strict) does not allow falling back to the snapshot ${ci.snapshot}.`,
			);
		}
		const base = await lastGood();
		const data = reconcile(base, asked, { stale: true, reason });
		const asOf = base ? `as of ${formatAsOf(base.fetchedAt, new Date())}` : 'no snapshot, all unknown';
		const line = `${reason}; using the last good toolchain status (${asOf}, stale)`;
		if (warn) context.logger.warn(line);
		else context.logger.info(line);
		return safe(data);
	};

	// A site that names no repository and no issue has nothing to ask GitHub, so nothing to warn about either.
	if (wanted.repos.length === 0 && wanted.references.length === 0) return reconcile(undefined, asked, { stale: false });
	if (!github.token) {
		// The deploy workflow fetches in a step of its own and builds without the token: a snapshot that recent is current.
		const base = await lastGood();
		const age = base ? Date.now() - fetchedMs(base) : Number.NaN;
		if (base && age >= -FUTURE_SLACK_MS && age <= ci.freshForMinutes * 60_000) {
			context.logger.info(
				`GITHUB_TOKEN is not set; using the toolchain status fetched ${Math.max(0, Math.round(age / 60_000))} min ago (${formatAsOf(base.fetchedAt, new Date())}; ci.freshForMinutes: ${ci.freshForMinutes})`,
			);
			return safe(reconcile(base, asked, { stale: false }));
		}
		return fallBack('GITHUB_TOKEN is not set, so GitHub was not asked', false);
	}
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
		const points = fetched.rateLimit ? `, ${fetched.rateLimit.cost} points` : '';
		context.logger.info(
			`toolchain status fetched: ${fetched.repos.length} repos, ${fetched.references.length} references, ${fetched.requests} requests${points}`,
		);
		return safe(snapshotOf(fetched, asked.omitted));
	} catch (error) {
		if (!(error instanceof StatusFetchError)) throw error;
		return fallBack(`GitHub status fetch failed: ${error.message}`, true);
	}
}

/** A fetch as the status data: the loader's entry, and the file `project-pages status-refresh` writes. */
export function snapshotOf(fetched: FetchedStatus, omitted: number, source = fetched.source): StatusSnapshot {
	const snapshot: StatusSnapshot = {
		schemaVersion: SNAPSHOT_VERSION,
		fetchedAt: fetched.fetchedAt,
		stale: false,
		source,
		requests: fetched.requests,
		repos: fetched.repos,
		references: fetched.references,
	};
	if (fetched.rateLimit) snapshot.points = fetched.rateLimit.cost;
	if (omitted > 0) snapshot.omittedReferences = omitted;
	return deriveSnapshot(snapshot);
}

/** When the data was fetched, for ordering; data never fetched sorts before everything. */
function fetchedMs(snapshot: StatusSnapshot): number {
	const t = Date.parse(snapshot.fetchedAt ?? '');
	return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** A fetch time this far ahead of our clock is still believed (runners' clocks drift a little). */
const FUTURE_SLACK_MS = 5 * 60_000;

const REFERENCE_CACHE_KEY = 'content-references-v2';

function readReferenceCache(meta: LoaderContext['meta'] | undefined): ReferenceCache {
	try {
		return JSON.parse(meta?.get(REFERENCE_CACHE_KEY) ?? '{}') as ReferenceCache;
	} catch {
		return {};
	}
}
