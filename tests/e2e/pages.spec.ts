/**
 * Every kind of page in Chromium: the home page, each section's index and
 * one of its pages (reached by following the index's own link), the status
 * page and the weekly actions. Each is checked for its heading, the current
 * navigation entry and the toolchain strip. (every-page.spec.ts runs axe on
 * every page and checks that none scrolls sideways; screenshots.spec.ts
 * compares screenshots.)
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/test.ts';

interface Section {
	name: string;
	index: string;
	/** The sidebar link marked `aria-current="page"` in this section, if it has one. */
	nav?: string;
	/** What an entry page's address looks like, as linked from the index. */
	entry: RegExp;
}

const SECTIONS: Section[] = [
	{ name: 'blog', index: '/blog/', nav: 'Blog', entry: /^\/blog\/[^/]+\/$/ },
	{ name: 'docs', index: '/docs/', nav: 'Docs', entry: /^\/docs\/[^/]+\/$/ },
	{ name: 'weekly', index: '/weekly/', nav: 'Weekly calls', entry: /^\/weekly\/(?!actions\/)[^/]+\/$/ },
	{ name: 'rfcs', index: '/rfcs/', nav: 'RFCs', entry: /^\/rfcs\/[^/]+\/$/ },
	{ name: 'projects', index: '/projects/', nav: 'Pioneer Projects', entry: /^\/projects\/(?!filter\/)[^/]+\/$/ },
	{ name: 'tags', index: '/tags/', entry: /^\/tags\/[^/]+\/$/ },
	{ name: 'people', index: '/people/', nav: 'People', entry: /^\/people\/[^/]+\/$/ },
];

/** Loads a page and checks what every page has: one h1, the frame, the strip. */
async function open(page: Page, url: string, nav?: string): Promise<string> {
	const response = await page.goto(url);
	expect(response?.status(), `${url} status`).toBe(200);
	const h1 = page.locator('main#main h1');
	await expect(h1).toHaveCount(1);
	const heading = (await h1.innerText()).trim();
	expect(heading, `${url} h1`).not.toBe('');
	await expect(page).toHaveTitle(/\S/);
	await expect(page.locator('a.skip-link[href="#main"]')).toHaveCount(1);
	await expect(page.locator('[data-toolchain-strip] a[href="/status/"]'), `${url} toolchain strip`).toContainText(/Toolchain/);
	const current = page.locator('nav[aria-label="Main"] a[aria-current="page"]');
	if (nav) await expect(current, `${url} marks its section in the sidebar`).toHaveText(nav);
	return heading;
}

test('home page', async ({ page }) => {
	expect(await open(page, '/', 'Home')).toBe('MirageOS');
	// The home page leads into every section.
	for (const section of ['/blog/', '/weekly/', '/rfcs/', '/projects/'])
		await expect(page.locator(`main a[href="${section}"]`).first()).toBeVisible();
});

for (const section of SECTIONS) {
	test(`${section.name}: index and one entry page`, async ({ page }) => {
		await open(page, section.index, section.nav);
		const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
		const entries = hrefs.filter((href) => section.entry.test(href));
		expect(entries.length, `${section.index} links to its entries`).toBeGreaterThan(0);

		const entry = entries[0]!;
		await page.locator(`main a[href="${entry}"]`).first().click();
		await expect(page).toHaveURL(entry);
		await open(page, entry, section.nav);
	});
}

test('status page: matrix of tracked repositories with links to their CI runs', async ({ page }) => {
	expect(await open(page, '/status/', 'Toolchain status')).toMatch(/status/i);
	const rows = page.locator('main table tbody tr');
	expect(await rows.count(), 'one row per tracked repository').toBeGreaterThan(0);
	await expect(page.locator('main table a[href^="https://"]').first()).toBeVisible();
});

test('weekly actions page', async ({ page }) => {
	await open(page, '/weekly/actions/', 'Weekly calls');
});

test('404: a missing address answers 404 with the not-found page', async ({ page }) => {
	const response = await page.goto('/no/such/page/');
	expect(response?.status()).toBe(404);
	await expect(page.locator('main#main h1')).toHaveText('Page not found');
	// Its links work from any depth: following "Home" lands on the home page.
	await page.locator('main a', { hasText: 'Home' }).click();
	await expect(page).toHaveURL('/');
});

test('a guide: its table of contents leads to its headings, previous/next stay in its section, and it can be edited on GitHub', async ({
	page,
}) => {
	await open(page, '/docs/install/', 'Docs');
	const toc = page.locator('nav.toc');
	const first = toc.locator('a').first();
	const target = (await first.getAttribute('href'))!;
	expect(target).toMatch(/^#/);
	await first.click();
	await expect(page).toHaveURL(new RegExp(`${target}$`));
	await expect(page.locator(`main ${target}`)).toBeInViewport();
	await expect(page.locator('main time').first()).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
	await expect(page.locator('main a', { hasText: 'Edit this page' })).toHaveAttribute(
		'href',
		'https://github.com/mirage/mirage-www/edit/main/content/docs/install.md',
	);
	const next = page.locator('nav.prev-next a[rel="next"]');
	const nextHref = (await next.getAttribute('href'))!;
	await next.click();
	await expect(page).toHaveURL(nextHref);
	await expect(page.locator('nav.prev-next a[rel="prev"]')).toHaveAttribute('href', '/docs/install/');
});

test('old addresses: /wiki/<permalink>/ and /docs/security/ arrive at the page that took their place', async ({ page }) => {
	await page.goto('/wiki/install/');
	await expect(page).toHaveURL('/docs/install/');
	await page.goto('/docs/security/');
	await expect(page).toHaveURL('/security/');
	await expect(page.locator('main#main h1')).not.toBeEmpty();
});

test('papers page', async ({ page }) => {
	await open(page, '/papers/');
	expect(await page.locator('main li.paper').count()).toBeGreaterThan(0);
});
