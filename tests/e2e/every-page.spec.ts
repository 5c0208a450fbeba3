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
 * - nothing scrolls sideways at 375 px or 1440 px.
 *
 * One test per page, listed from the built site when this file is loaded
 * (Playwright starts the web server, which builds the site, first), so each
 * test's work is one page whatever the site's size.
 */
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page, Response } from '@playwright/test';
import { builtPages, type BuiltPage } from './support/built-site.ts';
import { DIST } from './support/paths.ts';
import { axeViolations, expect, expectNoSidewaysScroll, SIDEWAYS_HEIGHT, test, WIDTHS } from './support/test.ts';

const BUDGET = 60_000;
const FILTER_SCRIPT_BUDGET = 5_000;
/** Pages allowed to load JavaScript, and which. */
const SCRIPTED: Record<string, string> = { '/projects/': 'the project filter', '/search/': 'search' };

/** The kinds of page the site has; a page of no kind here fails the inventory test, so a new kind is added knowingly. */
const KINDS = [
	'home',
	'blog',
	'docs',
	'papers',
	'weekly',
	'rfcs',
	'projects',
	'project filter',
	'tags',
	'people',
	'status',
	'search',
	'404',
	'redirect',
] as const;

/** Guides the site serves at its root (project-pages.config.mjs `atRoot`). */
const ROOT_GUIDES = new Set(['/security/']);

function kindOf(page: BuiltPage): string {
	if (page.redirectsTo) return 'redirect';
	if (ROOT_GUIDES.has(page.url)) return 'docs';
	if (page.url === '/') return 'home';
	if (page.url === '/404.html') return '404';
	if (page.url.startsWith('/projects/filter/')) return 'project filter';
	const first = page.url.split('/')[1]!;
	return (KINDS as readonly string[]).includes(first) ? first : `none (first path segment "${first}")`;
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

/** Loads `page` in `tab`, whose cache is off (so every load is cold), and adds up what it fetched. */
async function measure(tab: Page, page: BuiltPage): Promise<Weight> {
	const responses: Response[] = [];
	const record = (response: Response) => responses.push(response);
	tab.on('response', record);
	const address = page.url === '/404.html' ? '/no/such/page/' : page.url;
	const response = await tab.goto(address, { waitUntil: 'load' });
	expect(response?.status(), address).toBe(page.url === '/404.html' ? 404 : 200);
	// Fonts load once layout needs them; when this settles, every font response has arrived.
	await tab.evaluate(() => document.fonts.ready.then(() => undefined));
	tab.off('response', record);

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
	return weight;
}

// At the sideways check's desktop size, which it measures first: one resize per page, to the phone's width and back.
test.use({ viewport: { width: WIDTHS.desktop, height: SIDEWAYS_HEIGHT } });

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

// Listed when the file loads; without a built site (`playwright test --list` before any build) the inventory test says so.
const PAGES = existsSync(DIST) ? builtPages() : [];

test('the built site has every kind of page, and no page of an unknown kind', () => {
	expect(existsSync(DIST), `${DIST}: the site the web server built (tests/e2e/support/serve.ts)`).toBe(true);
	const kinds = new Map<string, string[]>();
	for (const page of PAGES) kinds.set(kindOf(page), [...(kinds.get(kindOf(page)) ?? []), page.url]);
	expect([...kinds.keys()].sort()).toEqual([...KINDS].sort());
});

/**
 * An old address is a redirect page, not a page: tests/site/redirects.spec.ts reads each one. Here a
 * browser follows one of each kind (an old section's index or an entry under it, by old section),
 * and must land on a page that exists.
 */
const REDIRECT_KINDS = new Map<string, BuiltPage>();
for (const page of PAGES.filter((p) => p.redirectsTo)) {
	const segments = page.url.split('/').filter(Boolean);
	const kind = `${segments[0]} ${segments.length > 1 ? 'entry' : 'index'}`;
	if (!REDIRECT_KINDS.has(kind)) REDIRECT_KINDS.set(kind, page);
}
for (const page of REDIRECT_KINDS.values()) {
	test(`${page.url} redirects to ${page.redirectsTo}, which exists`, async ({ page: tab }) => {
		await tab.goto(page.url);
		await expect(tab).toHaveURL(page.redirectsTo!);
		await expect(tab.locator('main#main h1')).toHaveCount(1);
	});
}

for (const page of PAGES.filter((p) => !p.redirectsTo)) {
	test(`${page.url}: ≤ 60 KB of HTML + CSS + fonts, no JavaScript but filters and search, no axe violation`, async ({
		page: tab,
	}, testInfo) => {
		const weight = await measure(tab, page);
		const total = weight.html + weight.css + weight.fonts;
		// Every page has the site's stylesheet: none fetched would mean a warm cache, and a weight that lies.
		expect(weight.css, `${page.url}: its stylesheet fetched`).toBeGreaterThan(0);
		const line = `${page.url}: ${kb(total)} (HTML ${kb(weight.html)}, CSS ${kb(weight.css)}, fonts ${kb(weight.fonts)} [${weight.fontFiles.join(', ')}]); JS ${weight.js} B; images ${kb(weight.images)}`;
		await testInfo.attach('page weight', { body: line, contentType: 'text/plain' });
		expect
			.soft(total, `${page.url} weighs ${kb(total)}: HTML ${kb(weight.html)} + CSS ${kb(weight.css)} + fonts ${kb(weight.fonts)}`)
			.toBeLessThanOrEqual(BUDGET);
		const allowed = SCRIPTED[page.url];
		if (!allowed) expect.soft(weight.jsSources, `${page.url} loads JavaScript`).toEqual([]);
		else expect.soft(weight.js, `${page.url} loads ${allowed} script(s)`).toBeGreaterThan(0);
		if (page.url === '/projects/')
			expect.soft(weight.js, `the filter script on /projects/: ${weight.jsSources.join(', ')}`).toBeLessThanOrEqual(FILTER_SCRIPT_BUDGET);
		expect.soft(await axeViolations(tab), `axe violations on ${page.url}`).toEqual([]);
		await expectNoSidewaysScroll(tab, page.url);
	});
}
