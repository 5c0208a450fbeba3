/**
 * The loader's decisions, end to end over real HTTP to the fake GitHub:
 * fresh data, fallbacks to the last good data with one warning line, strict
 * mode, and the token never showing up in anything it prints or stores.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { refusedUrl, startFakeGitHub, type FakeGitHub, type Fault } from '../../helpers/fake-github.ts';
import { toolchainFixture } from '../../helpers/fake-github/toolchain-fixture.ts';
import {
	loadStatus,
	toolchainStatusLoader,
	STATUS_ENTRY_ID,
	type ToolchainStatusLoaderOptions,
} from '../../../packages/project-pages/ci/loader.ts';
import { writeSnapshot } from '../../../packages/project-pages/ci/snapshot.ts';
import type { StatusSnapshot } from '../../../packages/project-pages/ci/snapshot-schema.ts';

const TOKEN = 'ghp_LOADERtoken9876543210zyxwvutsrqponmlk';
const now = new Date();
let fake: FakeGitHub;
let root: string;
let lines: string[];
let store: Map<string, { id: string; data: Record<string, unknown> }>;

const SNAPSHOT: StatusSnapshot = {
	schemaVersion: 2,
	fetchedAt: '2025-05-30T09:07:00Z',
	stale: false,
	source: 'test fixture',
	requests: 1,
	repos: [
		{
			id: 'mirage/mirage',
			owner: 'mirage',
			repo: 'mirage',
			group: 'old-group',
			url: 'https://github.com/mirage/mirage',
			state: 'passing',
			flakyChecks: [],
			history: [
				{
					oid: 'a'.repeat(40),
					url: `https://github.com/mirage/mirage/commit/${'a'.repeat(40)}`,
					message: 'm',
					committedAt: '2025-05-30T08:00:00Z',
					checks: [{ name: 'ocaml-ci', kind: 'status', state: 'success' }],
				},
			],
		},
	],
	references: [
		{
			id: 'mirage/mirage#1520',
			url: 'https://github.com/mirage/mirage/issues/1520',
			kind: 'pull-request',
			state: 'merged',
			title: 'old title',
		},
	],
};

const logger = {
	info: (m: string) => lines.push(`info ${m}`),
	warn: (m: string) => lines.push(`warn ${m}`),
	error: (m: string) => lines.push(`error ${m}`),
	debug: (m: string) => lines.push(`debug ${m}`),
} as never;
const context = () => ({
	logger,
	store: {
		get: (id: string) => store.get(id),
		set: (e: { id: string; data: Record<string, unknown> }) => (store.set(e.id, e), true),
	} as never,
	config: { root: pathToFileURL(`${root}/`) },
});
const options = (
	over: Partial<ToolchainStatusLoaderOptions> = {},
	env: Record<string, string | undefined> = {},
): ToolchainStatusLoaderOptions => ({
	ci: { toolchain: { core: ['mirage/mirage', 'mirage/mirage-tcpip'] }, snapshot: 'status.json', timeoutMs: 10_000 },
	references: ['mirage/mirage#1520'],
	env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: fake.url, ...env },
	client: { retryDelayMs: 5 },
	...over,
});

beforeAll(async () => {
	fake = await startFakeGitHub({ data: toolchainFixture(now, { references: ['mirage/mirage#1520'] }), token: TOKEN });
	root = await mkdtemp(join(tmpdir(), 'ci-loader-'));
});
afterAll(async () => {
	await fake.close();
	await rm(root, { recursive: true, force: true });
});
beforeEach(async () => {
	fake.fault(undefined);
	lines = [];
	store = new Map();
	await writeSnapshot(join(root, 'status.json'), SNAPSHOT);
});

describe('loadStatus', () => {
	it('uses fresh data when the fetch works', async () => {
		const data = await loadStatus(options(), context());
		expect(data).toMatchObject({ stale: false, requests: 1, source: `GitHub GraphQL API (${fake.url}/graphql)` });
		expect(data.repos.map((r) => [r.id, r.group, r.state])).toEqual([
			['mirage/mirage', 'core', 'passing'],
			['mirage/mirage-tcpip', 'core', 'failing'],
		]);
		expect(data.references[0]).toMatchObject({ id: 'mirage/mirage#1520', state: expect.stringMatching(/open|closed|merged/) });
		expect(lines.filter((l) => l.startsWith('warn'))).toEqual([]);
	});

	it('without a token, does not fetch and uses the snapshot, stale, with one info line', async () => {
		fake.requests.length = 0;
		const data = await loadStatus(options({}, { GITHUB_TOKEN: undefined }), context());
		expect(fake.requests).toHaveLength(0);
		expect(data).toMatchObject({
			stale: true,
			fetchedAt: SNAPSHOT.fetchedAt,
			staleReason: 'GITHUB_TOKEN is not set, so GitHub was not asked',
		});
		expect(data.repos[0]).toMatchObject({ id: 'mirage/mirage', group: 'core', state: 'passing' });
		expect(data.repos[1]).toMatchObject({ id: 'mirage/mirage-tcpip', state: 'unknown', reason: 'not in the status snapshot' });
		expect(data.references[0]).toMatchObject({ title: 'old title' });
		expect(lines).toEqual([
			'info GITHUB_TOKEN is not set, so GitHub was not asked; using the last good toolchain status (as of 30 May 2025, 09:07 UTC, stale)',
		]);
	});

	it.each<[string, Fault, RegExp]>([
		['rate limit', { kind: 'rate-limit', status: 403 }, /GitHub rate limit reached \(HTTP 403\); it resets at \d\d:\d\d UTC/],
		['5xx after retries', { kind: 'server-error', status: 502 }, /GitHub answered HTTP 502 \(after retries\)/],
		['401', { kind: 'unauthorized' }, /GitHub rejected the token \(HTTP 401\)/],
		['malformed body', { kind: 'malformed' }, /was not GraphQL JSON/],
		['timeout', { kind: 'hang' }, /GitHub did not answer within 300 ms/],
	])('falls back to the snapshot on %s, with exactly one warning line', async (_name, fault, message) => {
		fake.fault(fault);
		// Only the hang needs the short bound; the others get room, so a busy machine does not turn them into timeouts.
		const timeoutMs = fault.kind === 'hang' ? 300 : 10_000;
		const data = await loadStatus(
			options({ ci: { toolchain: { core: ['mirage/mirage'] }, snapshot: 'status.json', timeoutMs } }),
			context(),
		);
		expect(data.stale).toBe(true);
		expect(data.fetchedAt).toBe(SNAPSHOT.fetchedAt);
		expect(data.staleReason).toMatch(message);
		const warnings = lines.filter((l) => l.startsWith('warn'));
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toMatch(
			/^warn GitHub status fetch failed: .+; using the last good toolchain status \(as of 30 May 2025, 09:07 UTC, stale\)$/,
		);
		expect(warnings[0]).toMatch(message);
	});

	it('falls back when offline (connection refused)', async () => {
		const data = await loadStatus(options({}, { GITHUB_API_URL: await refusedUrl() }), context());
		expect(data).toMatchObject({ stale: true, fetchedAt: SNAPSHOT.fetchedAt });
		expect(lines.filter((l) => l.startsWith('warn'))).toEqual([expect.stringContaining('could not reach http://127.0.0.1:')]);
	});

	it('prefers newer data kept in the content store over the committed snapshot', async () => {
		const fresh = await loadStatus(options(), context());
		store.set(STATUS_ENTRY_ID, { id: STATUS_ENTRY_ID, data: fresh as never });
		fake.fault({ kind: 'unauthorized' });
		const data = await loadStatus(options(), context());
		expect(data).toMatchObject({ stale: true, fetchedAt: fresh.fetchedAt });
		expect(data.repos[1]!.state).toBe('failing');
	});

	it('marks everything unknown when there is no snapshot at all', async () => {
		const data = await loadStatus(
			options({ ci: { toolchain: { core: ['mirage/mirage'] }, snapshot: 'missing.json' } }, { GITHUB_TOKEN: '' }),
			context(),
		);
		expect(data.repos[0]).toMatchObject({ state: 'unknown', reason: 'no status snapshot' });
		// Never fetched has no time, rather than 1 January 1970.
		expect(data).not.toHaveProperty('fetchedAt');
		expect(lines[0]).toContain('no snapshot, all unknown');
	});

	it('with no repo and no reference to track, asks nothing and says nothing about the token, strict mode too', async () => {
		fake.requests.length = 0;
		const nothing = options({ ci: { toolchain: {}, snapshot: 'missing.json' }, references: [], contentDir: join(root, 'no-content') });
		for (const env of [{ GITHUB_TOKEN: undefined }, { GITHUB_TOKEN: undefined, CI_STATUS_STRICT: '1' }, {}]) {
			const data = await loadStatus({ ...nothing, env: { ...nothing.env, ...env } }, context());
			expect(data).toMatchObject({ stale: false, repos: [], references: [] });
			expect(data).not.toHaveProperty('fetchedAt');
		}
		expect(fake.requests).toHaveLength(0);
		expect(lines).toEqual([]);
	});

	it('in strict mode (option), a fallback fails the build', async () => {
		fake.fault({ kind: 'rate-limit', status: 429 });
		await expect(
			loadStatus(options({ ci: { toolchain: { core: ['mirage/mirage'] }, snapshot: 'status.json', strict: true } }), context()),
		).rejects.toThrow(
			/^Toolchain status: GitHub status fetch failed: GitHub rate limit reached \(HTTP 429\).*Strict mode \(CI_STATUS_STRICT=1 or ci.strict\) does not allow falling back/,
		);
	});

	it('in strict mode (CI_STATUS_STRICT=1), no token fails the build', async () => {
		await expect(loadStatus(options({}, { GITHUB_TOKEN: undefined, CI_STATUS_STRICT: '1' }), context())).rejects.toThrow(
			/GITHUB_TOKEN is not set/,
		);
	});

	it('names the file and field of a broken snapshot', async () => {
		await writeFile(join(root, 'broken.json'), JSON.stringify({ ...SNAPSHOT, repos: [{ id: 1 }] }));
		await expect(
			loadStatus(options({ ci: { toolchain: {}, snapshot: 'broken.json' } }, { GITHUB_TOKEN: undefined }), context()),
		).rejects.toThrow(
			`${join(root, 'broken.json')}: repos.0.id: Invalid input: expected string, received number; regenerate it with \`npx project-pages status-refresh\``,
		);
	});

	it('without a token, shows a snapshot fetched just before the build as current (the deploy workflow), strict mode too', async () => {
		const fetchedAt = new Date(Date.now() - 4 * 60_000).toISOString();
		await writeSnapshot(join(root, 'status.json'), { ...SNAPSHOT, fetchedAt });
		fake.requests.length = 0;
		const data = await loadStatus(options({}, { GITHUB_TOKEN: undefined, CI_STATUS_STRICT: '1' }), context());
		expect(fake.requests).toHaveLength(0);
		expect(data).toMatchObject({ stale: false, fetchedAt });
		expect(data).not.toHaveProperty('staleReason');
		expect(lines).toEqual([
			expect.stringMatching(
				/^info GITHUB_TOKEN is not set; using the toolchain status fetched 4 min ago \(\d\d:\d\d UTC; ci\.freshForMinutes: 30\)$/,
			),
		]);
	});

	it('without a token, calls a snapshot older than ci.freshForMinutes stale', async () => {
		const fetchedAt = new Date(Date.now() - 11 * 60_000).toISOString();
		await writeSnapshot(join(root, 'status.json'), { ...SNAPSHOT, fetchedAt });
		const ci = { toolchain: { core: ['mirage/mirage'] }, snapshot: 'status.json', freshForMinutes: 10 };
		expect(await loadStatus(options({ ci }, { GITHUB_TOKEN: undefined }), context())).toMatchObject({ stale: true, fetchedAt });
		await expect(loadStatus(options({ ci: { ...ci, strict: true } }, { GITHUB_TOKEN: undefined }), context())).rejects.toThrow(
			/Strict mode/,
		);
	});

	it('asks for at most ci.maxReferences references, and says which it left out', async () => {
		const references = Array.from({ length: 7 }, (_, i) => `mirage/mirage#${1000 + i}`);
		const data = await loadStatus(
			options({ ci: { toolchain: { core: ['mirage/mirage'] }, snapshot: 'status.json', maxReferences: 3 }, references }),
			context(),
		);
		expect(data.references.map((r) => r.id)).toEqual(references.slice(0, 3));
		expect(data.omittedReferences).toBe(4);
		const asked = fake.requests.flatMap((r) => Object.keys(r.graphql?.query.match(/n\d+: issueOrPullRequest/g) ?? {}));
		expect(asked).toHaveLength(3);
		expect(lines.filter((l) => l.startsWith('warn'))).toEqual([
			'warn toolchain status: the content names 7 issues and pull requests; asking GitHub for 3 (ci.maxReferences: 3; front-matter fields first, then the newest content) and leaving out 4: mirage/mirage#1003, mirage/mirage#1004, mirage/mirage#1005 and 1 more',
		]);
	});

	it('redacts the token from everything GitHub sends back, and from older data', async () => {
		const echo = structuredClone(fake.data);
		const mirage = echo.repos.find((r) => r.name === 'mirage')!;
		mirage.branches.main![0]!.message = `leak ${TOKEN} in a commit message`;
		const run = mirage.branches.main![0]!.contexts.find((c) => c.type === 'check-run')!;
		if (run.type === 'check-run') run.name = `job ${TOKEN}`;
		mirage.issues.find((i) => i.number === 1520)!.title = `title ${TOKEN}`;
		const saved = fake.data;
		fake.data = echo;
		try {
			const text = JSON.stringify(await loadStatus(options(), context()));
			expect(text).not.toContain(TOKEN);
			expect(text).toContain('leak [REDACTED] in a commit message');
			expect(text).toContain('job [REDACTED]');
			expect(text).toContain('title [REDACTED]');
		} finally {
			fake.data = saved;
		}
		await writeSnapshot(join(root, 'status.json'), { ...SNAPSHOT, source: `an old file with ${TOKEN}` });
		fake.fault({ kind: 'unauthorized' });
		expect(JSON.stringify(await loadStatus(options(), context()))).not.toContain(TOKEN);
	});

	it('never lets the token into log lines, errors or data', async () => {
		const seen: string[] = [];
		for (const fault of [undefined, { kind: 'unauthorized' }, { kind: 'server-error' }, { kind: 'malformed' }] as Array<
			Fault | undefined
		>) {
			fake.fault(fault);
			seen.push(JSON.stringify(await loadStatus(options(), context())));
		}
		fake.fault({ kind: 'rate-limit', status: 403 });
		seen.push(String(await loadStatus(options({}, { CI_STATUS_STRICT: '1' }), context()).catch((e: Error) => `${e.message}\n${e.stack}`)));
		expect(seen.join('\n') + lines.join('\n')).not.toContain(TOKEN);
		expect(lines.length).toBeGreaterThan(3);
	});
});

describe('toolchainStatusLoader', () => {
	it('stores one validated entry with a digest', async () => {
		const stored: Array<{ id: string; data: unknown; digest?: string }> = [];
		const loader = toolchainStatusLoader(options());
		await loader.load({
			...context(),
			store: { get: () => undefined, set: (e: { id: string; data: unknown; digest?: string }) => (stored.push(e), true) },
			parseData: async ({ data }: { data: Record<string, unknown> }) => data,
			generateDigest: (d: unknown) => `digest-${JSON.stringify(d).length}`,
		} as never);
		expect(loader.name).toBe('project-pages-toolchain-status');
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({
			id: 'current',
			digest: expect.stringMatching(/^digest-\d+$/),
			data: { stale: false, repos: expect.any(Array) },
		});
	});
});
