/**
 * A fake GitHub API on 127.0.0.1 for tests, the benchmark and generating the
 * committed snapshot: GraphQL executed by graphql-js against GitHub's
 * published schema, with GitHub's pagination and node limits and its
 * rate-limit cost (github-graphql.ts), so a query GitHub would reject fails
 * here too and answers have GitHub's shape; a few REST endpoints; and
 * configurable latency and faults.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runQuery, type GitHubAnswer, type QueryCost } from './fake-github/github-graphql.ts';
import { queryRoot, type FakeGitHubData } from './fake-github/model.ts';
import { restAnswer } from './fake-github/rest.ts';

export type * from './fake-github/model.ts';

/** A whole-request fault. `times` (default: every request) counts the requests it applies to. */
export type Fault = (
	| { kind: 'unauthorized' }
	| { kind: 'rate-limit'; status: 403 | 429; resetInSeconds?: number }
	| { kind: 'graphql-rate-limit' }
	| { kind: 'server-error'; status?: 500 | 502 | 503 | 504 }
	| { kind: 'hang' }
	| { kind: 'malformed' }
	| { kind: 'reset' }
) & { times?: number };

export interface FakeGitHubOptions {
	data?: FakeGitHubData;
	/** Added before every answer, in ms. */
	latencyMs?: number;
	/** When set, requests must carry it (`token …` or `bearer …`), otherwise 401. */
	token?: string;
}

export interface RecordedRequest {
	method: string;
	path: string;
	/** Whether an authorization header came (its value is not kept). */
	authorized: boolean;
	/** GraphQL body, when there was one. */
	graphql?: { query: string; variables: Record<string, unknown> };
	/** What GitHub's formula makes the query cost, when it was valid. */
	cost?: QueryCost;
}

export interface FakeGitHub {
	/** REST base URL, as GITHUB_API_URL. */
	url: string;
	/** As GITHUB_GRAPHQL_URL. */
	graphqlUrl: string;
	data: FakeGitHubData;
	requests: RecordedRequest[];
	latencyMs: number;
	/** Rate-limit points spent so far (what GitHub would have charged). */
	readonly points: number;
	/** Sets (or clears) the fault applied to the next requests. */
	fault(fault: Fault | undefined): void;
	close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/graphql';

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-github-request-id': 'FAKE:1', ...headers });
	res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
	let fault: Fault | undefined;
	let remaining = 5000;
	let points = 0;
	const requests: RecordedRequest[] = [];
	const state = { data: options.data ?? { repos: [] }, latencyMs: options.latencyMs ?? 0 };

	const server = createServer((req, res) => {
		void handle(req, res).catch((e: unknown) => {
			if (!res.headersSent) send(res, 500, { message: `fake server error: ${String(e)}` });
		});
	});

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const path = new URL(req.url ?? '/', 'http://fake').pathname;
		const body = await readBody(req);
		const record: RecordedRequest = { method: req.method ?? 'GET', path, authorized: typeof req.headers.authorization === 'string' };
		let graphql: { query?: unknown; variables?: unknown } | undefined;
		if (path === '/graphql' && req.method === 'POST') {
			try {
				graphql = JSON.parse(body) as typeof graphql;
			} catch {
				graphql = {};
			}
			record.graphql = { query: String(graphql?.query ?? ''), variables: (graphql?.variables ?? {}) as Record<string, unknown> };
		}
		requests.push(record);

		const active = fault;
		if (active && active.times !== undefined) {
			active.times--;
			if (active.times <= 0) fault = undefined;
		}
		if (active?.kind === 'hang') return; // never answers; close() drops the socket
		if (state.latencyMs > 0) await new Promise((r) => setTimeout(r, state.latencyMs));
		if (active?.kind === 'reset') {
			req.socket.destroy();
			return;
		}

		const reset = Math.floor(Date.now() / 1000) + 3600;
		const rateHeaders = {
			'x-ratelimit-limit': '5000',
			'x-ratelimit-remaining': String(remaining),
			'x-ratelimit-reset': String(reset),
			'x-ratelimit-resource': path === '/graphql' ? 'graphql' : 'core',
		};
		const auth = req.headers.authorization;
		const tokenOk =
			!options.token || auth === `token ${options.token}` || auth === `bearer ${options.token}` || auth === `Bearer ${options.token}`;
		if (active?.kind === 'unauthorized' || !tokenOk) {
			return send(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
		}
		if (active?.kind === 'rate-limit') {
			const resetAt = Math.floor(Date.now() / 1000) + (active.resetInSeconds ?? 3600);
			if (active.status === 429) {
				return send(
					res,
					429,
					{
						message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
						documentation_url: DOCS,
						status: '429',
					},
					{ 'retry-after': String(active.resetInSeconds ?? 60) },
				);
			}
			return send(
				res,
				403,
				{
					message:
						'API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, please include the request ID FAKE:1.',
					documentation_url: DOCS,
					status: '403',
				},
				{ ...rateHeaders, 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '5000', 'x-ratelimit-reset': String(resetAt) },
			);
		}
		if (active?.kind === 'graphql-rate-limit') {
			return send(
				res,
				200,
				{ errors: [{ type: 'RATE_LIMITED', message: 'API rate limit already exceeded for user ID 1.' }] },
				{ ...rateHeaders, 'x-ratelimit-remaining': '0' },
			);
		}
		if (active?.kind === 'server-error') {
			return send(res, active.status ?? 502, '<html><body><h1>502 Bad Gateway</h1></body></html>', { 'content-type': 'text/html' });
		}
		if (active?.kind === 'malformed') {
			return send(res, 200, '{"data": {"r0": {"nameWithOwner": "mirage/mir', rateHeaders);
		}

		if (path === '/graphql') {
			if (req.method !== 'POST') return send(res, 404, { message: 'Not Found', documentation_url: DOCS });
			if (typeof graphql?.query !== 'string') return send(res, 400, { message: 'Problems parsing JSON', documentation_url: DOCS });
			const variables = (graphql.variables ?? {}) as Record<string, unknown>;
			const operationName =
				typeof (graphql as { operationName?: unknown }).operationName === 'string'
					? String((graphql as { operationName: string }).operationName)
					: undefined;
			const { answer, cost } = await answerGraphQL(state.data, graphql.query, variables, operationName, (c) => {
				// GitHub charges a query before it runs it; `rateLimit` reports what is left after.
				points += c.points;
				remaining = Math.max(0, remaining - c.points);
				return { remaining, resetAt: new Date(reset * 1000).toISOString() };
			});
			if (cost) record.cost = cost;
			return send(res, 200, answer, {
				...rateHeaders,
				'x-ratelimit-remaining': String(remaining),
				'x-ratelimit-used': String(5000 - remaining),
			});
		}
		remaining = Math.max(0, remaining - 1);
		const answer = restAnswer(state.data, req.method ?? 'GET', path, { remaining, reset });
		return send(res, answer.status, answer.body, rateHeaders);
	}

	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const url = `http://127.0.0.1:${port}`;
	return {
		url,
		graphqlUrl: `${url}/graphql`,
		get data() {
			return state.data;
		},
		set data(d) {
			state.data = d;
		},
		requests,
		get points() {
			return points;
		},
		get latencyMs() {
			return state.latencyMs;
		},
		set latencyMs(ms) {
			state.latencyMs = ms;
		},
		fault(f) {
			fault = f ? { ...f } : undefined;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/**
 * What the fake GitHub answers to one GraphQL request over `data`, without
 * HTTP: for unit tests that want answers of exactly GitHub's shape.
 */
export function answerGraphQL(
	data: FakeGitHubData,
	query: string,
	variables: Record<string, unknown>,
	operationName?: string,
	charge: (cost: QueryCost) => { remaining: number; resetAt: string } = () => ({ remaining: 4999, resetAt: '2030-01-01T00:00:00Z' }),
): Promise<{ answer: GitHubAnswer; cost?: QueryCost }> {
	return runQuery(query, variables, operationName, (cost) => queryRoot(data, cost, charge(cost)));
}

/** A base URL where nothing listens (a port bound then released), for "connection refused". */
export async function refusedUrl(): Promise<string> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return `http://127.0.0.1:${port}`;
}
