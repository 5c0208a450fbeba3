/**
 * Builds the fixture site against the fake GitHub (graphql-js executing the
 * client's queries against GitHub's published schema, with the toolchain
 * fixture's CI shapes): the strip on every page, the /status/ matrix with
 * ocaml-ci's variants, each repo's page, the per-page badges, /status.json,
 * the shields endpoints, /status/known-good.json and /status/feed.xml (read
 * by a strict XML parser); then with GitHub failing (one warning line,
 * stale data from the snapshot), and in strict mode (the build fails). The
 * token must appear nowhere.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSite, REPO, type FixtureSite } from '../helpers/build-site.ts';
import { parseXml, type XmlElement } from '../helpers/xml.ts';
import { startFakeGitHub, type FakeGitHub, type FakeGitHubData } from '../helpers/fake-github.ts';
import { OCAML_CI_VARIANTS, toolchainFixture, TOOLCHAIN } from '../helpers/fake-github/toolchain-fixture.ts';
import { collectContentReferences } from '../../packages/project-pages/ci/content-references.ts';

const TOKEN = 'ghp_BUILDtest_do_not_leak_0123456789abcdef';
const CONTENT = path.join(REPO, 'tests/fixtures/site/content');
const SNAPSHOT = path.join(REPO, 'src/data/status-snapshot.json');
const ci = { toolchain: TOOLCHAIN, snapshot: SNAPSHOT };

let data: FakeGitHubData;
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
const childText = (el: XmlElement, name: string) => el.children.find((c) => c.name === name)?.text ?? '';

async function files(dir: string): Promise<string[]> {
	return (await readdir(dir, { recursive: true })).map((n) => path.join(dir, n));
}

beforeAll(async () => {
	const found = await collectContentReferences(CONTENT);
	data = toolchainFixture(new Date(), { repos: found.repos, references: found.references });
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
	it('fetched once per build, in a couple of requests and a few points, without warnings', () => {
		expect(healthy.requests.length).toBeGreaterThan(0);
		expect(healthy.requests.length).toBeLessThanOrEqual(3);
		expect(healthy.requests.every((r) => r.cost !== undefined && r.cost.problems.length === 0)).toBe(true);
		expect(live.output).toMatch(new RegExp(`toolchain status fetched: 18 repos, \\d+ references, \\d requests, ${healthy.points} points`));
		expect(live.output).not.toMatch(/status fetch failed|GITHUB_TOKEN is not set/);
	});

	it('shows the toolchain strip on every page, linking to /status/', async () => {
		const pages = (await files(live.dist)).filter((f) => f.endsWith('.html'));
		expect(pages.length).toBeGreaterThan(10);
		for (const page of pages) {
			const html = await readFile(page, 'utf8');
			expect(strip(html), page).toMatch(/^Toolchain: 15\/18 passing · 2 failing · 1 building · as of \d\d:\d\d UTC$/);
			expect(html, page).toMatch(/<p class="toolchain-strip"[^>]*>\s*<a href="\/status\/"/);
		}
	});

	it('renders /status/ with groups, check cells linking to runs, ocaml-ci variants, history, failing since, known good and flaky', async () => {
		const html = await live.read('status/index.html');
		for (const group of Object.keys(TOOLCHAIN)) expect(html).toContain(`<h2 id="group-${group}"`);
		expect(text(html)).toContain('Fetched just now');
		const row = (id: string) => html.match(new RegExp(`<tr id="repo-${id}"[\\s\\S]*?</tr>`))?.[0] ?? '';
		const tcpip = row('mirage-mirage-tcpip');
		const tcpipData = data.repos.find((r) => r.name === 'mirage-tcpip')!.branches.main!;
		expect(tcpip).toContain('data-state="failing"');
		expect(tcpip).toMatch(/<a href="\/status\/mirage\/mirage-tcpip\/"[^>]*>mirage\/mirage-tcpip<\/a>/);
		// Failing since, as a range with GitHub's comparison; the last known-good commit, behind the head.
		const [red, green] = [tcpipData[2]!.oid, tcpipData[3]!.oid];
		expect(text(tcpip)).toMatch(
			new RegExp(`failing since ${red.slice(0, 7)} \\(\\d{4}-\\d\\d-\\d\\d\\), after ${green.slice(0, 7)} passed · changes`),
		);
		expect(tcpip).toContain(`href="https://github.com/mirage/mirage-tcpip/compare/${green}...${red}"`);
		expect(text(tcpip)).toMatch(new RegExp(`last known good: ${green.slice(0, 7)} ?, 3 commits behind head · compare`));
		expect(tcpip).toContain(`href="https://github.com/mirage/mirage-tcpip/compare/${green}...${tcpipData[0]!.oid}"`);
		// ocaml-ci: one check run, its failing variants in the cell, each linking to its job.
		expect(tcpip).toMatch(
			/<td class="cell cell-failure" data-check="ocaml-ci" data-state="failure"[^>]*><a href="https:\/\/ocaml\.ci\.dev\/github\/mirage\/mirage-tcpip\/commit\/[0-9a-f]{40}\/-\/refs\/heads\/main"/,
		);
		const variants = [...tcpip.matchAll(/<li class="v-failure" data-variant="([^"]+)"[^>]*><a href="([^"]+)"/g)].map((m) => [m[1], m[2]]);
		expect(variants).toEqual([
			[
				'alpine-3.21-5.3_opam-2.3',
				`https://ocaml.ci.dev/github/mirage/mirage-tcpip/commit/${tcpipData[0]!.oid}/variant/alpine-3.21-5.3_opam-2.3/-/refs/heads/main`,
			],
			[
				'freebsd-14.2-5.3_opam-2.3',
				`https://ocaml.ci.dev/github/mirage/mirage-tcpip/commit/${tcpipData[0]!.oid}/variant/freebsd-14.2-5.3_opam-2.3/-/refs/heads/main`,
			],
		]);
		// Re-runs: flaky on an older commit and on a head whose rollup still says FAILURE.
		expect(row('mirage-ocaml-dns')).toMatch(/class="badge badge-pending flaky"/);
		expect(row('mirage-mirage-crypto')).toContain('data-state="passing"');
		expect(row('mirage-mirage-crypto')).toMatch(/class="badge badge-pending flaky"/);
		// ocaml-ci queued: building, with its active variants counted.
		const irmin = row('mirage-irmin');
		expect(irmin).toContain('data-state="pending"');
		expect(text(irmin)).toContain('building');
		expect(text(irmin)).toContain('3 of 11 variants building');
		expect(row('mirage-mirage')).toMatch(/href="https:\/\/github\.com\/mirage\/mirage\/actions\/runs\/\d+\/job\/\d+"/);
		expect((row('mirage-mirage').match(/class="h h-/g) ?? []).length).toBe(10);
		expect((row('mirage-mirage').match(/class="h h-none"/g) ?? []).length).toBe(2);
		expect(row('mirage-mirage-xen')).toMatch(/failing since at least/);
		expect(text(row('mirage-mirage-xen'))).toContain('no known-good commit in the last 10 commits');
		expect(html).toMatch(/<a href="\/status\/known-good\.json"[^>]*>/);
		expect(html).toMatch(/<link rel="alternate" type="application\/atom\+xml"[^>]*href="\/status\/feed\.xml"/);
		expect(html).not.toContain('data-stale');
	});

	it('gives every repo a page with all its checks, every ocaml-ci variant and the last commits', async () => {
		const page = await live.read('status/mirage/mirage-tcpip/index.html');
		expect(page).toContain('data-state="failing"');
		const table = page.match(/<table class="variant-table[^"]*" data-variants-of="ocaml-ci"[\s\S]*?<\/table>/)?.[0] ?? '';
		const rows = [...table.matchAll(/data-variant="([^"]+)" data-state="([^"]+)"/g)].map((m) => [m[1]!, m[2]!] as const);
		expect(rows.map(([name]) => name)).toEqual(OCAML_CI_VARIANTS);
		expect(rows.filter(([name, state]) => state === 'failure' && !name.startsWith('windows')).map(([name]) => name)).toEqual([
			'alpine-3.21-5.3_opam-2.3',
			'freebsd-14.2-5.3_opam-2.3',
		]);
		expect(rows.find(([name]) => name === '(lint-doc)')![1]).toBe('neutral');
		expect(text(table)).toContain('alpine-3.21-5.3_opam-2.3 ✗ failed: Exit code 2');
		expect((page.match(/<tr data-commit="[0-9a-f]{40}"/g) ?? []).length).toBe(10);
		expect(page).toMatch(/<a href="\/status\/#repo-mirage-mirage-tcpip"[^>]*>Toolchain status<\/a>/);
		// Every repo of the status has a page; badges on other pages link to it.
		for (const repo of (JSON.parse(await live.read('status.json')) as { repos: Array<{ id: string }> }).repos) {
			expect(await live.read(`status/${repo.id}/index.html`), repo.id).toContain(`data-repo="${repo.id}"`);
		}
	});

	it('publishes /status/known-good.json: per tracked repo, the newest commit whose checks all passed', async () => {
		const manifest = JSON.parse(await live.read('status/known-good.json'));
		expect(manifest).toMatchObject({ fetchedAt: expect.any(String), stale: false });
		expect(manifest.repos.map((r: { repo: string }) => r.repo)).toEqual(Object.values(TOOLCHAIN).flat());
		const tcpip = data.repos.find((r) => r.name === 'mirage-tcpip')!.branches.main!;
		expect(manifest.repos.find((r: { repo: string }) => r.repo === 'mirage/mirage-tcpip')).toEqual({
			repo: 'mirage/mirage-tcpip',
			group: 'network',
			branch: 'main',
			sha: tcpip[3]!.oid,
			date: tcpip[3]!.committedDate,
			url: `https://github.com/mirage/mirage-tcpip/commit/${tcpip[3]!.oid}`,
			behind: 3,
			checks: ['CI / build (ubuntu-latest, 4.14)', 'CI / build (macos-latest, 5.2)', 'ocaml-ci'],
		});
		expect(manifest.repos.find((r: { repo: string }) => r.repo === 'mirage/mirage-xen')).toEqual({
			repo: 'mirage/mirage-xen',
			group: 'backends',
			branch: 'main',
			sha: null,
			reason: 'no commit among the last 10 passed all its checks',
		});
		// The building repo's last good commit is the one before its head.
		expect(manifest.repos.find((r: { repo: string }) => r.repo === 'mirage/irmin')).toMatchObject({ behind: 1 });
	});

	it('publishes /status/feed.xml, well-formed Atom, with each red and green turn of the fetched history', async () => {
		const feed = parseXml(await live.read('status/feed.xml'));
		expect(feed.name).toBe('feed');
		expect(feed.attributes.xmlns).toBe('http://www.w3.org/2005/Atom');
		const entries = feed.children.filter((c) => c.name === 'entry');
		const titles = entries.map((e) => childText(e, 'title'));
		const branch = (name: string) => data.repos.find((r) => r.name === name)!.branches.main!;
		const [tcpip, cohttp] = [branch('mirage-tcpip'), branch('ocaml-cohttp')];
		expect(titles).toEqual(
			expect.arrayContaining([
				`mirage/mirage-tcpip turned red at ${tcpip[2]!.oid.slice(0, 7)}`,
				`mirage/ocaml-cohttp turned red at ${cohttp[5]!.oid.slice(0, 7)}`,
				`mirage/ocaml-cohttp is green again at ${cohttp[3]!.oid.slice(0, 7)}`,
			]),
		);
		expect(titles).toHaveLength(3);
		const updated = entries.map((e) => Date.parse(childText(e, 'updated')));
		expect(updated).toEqual([...updated].sort((a, b) => b - a));
		const red = entries.find((e) => childText(e, 'title').startsWith('mirage/mirage-tcpip'))!;
		expect(childText(red, 'id')).toBe(`https://github.com/mirage/mirage-tcpip/commit/${tcpip[2]!.oid}#turned-red`);
		expect(red.children.filter((c) => c.name === 'link').map((l) => l.attributes.href)).toEqual([
			'https://fixture.test/status/mirage/mirage-tcpip/',
			`https://github.com/mirage/mirage-tcpip/commit/${tcpip[2]!.oid}`,
			`https://github.com/mirage/mirage-tcpip/compare/${tcpip[3]!.oid}...${tcpip[2]!.oid}`,
		]);
		expect(childText(red, 'summary')).toContain('ocaml-ci');
	});

	it('shows badges on project, RFC and minutes pages', async () => {
		const project = await live.read('projects/fixture-project/index.html');
		expect(project).toMatch(/data-repo="mirage\/mirage" data-state="passing"/);
		expect(project).toMatch(/href="\/status\/mirage\/mirage\/"[^>]*>CI passing<\/a>/);
		const rfc = await live.read('rfcs/0001-fixture-proposal/index.html');
		expect(rfc).toMatch(/data-reference="example\/site#7" data-state="(open|closed|merged)"/);
		expect(rfc).toMatch(/data-repo="mirage\/mirage" data-state="passing"/);
		expect(await live.read('weekly/weekly-2015-03-04/index.html')).toMatch(
			/data-reference="mirage\/mirage#101" data-state="(open|closed|merged)"/,
		);
	});

	it('publishes /status.json and a shields.io endpoint per repo', async () => {
		const json = JSON.parse(await live.read('status.json'));
		expect(json).toMatchObject({
			schemaVersion: 2,
			stale: false,
			points: healthy.points,
			summary: { total: 18, passing: 15, failing: 2, pending: 1 },
		});
		expect(json.references.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['mirage/mirage#101', 'example/site#7']));
		expect(JSON.parse(await live.read('status/mirage/mirage-tcpip.json'))).toEqual({
			schemaVersion: 1,
			label: 'CI',
			message: 'failing',
			color: 'red',
		});
		expect(JSON.parse(await live.read('status/mirage/irmin.json'))).toMatchObject({ message: 'building', color: 'yellow' });
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
