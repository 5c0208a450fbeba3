/**
 * Builds the fixture site against the fake GitHub: the strip on every page,
 * /status/, the per-page badges, /status.json and the shields endpoints;
 * then with GitHub failing (one warning line, stale data from the snapshot),
 * and in strict mode (the build fails). The token must appear nowhere.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSite, REPO, type FixtureSite } from '../helpers/build-site.ts';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.ts';
import { toolchainFixture, TOOLCHAIN } from '../helpers/fake-github/toolchain-fixture.ts';
import { collectContentReferences } from '../../packages/project-pages/ci/content-references.ts';

const TOKEN = 'ghp_BUILDtest_do_not_leak_0123456789abcdef';
const CONTENT = path.join(REPO, 'tests/fixtures/site/content');
const SNAPSHOT = path.join(REPO, 'src/data/status-snapshot.json');
const ci = { toolchain: TOOLCHAIN, snapshot: SNAPSHOT };

let healthy: FakeGitHub;
let failing: FakeGitHub;
let live: FixtureSite;
let offline: FixtureSite;
let strict: FixtureSite;

const text = (html: string) =>
	html
		.replace(/<style[\s\S]*?<\/style>/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
const strip = (html: string) => text(html.match(/<p class="toolchain-strip"[\s\S]*?<\/p>/)?.[0] ?? '');
async function files(dir: string): Promise<string[]> {
	return (await readdir(dir, { recursive: true })).map((n) => path.join(dir, n));
}

beforeAll(async () => {
	const found = await collectContentReferences(CONTENT);
	const data = toolchainFixture(new Date(), { repos: found.repos, references: found.references });
	healthy = await startFakeGitHub({ data, token: TOKEN });
	failing = await startFakeGitHub({ data, token: TOKEN });
	failing.fault({ kind: 'rate-limit', status: 403 });
	const env = (fake: FakeGitHub, extra: Record<string, string> = {}) => ({
		GITHUB_TOKEN: TOKEN,
		GITHUB_API_URL: fake.url,
		GITHUB_GRAPHQL_URL: fake.graphqlUrl,
		...extra,
	});
	// One build at a time: two cores.
	live = await buildFixtureSite({ content: { '.': CONTENT }, options: { ci }, env: env(healthy) });
	if (live.exitCode !== 0) throw new Error(`live build failed:\n${live.output}`);
	offline = await buildFixtureSite({ content: { '.': CONTENT }, options: { ci }, env: env(failing) });
	if (offline.exitCode !== 0) throw new Error(`offline build failed:\n${offline.output}`);
	strict = await buildFixtureSite({ content: { '.': CONTENT }, options: { ci }, env: env(failing, { CI_STATUS_STRICT: '1' }) });
});
afterAll(async () => {
	await healthy?.close();
	await failing?.close();
});

describe('status in a site built against GitHub', () => {
	it('fetched once per build, in a couple of requests, without warnings', () => {
		expect(healthy.requests.length).toBeGreaterThan(0);
		expect(healthy.requests.length).toBeLessThanOrEqual(3);
		expect(live.output).toMatch(/toolchain status fetched: 18 repos, \d+ references, \d requests/);
		expect(live.output).not.toMatch(/status fetch failed|GITHUB_TOKEN is not set/);
	});

	it('shows the toolchain strip on every page, linking to /status/', async () => {
		const pages = (await files(live.dist)).filter((f) => f.endsWith('.html'));
		expect(pages.length).toBeGreaterThan(10);
		for (const page of pages) {
			const html = await readFile(page, 'utf8');
			expect(strip(html), page).toMatch(/^Toolchain: 15\/18 passing · 2 failing · 1 pending · as of \d\d:\d\d UTC$/);
			expect(html, page).toMatch(/<p class="toolchain-strip"[^>]*>\s*<a href="\/status\/"/);
		}
	});

	it('renders /status/ with groups, check cells linking to runs, history, failing since and the flaky marker', async () => {
		const html = await live.read('status/index.html');
		for (const group of Object.keys(TOOLCHAIN)) expect(html).toContain(`<h2 id="group-${group}"`);
		expect(text(html)).toContain('Fetched just now');
		const row = (id: string) => html.match(new RegExp(`<tr id="repo-${id}"[\\s\\S]*?</tr>`))?.[0] ?? '';
		const tcpip = row('mirage-mirage-tcpip');
		expect(tcpip).toContain('data-state="failing"');
		expect(text(tcpip)).toMatch(/failing since [0-9a-f]{7} \(\d{4}-\d\d-\d\d\)/);
		expect(tcpip).toMatch(
			/<td class="cell cell-failure" data-check="ocaml-ci" data-state="failure"[^>]*><a href="https:\/\/ocaml\.ci\.dev\/github\/mirage\/mirage-tcpip\/commit\/[0-9a-f]{40}"/,
		);
		expect(row('mirage-ocaml-dns')).toMatch(/class="badge badge-pending flaky"/);
		expect(row('mirage-irmin')).toContain('data-state="pending"');
		expect(row('mirage-mirage')).toMatch(/href="https:\/\/github\.com\/mirage\/mirage\/actions\/runs\/\d+\/job\/\d+"/);
		expect((row('mirage-mirage').match(/class="h h-/g) ?? []).length).toBe(10);
		expect(row('mirage-mirage-xen')).toMatch(/failing since at least/);
		expect(html).not.toContain('data-stale');
	});

	it('shows badges on project, RFC and minutes pages', async () => {
		expect(await live.read('projects/fixture-project/index.html')).toMatch(/data-repo="mirage\/mirage" data-state="passing"/);
		const rfc = await live.read('rfcs/0001-fixture-proposal/index.html');
		expect(rfc).toMatch(/data-reference="example\/site#7" data-state="(open|closed|merged)"/);
		expect(rfc).toMatch(/data-repo="mirage\/mirage" data-state="passing"/);
		expect(await live.read('weekly/weekly-2015-03-04/index.html')).toMatch(
			/data-reference="mirage\/mirage#101" data-state="(open|closed|merged)"/,
		);
	});

	it('publishes /status.json and a shields.io endpoint per repo', async () => {
		const json = JSON.parse(await live.read('status.json'));
		expect(json).toMatchObject({ schemaVersion: 1, stale: false, summary: { total: 18, passing: 15, failing: 2, pending: 1 } });
		expect(json.references.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['mirage/mirage#101', 'example/site#7']));
		expect(JSON.parse(await live.read('status/mirage/mirage-tcpip.json'))).toEqual({
			schemaVersion: 1,
			label: 'CI',
			message: 'failing',
			color: 'red',
		});
		expect(JSON.parse(await live.read('status/Solo5/solo5.json'))).toEqual({
			schemaVersion: 1,
			label: 'CI',
			message: 'passing',
			color: 'brightgreen',
		});
	});
});

describe('status when GitHub fails', () => {
	it('falls back to the snapshot with one warning line and marks it stale', async () => {
		expect(offline.output.split('\n').filter((l) => l.includes('GitHub status fetch failed'))).toEqual([
			expect.stringMatching(
				/GitHub status fetch failed: GitHub rate limit reached \(HTTP 403\); it resets at \d\d:\d\d UTC; using the last good toolchain status \(as of .+ UTC, stale\)$/,
			),
		]);
		const snapshot = JSON.parse(await readFile(SNAPSHOT, 'utf8'));
		const home = await offline.read('index.html');
		expect(strip(home)).toMatch(/^Toolchain: \d+\/18 passing .*as of .*UTC \(stale\)$/);
		expect(home).toContain(`<time datetime="${snapshot.fetchedAt}">`);
		expect(await offline.read('status/index.html')).toContain('data-stale');
		expect(JSON.parse(await offline.read('status/mirage/mirage-tcpip.json')).message).toMatch(/\(stale\)$/);
	});

	it('fails the build in strict mode', () => {
		expect(strict.exitCode).not.toBe(0);
		expect(strict.output).toMatch(/Strict mode \(CI_STATUS_STRICT=1 or ci\.strict\) does not allow falling back/);
	});

	it('never writes or prints the token', async () => {
		for (const site of [live, offline, strict]) {
			expect(site.output).not.toContain(TOKEN);
			// Everything the build wrote: dist/, Astro's cache and data store, the site's own files (node_modules is links, and our copy of the package).
			const written = [];
			for (const file of await files(site.root)) {
				if (file.includes(`${path.sep}node_modules${path.sep}`) || !(await stat(file)).isFile()) continue;
				written.push(file);
				expect((await readFile(file)).includes(TOKEN), file).toBe(false);
			}
			expect(written.length, `files written in ${site.root}`).toBeGreaterThan(10);
		}
	});
});
