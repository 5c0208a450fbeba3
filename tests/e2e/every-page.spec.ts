/**
 * Every built page, loaded cold in Chromium:
 *
 * - page weight: HTML, CSS and fonts together at most 60 KB (60,000 bytes)
 *   transferred on first load. The preview server does not compress, so text
 *   responses count at their gzip size (level 6, what static hosts serve) and
 *   fonts (woff2, already compressed) at their size. Only the fonts the page
 *   really uses are fetched, so only those count. Images are excluded.
 * - JavaScript: 0 bytes, except the filter script on `/projects/` (at most
 *   5 KB) and the search script and Pagefind on `/search/`.
 * - axe: no violation of WCAG 2.1 A or AA.
 *
 * One test per kind of page; the pages come from dist/ when the test runs.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Response } from '@playwright/test';
import { builtPages, type BuiltPage } from './support/built-site.ts';
import { axeViolations, expect, test } from './support/test.ts';

const BUDGET = 60_000;
const FILTER_SCRIPT_BUDGET = 5_000;
/** Pages allowed to load JavaScript, and which. */
const SCRIPTED: Record<string, string> = { '/projects/': 'the project filter', '/search/': 'search' };

const GROUPS = ['home', 'blog', 'weekly', 'rfcs', 'projects', 'project filter', 'tags', 'people', 'status', 'search', '404'] as const;

function groupOf(page: BuiltPage): string {
	if (page.url === '/') return 'home';
	if (page.url === '/404.html') return '404';
	if (page.url.startsWith('/projects/filter/')) return 'project filter';
	const first = page.url.split('/')[1]!;
	return (GROUPS as readonly string[]).includes(first) ? first : 'other';
}

interface Weight {
	url: string;
	html: number;
	css: number;
	fonts: number;
	fontFiles: string[];
	js: number;
	jsSources: string[];
	images: number;
}

const transferred = (body: Buffer, compressible: boolean) => (compressible ? gzipSync(body, { level: 6 }).length : body.length);

async function measure(browser: Browser, page: BuiltPage): Promise<{ weight: Weight; axe: string[] }> {
	const context = await browser.newContext();
	const tab = await context.newPage();
	const responses: Response[] = [];
	tab.on('response', (response) => responses.push(response));
	const address = page.url === '/404.html' ? '/no/such/page/' : page.url;
	const response = await tab.goto(address, { waitUntil: 'load' });
	expect(response?.status(), address).toBe(page.url === '/404.html' ? 404 : 200);
	// Fonts load once layout needs them; when this settles, every font response has arrived.
	await tab.evaluate(() => document.fonts.ready.then(() => undefined));

	const weight: Weight = { url: page.url, html: 0, css: 0, fonts: 0, fontFiles: [], js: 0, jsSources: [], images: 0 };
	for (const r of responses) {
		const type = r.request().resourceType();
		const body = await r.body().catch(() => Buffer.alloc(0));
		const name = new URL(r.url()).pathname;
		if (type === 'document') weight.html += transferred(body, true);
		else if (type === 'stylesheet') weight.css += transferred(body, true);
		else if (type === 'font') {
			weight.fonts += transferred(body, false);
			weight.fontFiles.push(name.split('/').pop()!);
		} else if (type === 'script') {
			weight.js += body.length;
			weight.jsSources.push(`${name} (${body.length} B)`);
		} else if (type === 'image') weight.images += transferred(body, /svg/.test(r.headers()['content-type'] ?? ''));
	}
	const inline = await tab.evaluate(() =>
		[...document.scripts]
			.filter((s) => !s.src && (s.type === '' || s.type === 'module' || /javascript|ecmascript/.test(s.type)))
			.map((s) => new TextEncoder().encode(s.textContent ?? '').length),
	);
	for (const bytes of inline) {
		weight.js += bytes;
		weight.jsSources.push(`inline <script> (${bytes} B)`);
	}
	const axe = await axeViolations(tab);
	await context.close();
	return { weight, axe };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

for (const group of [...GROUPS, 'other']) {
	test(`${group} pages: ≤ 60 KB of HTML + CSS + fonts, no JavaScript but filters and search, no axe violation`, async ({
		browser,
	}, testInfo) => {
		const pages = builtPages().filter((page) => groupOf(page) === group);
		if (group !== 'other') expect(pages.length, `built pages of kind "${group}"`).toBeGreaterThan(0);
		test.setTimeout(30_000 + pages.length * 5_000);
		const lines: string[] = [];
		for (const page of pages) {
			const { weight, axe } = await measure(browser, page);
			const total = weight.html + weight.css + weight.fonts;
			lines.push(
				`${page.url}: ${kb(total)} (HTML ${kb(weight.html)}, CSS ${kb(weight.css)}, fonts ${kb(weight.fonts)} [${weight.fontFiles.join(', ')}]); JS ${weight.js} B; images ${kb(weight.images)}`,
			);
			expect
				.soft(total, `${page.url} weighs ${kb(total)}: HTML ${kb(weight.html)} + CSS ${kb(weight.css)} + fonts ${kb(weight.fonts)}`)
				.toBeLessThanOrEqual(BUDGET);
			const allowed = SCRIPTED[page.url];
			if (!allowed) expect.soft(weight.jsSources, `${page.url} loads JavaScript`).toEqual([]);
			else expect.soft(weight.js, `${page.url} loads ${allowed} script(s)`).toBeGreaterThan(0);
			if (page.url === '/projects/')
				expect.soft(weight.js, `the filter script on /projects/: ${weight.jsSources.join(', ')}`).toBeLessThanOrEqual(FILTER_SCRIPT_BUDGET);
			expect.soft(axe, `axe violations on ${page.url}`).toEqual([]);
		}
		console.log(`[${group}] ${pages.length} pages\n  ${lines.join('\n  ')}`);
		await testInfo.attach(`page weights (${group})`, { body: lines.join('\n'), contentType: 'text/plain' });
	});
}
