/**
 * The site as `npm run build` makes it (Astro, then Pagefind), read from the
 * copy Playwright's web server serves: the Pioneer Projects filters (static
 * pages, card attributes, script size), the project pages' repo status and
 * issue counts, the search page and index (queried through Pagefind's own
 * browser API, in Node, over the preview server), and the iCalendar file.
 */
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { readDist } from '../e2e/support/built-site.ts';
import { BASE_URL, DIST } from '../e2e/support/paths.ts';

const SCRIPT_BUDGET = 5 * 1024;
const site = { dist: DIST, read: async (file: string) => readDist(file) };
/** The site's own address (astro.config.mjs `site`), as its pages name it. */
const origin = () => new URL(/<link rel="canonical" href="([^"]+)"/.exec(readDist('index.html'))![1]!).origin;

/** The page's module scripts, inline or from `_astro/`, minified as built. */
async function pageScripts(html: string): Promise<string[]> {
	const scripts: string[] = [];
	for (const m of html.matchAll(/<script type="module"(?: src="([^"]+)")?[^>]*>([\s\S]*?)<\/script>/g)) {
		scripts.push(m[1] ? await readFile(path.join(site.dist, m[1]), 'utf8') : m[2]!);
	}
	return scripts;
}

const cards = (html: string) =>
	[...html.matchAll(/<article class="project-card" id="project-([^"]+)"([^>]*)>/g)].map((m) => ({ id: m[1]!, attrs: m[2]! }));

test.describe('Pioneer Projects browse page', () => {
	test('puts each facet in a data attribute on every card', async () => {
		const html = await site.read('projects/index.html');
		const all = cards(html);
		expect(all).toHaveLength(6);
		const fuzzing = all.find((c) => c.id === 'tls-handshake-fuzzing')!.attrs;
		expect(fuzzing).toContain('data-difficulty="2"');
		expect(fuzzing).toContain('data-size="medium"');
		expect(fuzzing).toContain('data-status="done"');
		expect(fuzzing).toContain('data-skills="ocaml tls fuzzing"');
		expect(fuzzing).toContain('data-mentors="pqwy hannesm"');
		expect(fuzzing).toContain('data-program="gsoc-2026"');
		expect(html).toMatch(/<p id="project-count"[^>]*role="status"[^>]*aria-live="polite"[^>]*>6 projects<\/p>/);
	});

	test('keeps finished projects in an archive section with their outcome', async () => {
		const html = await site.read('projects/index.html');
		const past = html.slice(html.indexOf('id="past-projects"'));
		expect(cards(past).map((c) => c.id)).toEqual(['tls-handshake-fuzzing']);
		expect(past).toContain('Done by <a class="person" href="/people/');
		expect(past).toContain('href="/blog/fuzzing-the-tls-handshake/"');
		expect(cards(html.slice(0, html.indexOf('id="past-projects"'))).map((c) => c.id)).not.toContain('tls-handshake-fuzzing');
	});

	test('links static filter pages and hides the script-driven form until the script runs', async () => {
		const html = await site.read('projects/index.html');
		expect(html).toContain('<nav id="project-filter-links"');
		for (const href of [
			'/projects/filter/difficulty/1/',
			'/projects/filter/size/small/',
			'/projects/filter/skill/ocaml/',
			'/projects/filter/status/available/',
			'/projects/filter/mentor/hannesm/',
			'/projects/filter/program/gsoc-2026/',
		]) {
			expect(html).toContain(`href="${href}"`);
		}
		expect(html).toMatch(/<form id="project-filter-form"[^>]* hidden>/);
		expect(html).toContain('<input type="checkbox" name="skill" value="ocaml">');
	});

	test('writes one page per facet value, with only the matching projects and the current filter marked', async () => {
		const html = await site.read('projects/filter/skill/github-actions/index.html');
		expect(cards(html).map((c) => c.id)).toEqual(['skeleton-ci-matrix']);
		expect(html).toMatch(/href="\/projects\/filter\/skill\/github-actions\/" data-value="github-actions" aria-current="page"/);
		expect(html).toContain('<a class="filter-clear" href="/projects/">Clear filter</a>');
		expect(html).toContain('1 of 6 projects shown');
		expect(html).not.toContain('id="project-filter-form"');
		expect(await pageScripts(html)).toEqual([]);
		const done = await site.read('projects/filter/status/done/index.html');
		expect(cards(done).map((c) => c.id)).toEqual(['tls-handshake-fuzzing']);
		expect(done).toContain('No current project matches.');
		const beginners = await site.read('projects/filter/difficulty/1/index.html');
		expect(
			cards(beginners)
				.map((c) => c.id)
				.sort(),
		).toEqual(['skeleton-ci-matrix', 'tcpip-pcap-regressions']);
		expect(cards(await site.read('projects/filter/mentor/hannesm/index.html'))).toHaveLength(2);
		expect(cards(await site.read('projects/filter/program/outreachy-2026/index.html'))).toHaveLength(2);
	});

	test(`ships one filter script within ${SCRIPT_BUDGET} bytes, and none on other pages`, async () => {
		const scripts = await pageScripts(await site.read('projects/index.html'));
		expect(scripts).toHaveLength(1);
		expect(Buffer.byteLength(scripts[0]!)).toBeLessThanOrEqual(SCRIPT_BUDGET);
		for (const page of ['index.html', 'projects/irmin-block-backend/index.html', 'weekly/index.html', 'blog/index.html']) {
			expect(await pageScripts(await site.read(page)), page).toEqual([]);
		}
	});
});

test.describe('project page', () => {
	test("shows each repo's CI state and its open beginner issues, linked to GitHub's search", async () => {
		const html = await site.read('projects/git-mirror-unikernel/index.html');
		expect(html).toMatch(/<li data-repo="mirage\/ocaml-git"><span class="repo-status"[^>]*data-state="passing"/);
		expect(html).toContain(
			'href="https://github.com/mirage/ocaml-git/issues?q=is%3Aopen+label%3A%22good+first+issue%22" data-count="2">2 good first issues</a>',
		);
		expect(html).toContain(
			'href="https://github.com/mirage/ocaml-git/issues?q=is%3Aopen+label%3A%22help+wanted%22" data-count="0">0 help wanted</a>',
		);
		expect(html).toContain('href="/people/dinosaure/"');
	});
});

test.describe('search', () => {
	test('has a search page that works without JavaScript by pointing to the section indexes', async () => {
		const html = await site.read('search/index.html');
		expect(html).toContain('<form id="search-form"');
		expect(html).toContain('Search runs in your browser and needs JavaScript');
		for (const href of ['/weekly/', '/rfcs/', '/projects/', '/blog/']) expect(html).toContain(`<a href="${href}">`);
		const [script] = await pageScripts(html);
		expect(Buffer.byteLength(script!)).toBeLessThanOrEqual(SCRIPT_BUDGET);
		expect(script).toContain('/pagefind/pagefind.js');
		expect(script).not.toContain('__VITE_PRELOAD__');
	});

	test('indexes content pages with their kind and date, but not filter views or the search page', async () => {
		expect(existsSync(path.join(site.dist, 'pagefind/pagefind.js')), 'dist/pagefind/pagefind.js').toBe(true);
		expect(await site.read('projects/filter/skill/ocaml/index.html')).not.toContain('data-pagefind-body');
		expect(await site.read('search/index.html')).not.toContain('data-pagefind-body');

		// Pagefind's browser API, run in Node against the index the preview server serves.
		{
			// A copy with an .mjs name Node imports as a module, outside the shared site.
			const copy = path.join(await mkdtemp(path.join(tmpdir(), 'pagefind-')), 'pagefind.mjs');
			await copyFile(path.join(site.dist, 'pagefind/pagefind.js'), copy);
			const pagefind = await import(copy);
			await pagefind.options({ basePath: `${BASE_URL}/pagefind/`, baseUrl: '/' });
			const data = async (q: string, filters?: Record<string, string>) =>
				Promise.all(
					(await pagefind.search(q, filters ? { filters } : {})).results.map(
						(r: { data(): Promise<{ url: string; meta: Record<string, string> }> }) => r.data(),
					),
				);
			const tls = await data('handshake');
			expect(tls.find((r) => r.url === '/projects/tls-handshake-fuzzing/')?.meta).toMatchObject({ kind: 'Pioneer Project', date: '2026' });
			expect(tls.find((r) => r.url === '/blog/fuzzing-the-tls-handshake/')?.meta).toMatchObject({ kind: 'Post', date: '2026-11-04' });
			const rfcs = await data('unikernel', { kind: 'RFC' });
			expect(rfcs.length).toBeGreaterThan(0);
			expect(rfcs.every((r) => r.meta.kind === 'RFC' && /^\d{4}-\d{2}-\d{2}$/.test(r.meta.date!))).toBe(true);
			// The site's labels name the kinds: its minutes are weekly calls.
			const calls = await data('attendees', { kind: 'Weekly call' });
			expect(calls.length).toBeGreaterThan(0);
			expect(calls.every((r) => r.meta.kind === 'Weekly call' && r.url.startsWith('/weekly/'))).toBe(true);
			expect(tls.some((r) => r.url.startsWith('/projects/filter/'))).toBe(false);
		}
	});
});

test.describe('/weekly/calls.ics', () => {
	test('is an iCalendar file with the recurring call, linked from the weekly index', async () => {
		const ics = await site.read('weekly/calls.ics');
		expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
		expect(ics.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true);
		expect(ics).toContain('\r\nDTSTART:20260107T160000Z\r\n');
		expect(ics).toContain('\r\nRRULE:FREQ=WEEKLY;INTERVAL=2\r\n');
		expect(ics).toContain('\r\nDURATION:PT1H\r\n');
		expect(ics).toContain(`\r\nUID:call-20260107T160000Z@${new URL(origin()).host}\r\n`);
		expect(ics).toContain(`\r\nURL:${origin()}/weekly/\r\n`);
		// The site's labels.minutes names the calendar and its event.
		expect(ics).toContain('\r\nX-WR-CALNAME:MirageOS Weekly calls\r\n');
		expect(ics).toContain('\r\nSUMMARY:MirageOS Weekly call\r\n');
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		expect(await site.read('weekly/index.html')).toContain('href="/weekly/calls.ics"');
	});
});
