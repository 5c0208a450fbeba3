/**
 * The status client: octokit (retry + throttling) against GitHub's GraphQL
 * API, batched, bounded in time. It knows nothing of Astro; the loader and
 * the refresh script call it. Whole-fetch failures throw StatusFetchError;
 * a single repo or reference failing only marks that one unknown.
 */
import { Octokit } from 'octokit';
import type { GitHubRef } from './references.ts';
import type { TrackedRepo } from './options.ts';
import type { ReferenceStatus, RepoStatus } from './snapshot-schema.ts';
import { buildContextsPageQuery, buildStatusQuery, planBatches, type BatchLimits } from './query.ts';
import { latestAttempts, parseChecks, parseStatusData, type GraphQLError, type MoreChecks, type ParsedRepo } from './parse.ts';
import { classifyError, redactStrings, StatusFetchError } from './errors.ts';
import { deriveRepo } from './derive.ts';

export interface StatusClientOptions {
	/** Never printed. Without one, GitHub allows very few requests, so callers should not fetch at all. */
	token?: string | undefined;
	/** REST base URL. Default https://api.github.com. */
	baseUrl?: string;
	/** GraphQL endpoint. Default `<baseUrl>/graphql`. */
	graphqlUrl?: string;
	/** Retries after a 5xx or a network error. Default 2. */
	retries?: number;
	/** Base of the retry back-off (1×, 4×, 9×…). Default 1000 ms; tests make it short. */
	retryDelayMs?: number;
	limits?: BatchLimits;
	/**
	 * Requests in flight at once. Default 1: GitHub's REST and GraphQL best
	 * practices ask for serial requests to stay clear of secondary rate limits,
	 * and batching keeps the count at 1-3 for a typical site anyway.
	 */
	concurrency?: number;
	/** Where octokit's own warnings go (never contains the token). Default: dropped. */
	log?: (level: 'warn' | 'error', message: string) => void;
	userAgent?: string;
}

export interface FetchStatusRequest {
	repos: readonly TrackedRepo[];
	references: readonly GitHubRef[];
	/** Commits per branch, head included. */
	history: number;
	/** Upper bound for everything, retries included. */
	timeoutMs: number;
}

export interface FetchedStatus {
	fetchedAt: string;
	/** Which endpoint answered. */
	source: string;
	/** HTTP requests made, retries included. */
	requests: number;
	repos: RepoStatus[];
	references: ReferenceStatus[];
	/** What GitHub said the fetch cost (the sum of every answer's `rateLimit.cost`) and what is left. */
	rateLimit?: { remaining: number; resetAt: string; cost: number };
}

export interface StatusClient {
	fetchStatus(request: FetchStatusRequest): Promise<FetchedStatus>;
}

type Json = Record<string, unknown>;
const MAX_CHECK_PAGES = 5;

type Job = (...args: unknown[]) => unknown;
const PASS_THROUGH_GROUP = {
	key: () => ({
		schedule: (first: unknown, ...rest: unknown[]) =>
			typeof first === 'function' ? (first as Job)(...rest) : (rest[0] as Job)(...rest.slice(1)),
	}),
} as never;

export function createStatusClient(options: StatusClientOptions = {}): StatusClient {
	const baseUrl = (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, '');
	const graphqlUrl = options.graphqlUrl ?? `${baseUrl}/graphql`;
	const token = options.token;

	return {
		async fetchStatus(request) {
			const controller = new AbortController();
			const deadline = Date.now() + request.timeoutMs;
			let requests = 0;
			let timedOut = false;
			// Counting here sees every attempt, retries included; refusing once the
			// deadline passed stops pending retries from going on in the background.
			const guardedFetch: typeof fetch = (input, init) => {
				if (controller.signal.aborted) return Promise.reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
				requests++;
				return fetch(input, { ...init, signal: controller.signal });
			};
			const wantRetry = (retryAfterSeconds: number, _o: unknown, _k: unknown, retryCount: number) =>
				retryCount === 0 && Date.now() + retryAfterSeconds * 1000 < deadline;
			const octokit = new Octokit({
				...(token ? { auth: token } : {}),
				baseUrl,
				userAgent: options.userAgent ?? 'project-pages-status',
				request: { fetch: guardedFetch },
				retry: {
					retries: options.retries ?? 2,
					retryAfterBaseValue: options.retryDelayMs ?? 1000,
					// 403/429 are rate limits, left to the throttling plugin's rules above.
					doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
				},
				throttle: {
					onRateLimit: wantRetry,
					onSecondaryRateLimit: wantRetry,
					// The plugin spaces all GraphQL POSTs one second apart, as it would
					// mutations. Ours are read-only queries, already sent one at a time
					// (see `concurrency`), so this gate lets them through without the wait.
					write: PASS_THROUGH_GROUP,
				},
				log: {
					debug: () => {},
					info: () => {},
					warn: (m: string) => options.log?.('warn', String(m)),
					error: (m: string) => options.log?.('error', String(m)),
				},
			});

			let cost = 0;
			let lastRate: Json | undefined;
			async function graphql(query: string, variables: Json): Promise<{ data: Json; errors: GraphQLError[] }> {
				const response = await octokit.request({ method: 'POST', url: graphqlUrl, query, variables });
				// Titles, messages, names, summaries and error texts are written by anyone
				// and may echo the token back: it goes before anything reads the answer.
				const body: unknown = redactStrings(response.data, token);
				if (typeof body !== 'object' || body === null || Array.isArray(body) || (!('data' in body) && !('errors' in body))) {
					throw new StatusFetchError(
						'malformed',
						`GitHub's answer from ${graphqlUrl} was not GraphQL JSON (HTTP ${response.status}, ${typeof body === 'string' ? `${body.length} characters of text` : typeof body})`,
					);
				}
				const { data, errors } = body as { data?: unknown; errors?: unknown };
				const errs = Array.isArray(errors) ? (errors as GraphQLError[]) : [];
				if (errs.some((e) => e?.type === 'RATE_LIMITED')) throw new StatusFetchError('rate-limit', 'GitHub GraphQL rate limit reached');
				if (typeof data !== 'object' || data === null) {
					const first = errs[0]?.message ?? 'no data';
					throw new StatusFetchError('graphql', `GitHub rejected the status query: ${String(first).slice(0, 200)}`);
				}
				const rate = (data as Json).rateLimit as Json | undefined;
				if (rate && typeof rate.cost === 'number') {
					cost += rate.cost;
					lastRate = rate;
				}
				return { data: data as Json, errors: errs };
			}

			async function run(): Promise<FetchedStatus> {
				const batches = planBatches(request.repos, request.references, options.limits);
				const results = await inParallel(batches, options.concurrency ?? 1, async (batch) => {
					const built = buildStatusQuery(batch, request.history);
					const { data, errors } = await graphql(built.query, built.variables);
					return parseStatusData(built, data, errors);
				});
				const repos = results.flatMap((r) => r.repos);
				await fetchRemainingChecks(repos);
				const out: FetchedStatus = {
					fetchedAt: new Date().toISOString(),
					source: `GitHub GraphQL API (${graphqlUrl})`,
					requests,
					repos: repos.map((r) => deriveRepo(r.status)),
					references: results.flatMap((r) => r.references),
				};
				if (lastRate && typeof lastRate.remaining === 'number') {
					out.rateLimit = { remaining: lastRate.remaining, resetAt: String(lastRate.resetAt), cost };
				}
				return out;
			}

			/** Heads with more checks than the first page: fetch the rest, all heads in one request per page. */
			async function fetchRemainingChecks(repos: ParsedRepo[]): Promise<void> {
				let pending = repos.filter((r): r is ParsedRepo & { more: MoreChecks } => r.more !== undefined);
				for (let page = 0; page < MAX_CHECK_PAGES && pending.length > 0; page++) {
					const { query, variables } = buildContextsPageQuery(pending.map((r) => r.more));
					const { data } = await graphql(query, variables);
					const next: typeof pending = [];
					pending.forEach((repo, i) => {
						const contexts = (data[`p${i}`] as Json | null)?.statusCheckRollup as Json | undefined;
						const head = repo.status.history[0]!;
						const connection = contexts?.contexts as Json | undefined;
						// A re-run's attempts can land on different pages: the latest is decided over all of them.
						const { checks, earlier } = latestAttempts([...head.checks, ...parseChecks(connection)]);
						head.checks = checks;
						const attempts = [...(head.earlierAttempts ?? []), ...earlier];
						if (attempts.length > 0) head.earlierAttempts = attempts;
						const info = connection?.pageInfo as Json | undefined;
						if (info?.hasNextPage === true && typeof info.endCursor === 'string') {
							next.push({ ...repo, more: { commitId: repo.more.commitId, after: info.endCursor } });
						} else {
							delete head.checksTruncated;
						}
					});
					pending = next;
				}
			}

			let timer: ReturnType<typeof setTimeout> | undefined;
			const timeout = new Promise<never>((_, reject) => {
				timer = setTimeout(() => {
					timedOut = true;
					controller.abort();
					reject(new Error('deadline'));
				}, request.timeoutMs);
			});
			try {
				return await Promise.race([run(), timeout]);
			} catch (error) {
				throw classifyError(error, { endpoint: graphqlUrl, timeoutMs: request.timeoutMs, timedOut, token });
			} finally {
				clearTimeout(timer);
			}
		},
	};
}

/** Runs `fn` over items with at most `limit` in flight, keeping order. */
async function inParallel<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
	const out: R[] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const i = next++;
			out[i] = await fn(items[i]!);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return out;
}
