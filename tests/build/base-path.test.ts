/**
 * A site served from a sub-path (`base: '/sub/'`): every link the
 * integration writes (pages, feeds, sitemap, markdown bodies, forms, the
 * status strip, the papers page) must go under the base. Its guides' index
 * has two sections of one title, which must keep their own anchors. The built site is copied to
 * `<folder>/sub/` so that the site's own link checker, which serves a folder
 * from `/`, sees it where a server would put it: a link that forgets the
 * base points outside `sub/` and is reported.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSite, REPO, type FixtureSite } from '../helpers/build-site.ts';
import { builtPages, distFiles } from '../e2e/support/built-site.ts';
import { checkLinks } from '../site/support/check-links.ts';
import { parseHtml } from '../site/support/parse-html.ts';

const BASE = '/sub/';
/** Attributes that hold a URL the browser follows or loads. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'srcset', 'poster', 'data'];

let site: FixtureSite;
let served: string;

beforeAll(async () => {
	site = await buildFixtureSite({
		content: { '.': path.join(REPO, 'tests/fixtures/site/content') },
		base: BASE,
		options: {
			calls: { start: '2026-01-07', time: '16:00' },
			ci: { toolchain: { core: ['mirage/mirage'] } },
			favicon: '/favicon.svg',
		},
		files: {
			'public/favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>',
			'public/images/diagram.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>',
			// Authors write site paths (`/rfcs/…`) and mirage-www's page-relative ones (`../images/…`); both go under the base.
			'content/blog/under-base.md': [
				'---',
				'title: Links under a base',
				'date: 2026-11-02',
				'---',
				'See [the proposal](/rfcs/0001-fixture-proposal/), [the calls](/weekly/) and [Ada](/people/adatester/).',
				'',
				'![A diagram](../images/diagram.svg)',
				'',
			].join('\n'),
			'content/docs/install.md': '---\ntitle: Install\ndate: 2026-01-01\n---\n\n## First\n\nText.\n',
			'content/docs/faq.md': '---\ntitle: FAQ\ndate: 2026-01-02\n---\n\nAnswers.\n',
			'content/docs.yaml':
				'sections:\n  - title: Background\n    pages: [/docs/install]\n  - title: Background\n    pages: [/docs/faq, /papers]\n',
			'content/papers.yml':
				'- name: one\n  title: A paper\n  authors: [Ada]\n  abstract: "# paper-two\\n\\nText."\n  links:\n    - description: PDF\n      uri: /documents/one.pdf\n    - description: Online\n      uri: https://example.org/one\n- name: two\n  title: Another\n',
			'public/documents/one.pdf': '%PDF-1.4\n',
		},
	});
	if (site.exitCode !== 0) throw new Error(`fixture build failed:\n${site.output}`);
	served = await mkdtemp(path.join(tmpdir(), 'served-'));
	await cp(site.dist, path.join(served, 'sub'), { recursive: true });
});

afterAll(() => rm(served, { recursive: true, force: true }));

describe(`a site built with base: '${BASE}'`, () => {
	it('writes every internal link of every page under the base', async () => {
		const outside: string[] = [];
		const pages = builtPages(site.dist);
		expect(pages.length).toBeGreaterThan(20);
		for (const page of pages) {
			const doc = parseHtml(await readFile(path.join(site.dist, page.file), 'utf8'));
			for (const element of doc.all()) {
				for (const name of URL_ATTRIBUTES) {
					const value = element.attr(name);
					if (value === undefined) continue;
					const urls = name === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0]!) : [value];
					for (const url of urls) {
						// Internal: site-relative, or absolute on the site's own origin. Fragments stay on the page.
						const own = url.startsWith('https://fixture.test') ? new URL(url).pathname : url;
						if (!own.startsWith('/') || own.startsWith('//')) continue;
						if (!own.startsWith(BASE)) outside.push(`${page.url} <${element.tagName} ${name}="${url}">`);
					}
				}
			}
		}
		expect(outside).toEqual([]);
	});

	it('has no broken internal link when served from the base', () => {
		const report = checkLinks(served);
		// The one broken link is the fixture's own: a hostile RFC's <img src="x.png">, kept (rebased, under the base) as written.
		expect(report.broken).toEqual(['/sub/rfcs/0001-fixture-proposal/ <img> → /sub/rfcs/x.png: no such page or file in dist/']);
		expect(report.checked).toBeGreaterThan(500);
	});

	it('rebases links written in markdown, site paths and page-relative ones alike', async () => {
		const html = await site.read('blog/under-base/index.html');
		expect(html).toContain('href="/sub/rfcs/0001-fixture-proposal/"');
		expect(html).toContain('href="/sub/weekly/"');
		expect(html).toContain('src="/sub/images/diagram.svg"');
	});

	it('loads Pagefind from under the base and asks it for results under the base', async () => {
		const page = await site.read('search/index.html');
		const src = /<script type="module" src="([^"]+)"/.exec(page)?.[1];
		const script = src ? await readFile(path.join(site.dist, src.slice(BASE.length)), 'utf8') : page;
		expect(script).toContain('/sub/pagefind/pagefind.js');
		expect(script).toMatch(/baseUrl:\s*["'`]\/sub\/["'`]/);
	});

	it('puts the base in feeds, the sitemap, the calendar and the status badges', async () => {
		const rss = await site.read('blog/rss.xml');
		expect(rss).toContain('<link>https://fixture.test/sub/blog/under-base/</link>');
		expect(rss).not.toMatch(/<link>https:\/\/fixture\.test\/(?!sub\/)/);
		const sitemap = await site.read('sitemap-0.xml');
		const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
		expect(locs.length).toBeGreaterThan(20);
		expect(locs.filter((loc) => !loc.startsWith('https://fixture.test/sub/'))).toEqual([]);
		expect(await site.read('weekly/calls.ics')).toContain('URL:https://fixture.test/sub/weekly/\r\n');
		const status = await site.read('status/index.html');
		expect(status).toContain(encodeURIComponent('https://fixture.test/sub/status/mirage/mirage.json'));
		expect(distFiles(site.dist)).toContain('status/mirage/mirage.json');
	});

	it('gives each docs section its own anchor, even with the same title', async () => {
		const html = await site.read('docs/index.html');
		const ids = [...html.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]);
		expect(ids).toEqual(['docs-background', 'docs-background-2']);
		expect([...html.matchAll(/aria-labelledby="([^"]+)"/g)].map((m) => m[1])).toEqual(ids);
	});

	it('writes paper links under base, leaves absolute ones, and keeps the anchors the papers’ own', async () => {
		const html = await site.read('papers/index.html');
		expect(html).toContain('<a href="/sub/documents/one.pdf">PDF</a>');
		expect(html).toContain('<a href="https://example.org/one">Online</a>');
		expect(html.match(/id="paper-two"/g)).toHaveLength(1);
		expect(html).toMatch(/<li class="paper" id="paper-two">/);
	});
});
