/**
 * A fake GitHub API on 127.0.0.1 for tests, the benchmark and generating the
 * committed snapshot: GraphQL (parsed and executed by a small engine, so a
 * wrong field in our query fails as on GitHub) and a few REST endpoints,
 * with configurable latency and faults.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, GqlSyntaxError, parse } from './fake-github/graphql-mini.ts';
import { ABSTRACT_TYPES, queryRoot, type FakeGitHubData } from './fake-github/model.ts';
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
}

export interface FakeGitHub {
	/** REST base URL, as GITHUB_API_URL. */
	url: string;
	/** As GITHUB_GRAPHQL_URL. */
	graphqlUrl: string;
	data: FakeGitHubData;
	requests: RecordedRequest[];
	latencyMs: number;
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
	let remaining = 4999;
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

		remaining = Math.max(0, remaining - 1);
		if (path === '/graphql') {
			if (req.method !== 'POST') return send(res, 404, { message: 'Not Found', documentation_url: DOCS });
			if (typeof graphql?.query !== 'string') return send(res, 400, { message: 'Problems parsing JSON', documentation_url: DOCS });
			let result;
			try {
				const doc = parse(graphql.query);
				const root = queryRoot(state.data, { remaining, resetAt: new Date(reset * 1000).toISOString() });
				result = execute(doc, root, (graphql.variables ?? {}) as Record<string, unknown>, ABSTRACT_TYPES);
			} catch (e) {
				if (!(e instanceof GqlSyntaxError)) throw e;
				result = { errors: [{ message: e.message }] };
			}
			return send(res, 200, result, rateHeaders);
		}
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

/** A base URL where nothing listens (a port bound then released), for "connection refused". */
export async function refusedUrl(): Promise<string> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return `http://127.0.0.1:${port}`;
}
