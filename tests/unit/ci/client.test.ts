/**
 * The client against the fake GitHub over real HTTP on 127.0.0.1: success,
 * per-repo failures, and every whole-fetch failure kind. Retry delays and
 * timeouts are short so the suite stays fast.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { refusedUrl, startFakeGitHub, type FakeGitHub } from '../../helpers/fake-github.ts';
import { fakeRepo, OCAML_CI_VARIANTS, syntheticRepos, toolchainFixture, TOOLCHAIN } from '../../helpers/fake-github/toolchain-fixture.ts';
import { createStatusClient, type FetchStatusRequest } from '../../../packages/project-pages/ci/client.ts';
import { StatusFetchError } from '../../../packages/project-pages/ci/errors.ts';
import { trackedRepos } from '../../../packages/project-pages/ci/options.ts';
import { parseReference } from '../../../packages/project-pages/ci/references.ts';

const TOKEN = 'ghp_TESTtoken0123456789abcdefghijklmnopqr';
const now = new Date('2025-06-01T14:05:00Z');
let fake: FakeGitHub;

const client = (over: { baseUrl?: string } = {}) =>
	createStatusClient({ token: TOKEN, baseUrl: over.baseUrl ?? fake.url, retries: 2, retryDelayMs: 5 });
const request = (over: Partial<FetchStatusRequest> = {}): FetchStatusRequest => ({
	repos: trackedRepos({ core: ['mirage/mirage', 'mirage/mirage-tcpip'], tooling: ['ocaml/opam-repository'] }),
	references: ['mirage/mirage#1520', 'https://github.com/mirage/mirage-tcpip/pull/499'].map((r) => parseReference(r)!),
	history: 10,
	timeoutMs: 5000,
	...over,
});
async function failure(promise: Promise<unknown>): Promise<StatusFetchError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(StatusFetchError);
	expect(String((error as Error).message)).not.toContain(TOKEN);
	return error as StatusFetchError;
}

beforeAll(async () => {
	fake = await startFakeGitHub({
		data: toolchainFixture(now, { references: ['mirage/mirage#1520', 'mirage/mirage-tcpip#499'] }),
		token: TOKEN,
	});
});
afterAll(() => fake.close());
beforeEach(() => {
	fake.fault(undefined);
	fake.requests.length = 0;
});

describe('fetchStatus against the fake GitHub', () => {
	it('fetches heads, history, checks of both kinds, issue counts and references', async () => {
		const result = await client().fetchStatus(request());
		expect(result.requests).toBe(2); // one batch + one page of opam-repository's 120 statuses
		expect(fake.requests.every((r) => r.path === '/graphql' && r.authorized)).toBe(true);
		const [mirage, tcpip, opam] = result.repos;
		expect(mirage).toMatchObject({ id: 'mirage/mirage', group: 'core', branch: 'main', state: 'passing' });
		expect(mirage!.history).toHaveLength(10);
		const ocamlCi = mirage!.history[0]!.checks.find((c) => c.name === 'ocaml-ci');
		expect(ocamlCi).toMatchObject({ kind: 'check-run', state: 'success', url: expect.stringMatching(/^https:\/\/ocaml\.ci\.dev\//) });
		expect(ocamlCi!.variants!.map((v) => v.name)).toEqual(OCAML_CI_VARIANTS);
		expect(mirage!.history[0]!.checks.find((c) => c.name.startsWith('CI / build'))?.url).toMatch(/\/actions\/runs\//);
		// Commits pushed along with a head have no CI: GitHub sends statusCheckRollup null.
		expect(mirage!.history.slice(1, 3).map((c) => [c.checks, c.rollup])).toEqual([
			[[], undefined],
			[[], undefined],
		]);
		expect(mirage!.issues).toEqual({ goodFirstIssue: expect.any(Number), helpWanted: expect.any(Number) });
		expect(tcpip).toMatchObject({
			state: 'failing',
			failingSince: { oid: tcpip!.history[2]!.oid, exact: true, lastGood: { oid: tcpip!.history[3]!.oid } },
			knownGood: { oid: tcpip!.history[3]!.oid, behind: 3 },
		});
		expect(new Set(opam!.history[0]!.checks.map((c) => c.kind))).toEqual(new Set(['status']));
		expect(opam!.history[0]!.checks).toHaveLength(120);
		expect(opam!.history[0]!.checksTruncated).toBeUndefined();
		expect(result.references.map((r) => [r.id, r.kind])).toEqual([
			['mirage/mirage-tcpip#499', expect.stringMatching(/issue|pull-request/)],
			['mirage/mirage#1520', expect.stringMatching(/issue|pull-request/)],
		]);
		const pr = result.references.find((r) => r.kind === 'pull-request');
		expect(pr).toMatchObject({
			title: expect.any(String),
			reviewCount: expect.any(Number),
			commentCount: expect.any(Number),
			updatedAt: expect.any(String),
		});
		// What GitHub's formula charges, summed over both requests, as GitHub reports it in rateLimit.cost.
		expect(result.rateLimit?.cost).toBe(fake.points);
		expect(fake.requests.map((r) => r.cost?.points)).toEqual([1, 1]);
	});

	it('marks only the failing repo and reference unknown, with the reason', async () => {
		fake.data.repos.push({ ...fakeRepo('mirage/secret', now), forbidden: true });
		try {
			const result = await client().fetchStatus(
				request({
					repos: trackedRepos({ core: ['mirage/mirage', 'mirage/does-not-exist', 'mirage/secret'] }),
					references: ['mirage/mirage#1520', 'mirage/mirage#424242', 'nobody/nothing#1'].map((r) => parseReference(r)!),
				}),
			);
			expect(result.repos.map((r) => [r.id, r.state, r.reason])).toEqual([
				['mirage/mirage', 'passing', undefined],
				['mirage/does-not-exist', 'unknown', 'repository mirage/does-not-exist not found on GitHub (renamed, deleted or private)'],
				['mirage/secret', 'unknown', 'no access to repository mirage/secret'],
			]);
			expect(result.references.map((r) => [r.id, r.state, r.reason])).toEqual([
				['mirage/mirage#1520', expect.stringMatching(/open|closed|merged/), undefined],
				['mirage/mirage#424242', 'unknown', 'mirage/mirage#424242 not found on GitHub (renamed, deleted or private)'],
				['nobody/nothing#1', 'unknown', 'repository nobody/nothing not found on GitHub (renamed, deleted or private)'],
			]);
		} finally {
			fake.data.repos.pop();
		}
	});

	it('reports a renamed repo under its new name', async () => {
		const moved = fakeRepo('mirage/mirage-net-xen', now);
		fake.data.repos.push({ ...moved, name: 'netfront', formerNames: ['mirage/old-netfront'] });
		try {
			const result = await client().fetchStatus(request({ repos: trackedRepos({ g: ['mirage/old-netfront'] }), references: [] }));
			expect(result.repos[0]).toMatchObject({ id: 'mirage/old-netfront', renamedTo: 'mirage/netfront', state: 'passing' });
		} finally {
			fake.data.repos.pop();
		}
	});

	it('reports a named branch that does not exist', async () => {
		const result = await client().fetchStatus(
			request({ repos: trackedRepos({ g: [{ repo: 'mirage/mirage', branch: 'nope' }] }), references: [] }),
		);
		expect(result.repos[0]).toMatchObject({ state: 'unknown', reason: 'branch "nope" not found in mirage/mirage' });
	});

	it('retries a 5xx and then succeeds', async () => {
		fake.fault({ kind: 'server-error', status: 502, times: 1 });
		const result = await client().fetchStatus(request({ repos: trackedRepos({ g: ['mirage/mirage'] }) }));
		expect(result.repos[0]!.state).toBe('passing');
		expect(result.requests).toBe(2);
	});

	it('gives up after the retries on a lasting 5xx', async () => {
		fake.fault({ kind: 'server-error', status: 503 });
		const error = await failure(client().fetchStatus(request()));
		expect(error).toMatchObject({ kind: 'server', status: 503 });
		expect(fake.requests).toHaveLength(3);
	});

	it.each([403, 429] as const)('stops on a rate limit (HTTP %i) and says when it resets', async (status) => {
		fake.fault({ kind: 'rate-limit', status, resetInSeconds: 3600 });
		const error = await failure(client().fetchStatus(request()));
		expect(error.kind).toBe('rate-limit');
		expect(error.message).toMatch(new RegExp(`^GitHub rate limit reached \\(HTTP ${status}\\); it resets at \\d\\d:\\d\\d UTC$`));
		expect(Date.parse(error.resetAt!) - Date.now()).toBeGreaterThan(3000_000);
		expect(fake.requests).toHaveLength(1);
	});

	it('stops on a GraphQL RATE_LIMITED answer', async () => {
		fake.fault({ kind: 'graphql-rate-limit' });
		expect((await failure(client().fetchStatus(request()))).kind).toBe('rate-limit');
	});

	it('stops on 401 without retrying', async () => {
		fake.fault({ kind: 'unauthorized' });
		const error = await failure(client().fetchStatus(request()));
		expect(error).toMatchObject({ kind: 'unauthorized', status: 401 });
		expect(error.message).toBe('GitHub rejected the token (HTTP 401): check that GITHUB_TOKEN is valid and not expired');
		expect(fake.requests).toHaveLength(1);
	});

	it('rejects a malformed body', async () => {
		fake.fault({ kind: 'malformed' });
		const error = await failure(client().fetchStatus(request()));
		expect(error.kind).toBe('malformed');
		expect(error.message).toContain('was not GraphQL JSON');
	});

	it('bounds the whole fetch when GitHub hangs', async () => {
		// The fake never answers: without the bound this would wait until the test timeout.
		fake.fault({ kind: 'hang' });
		const error = await failure(client().fetchStatus(request({ timeoutMs: 300 })));
		expect(error.kind).toBe('timeout');
		expect(error.message).toBe('GitHub did not answer within 300 ms');
	});

	it('reports a refused connection after retrying', async () => {
		const url = await refusedUrl();
		const error = await failure(client({ baseUrl: url }).fetchStatus(request()));
		expect(error.kind).toBe('network');
		expect(error.message).toContain(`could not reach ${url}/graphql`);
	});

	it('reports a reset connection', async () => {
		fake.fault({ kind: 'reset' });
		expect((await failure(client().fetchStatus(request()))).kind).toBe('network');
	});

	it('never puts the token in an error, even when a server echoes it', async () => {
		const echo = await startFakeGitHub({ token: 'other-token' });
		try {
			const sneaky = createStatusClient({ token: TOKEN, baseUrl: echo.url, retries: 0 });
			const error = await failure(sneaky.fetchStatus(request()));
			expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain(TOKEN);
		} finally {
			await echo.close();
		}
	});

	it('redacts the token from every string GitHub sends back, before anything reads it', async () => {
		const echo = structuredClone(fake.data);
		const tcpip = echo.repos.find((r) => r.name === 'mirage-tcpip')!;
		const head = tcpip.branches.main![0]!;
		head.message = `fix ${TOKEN}`;
		for (const c of head.contexts) {
			if (c.type === 'check-run')
				Object.assign(c, {
					name: `${c.name} ${TOKEN}`,
					summary: `${c.summary ?? ''}\n❌ [${TOKEN} (failed: ${TOKEN})](https://x.test/${TOKEN})`,
				});
		}
		tcpip.forbidden = false;
		echo.repos.push({ ...fakeRepo('mirage/secret', now), forbidden: `Resource not accessible: ${TOKEN}` });
		const saved = fake.data;
		fake.data = echo;
		try {
			const result = await client().fetchStatus(
				request({ repos: trackedRepos({ g: ['mirage/mirage-tcpip', 'mirage/secret'] }), references: [] }),
			);
			const text = JSON.stringify(result);
			expect(text).not.toContain(TOKEN);
			expect(result.repos[0]!.history[0]!.message).toBe('fix [REDACTED]');
			expect(result.repos[0]!.history[0]!.checks.find((c) => c.name.startsWith('ocaml-ci'))!.variants!.at(-1)).toEqual({
				name: '[REDACTED]',
				state: 'failure',
				detail: '[REDACTED]',
				url: 'https://x.test/[REDACTED]',
			});
			expect(result.repos[1]!.reason).toBe('no access to repository mirage/secret');
		} finally {
			fake.data = saved;
		}
	});

	it('makes at most 3 requests for 40 repos and 100 references', async () => {
		const data = syntheticRepos(40, now, 3);
		const big = await startFakeGitHub({ data, token: TOKEN });
		try {
			const repos = trackedRepos({ bench: data.repos.map((r) => `${r.owner}/${r.name}`) });
			const references = data.repos.flatMap((r) => [1, 2, 3].map((k) => parseReference(`${r.owner}/${r.name}#${k}`)!)).slice(0, 100);
			const result = await createStatusClient({ token: TOKEN, baseUrl: big.url }).fetchStatus({
				repos,
				references,
				history: 10,
				timeoutMs: 5000,
			});
			expect(result.requests).toBeLessThanOrEqual(3);
			expect(big.requests.length).toBe(result.requests);
			expect(result.repos.filter((r) => r.state === 'unknown')).toEqual([]);
			expect(result.references.filter((r) => r.state === 'unknown')).toEqual([]);
		} finally {
			await big.close();
		}
	});

	it('covers the whole tracked toolchain in two requests, read the way these repos report CI', async () => {
		const result = await client().fetchStatus(request({ repos: trackedRepos(TOOLCHAIN), references: [] }));
		const byId = new Map(result.repos.map((r) => [r.id, r]));
		expect(result.repos.map((r) => r.state).sort()).toEqual([...Array(2).fill('failing'), ...Array(15).fill('passing'), 'pending'].sort());
		// A re-run on an older commit: the rollup lists both attempts; the latest (by start time) is the verdict, the earlier makes it flaky.
		const dns = byId.get('mirage/ocaml-dns')!;
		const rerun = dns.history[2]!;
		expect(rerun.checks.filter((c) => c.name === 'CI / build (ubuntu-latest, 4.14)').map((c) => c.state)).toEqual(['success']);
		expect(rerun.earlierAttempts).toEqual([{ name: 'CI / build (ubuntu-latest, 4.14)', state: 'failure' }]);
		expect(dns.flakyChecks).toEqual([{ name: 'CI / build (ubuntu-latest, 4.14)', oid: rerun.oid }]);
		// A re-run on the head: GitHub's rollup still says FAILURE, the repo passes, the job is flaky.
		const crypto = byId.get('mirage/mirage-crypto')!;
		expect(crypto).toMatchObject({
			state: 'passing',
			flakyChecks: [{ name: 'CI / build (macos-latest, 5.2)', oid: crypto.history[0]!.oid }],
		});
		expect(crypto.history[0]!.rollup).toBe('failure');
		expect(result.repos.filter((r) => r.flakyChecks.length > 0).map((r) => r.id)).toEqual(['mirage/ocaml-dns', 'mirage/mirage-crypto']);
		// ocaml-ci queued with variants active: building, not unknown; a job not yet started has startedAt null.
		const irmin = byId.get('mirage/irmin')!;
		expect(irmin.state).toBe('pending');
		const queued = irmin.history[0]!.checks.find((c) => c.name === 'ocaml-ci')!;
		expect(queued.state).toBe('pending');
		expect(queued.variants!.filter((v) => v.state === 'pending').map((v) => v.name)).toEqual([
			'freebsd-14.2-5.3_opam-2.3',
			'macos-homebrew-5.3_opam-2.3',
			'ubuntu-24.04-5.3_opam-2.3',
		]);
		expect(irmin.history[0]!.checks.find((c) => c.name === 'CI / build (ubuntu-latest, 4.14)')).toMatchObject({ state: 'pending' });
		expect(irmin.history[0]!.checks.find((c) => c.name === 'CI / build (ubuntu-latest, 4.14)')!.startedAt).toBeUndefined();
		// ocaml-ci's failing variants, each with its job.
		const tcpip = byId.get('mirage/mirage-tcpip')!;
		const failed = tcpip.history[0]!.checks.find((c) => c.name === 'ocaml-ci')!.variants!.filter((v) => v.state === 'failure');
		expect(failed).toEqual([
			{
				name: 'alpine-3.21-5.3_opam-2.3',
				state: 'failure',
				detail: 'Exit code 2',
				url: `https://ocaml.ci.dev/github/mirage/mirage-tcpip/commit/${tcpip.history[0]!.oid}/variant/alpine-3.21-5.3_opam-2.3/-/refs/heads/main`,
			},
			expect.objectContaining({ name: 'freebsd-14.2-5.3_opam-2.3', detail: 'Exit code 1' }),
		]);
		expect(result.requests).toBe(2);
	});

	it('costs at most 50 points for 40 repos and 100 references', async () => {
		const data = syntheticRepos(40, now, 3);
		const big = await startFakeGitHub({ data, token: TOKEN });
		try {
			const repos = trackedRepos({ bench: data.repos.map((r) => `${r.owner}/${r.name}`) });
			const references = data.repos.flatMap((r) => [1, 2, 3].map((k) => parseReference(`${r.owner}/${r.name}#${k}`)!)).slice(0, 100);
			const result = await createStatusClient({ token: TOKEN, baseUrl: big.url }).fetchStatus({
				repos,
				references,
				history: 10,
				timeoutMs: 5000,
			});
			expect(result.rateLimit?.cost).toBe(big.points);
			expect(big.points).toBeLessThanOrEqual(50);
		} finally {
			await big.close();
		}
	});
});
