/**
 * Whole-fetch failures, sorted into the kinds the loader reports, with
 * messages safe to print: the token is never part of them (octokit redacts
 * its authorization header; `redact` also strips the value if a server
 * echoes it back in a body).
 */

export const FETCH_FAILURE_KINDS = [
	'no-token',
	'rate-limit',
	'unauthorized',
	'forbidden',
	'server',
	'timeout',
	'malformed',
	'network',
	'graphql',
	'http',
] as const;
export type FetchFailureKind = (typeof FETCH_FAILURE_KINDS)[number];

export class StatusFetchError extends Error {
	readonly kind: FetchFailureKind;
	readonly status: number | undefined;
	/** When a rate limit resets (ISO time), if GitHub said. */
	readonly resetAt: string | undefined;
	constructor(kind: FetchFailureKind, message: string, extra: { status?: number; resetAt?: string } = {}) {
		super(message);
		this.name = 'StatusFetchError';
		this.kind = kind;
		this.status = extra.status;
		this.resetAt = extra.resetAt;
	}
}

/** Replaces every occurrence of the secret in the text. */
export function redact(text: string, secret: string | undefined): string {
	return secret && secret.length >= 4 ? text.split(secret).join('[REDACTED]') : text;
}

/**
 * A copy of `value` (JSON: GitHub's answer, a snapshot) with the secret
 * replaced in every string, so nothing that came back can carry it on.
 */
export function redactStrings<T>(value: T, secret: string | undefined): T {
	if (!secret || secret.length < 4) return value;
	const walk = (v: unknown): unknown => {
		if (typeof v === 'string') return v.includes(secret) ? redact(v, secret) : v;
		if (Array.isArray(v)) return v.map(walk);
		if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
		return v;
	};
	return walk(value) as T;
}

interface RequestErrorLike {
	status?: number;
	message?: string;
	name?: string;
	response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
	cause?: unknown;
}

function header(err: RequestErrorLike, name: string): string | undefined {
	const value = err.response?.headers?.[name];
	return value === undefined ? undefined : String(value);
}

function hhmm(iso: string): string {
	return `${iso.slice(11, 16)} UTC`;
}

/** Short, one-line detail from an error or its cause (`connect ECONNREFUSED 127.0.0.1:9`). */
function detail(err: RequestErrorLike): string {
	const cause = err.cause as { code?: string; cause?: { code?: string } } | undefined;
	const code = cause?.code ?? cause?.cause?.code;
	const message = (err.message ?? '').split('\n')[0]!.slice(0, 200);
	return code && !message.includes(code) ? `${message} (${code})` : message;
}

/** Sorts any error thrown while fetching into a StatusFetchError. */
export function classifyError(
	error: unknown,
	context: { endpoint: string; timeoutMs: number; timedOut: boolean; token?: string | undefined },
): StatusFetchError {
	const safe = (kind: FetchFailureKind, message: string, extra?: { status?: number; resetAt?: string }) =>
		new StatusFetchError(kind, redact(message, context.token), extra);
	if (error instanceof StatusFetchError)
		return safe(error.kind, error.message, {
			...(error.status ? { status: error.status } : {}),
			...(error.resetAt ? { resetAt: error.resetAt } : {}),
		});
	const err = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as RequestErrorLike;
	if (context.timedOut || err.name === 'AbortError' || err.name === 'TimeoutError') {
		return safe('timeout', `GitHub did not answer within ${context.timeoutMs} ms`);
	}
	const status = typeof err.status === 'number' ? err.status : undefined;
	// The throttling plugin turns a 200 answer whose errors say RATE_LIMITED into a plain error.
	const errors = (err.response?.data as { errors?: Array<{ type?: string }> } | undefined)?.errors;
	if (status === undefined && Array.isArray(errors) && errors.some((e) => e?.type === 'RATE_LIMITED')) {
		const reset = header(err, 'x-ratelimit-reset');
		const resetAt = reset && /^\d+$/.test(reset) ? new Date(Number(reset) * 1000).toISOString() : undefined;
		return safe(
			'rate-limit',
			`GitHub GraphQL rate limit reached${resetAt ? `; it resets at ${hhmm(resetAt)}` : ''}`,
			resetAt ? { resetAt } : {},
		);
	}
	if (status === 401)
		return safe('unauthorized', 'GitHub rejected the token (HTTP 401): check that GITHUB_TOKEN is valid and not expired', { status });
	if (status === 403 || status === 429) {
		const remaining = header(err, 'x-ratelimit-remaining');
		const reset = header(err, 'x-ratelimit-reset');
		const retryAfter = header(err, 'retry-after');
		if (status === 429 || remaining === '0' || retryAfter !== undefined || /rate limit/i.test(err.message ?? '')) {
			let resetAt: string | undefined;
			if (reset && /^\d+$/.test(reset)) resetAt = new Date(Number(reset) * 1000).toISOString();
			else if (retryAfter && /^\d+$/.test(retryAfter)) resetAt = new Date(Date.now() + Number(retryAfter) * 1000).toISOString();
			const when = resetAt ? `; it resets at ${hhmm(resetAt)}` : '';
			return safe('rate-limit', `GitHub rate limit reached (HTTP ${status})${when}`, resetAt ? { status, resetAt } : { status });
		}
		return safe('forbidden', `GitHub refused the request (HTTP 403): ${detail(err)}`, { status });
	}
	if (status !== undefined && status >= 500 && err.response === undefined) {
		return safe('network', `could not reach ${context.endpoint}: ${detail(err)}`);
	}
	if (status !== undefined && status >= 500)
		return safe('server', `GitHub answered HTTP ${status} (after retries): ${detail(err)}`, { status });
	if (status !== undefined) return safe('http', `GitHub answered HTTP ${status}: ${detail(err)}`, { status });
	return safe('network', `could not reach ${context.endpoint}: ${detail(err)}`);
}
