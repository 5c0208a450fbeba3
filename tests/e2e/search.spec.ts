/**
 * Site search. Every page's search box sends `?q=` to `/search/`, where
 * Pagefind's index (built by `npm run build`) answers in the browser; each
 * result shows its kind and date. Without JavaScript the search page says it
 * needs it and offers the section indexes instead.
 */
import type { Page } from '@playwright/test';
import { axeViolations, expect, gotoWithoutScripts, expectNoSidewaysScroll, test } from './support/test.ts';

/** One page of each searchable kind, found from its index, with the kind label results show. */
const KINDS = [
	{ kind: 'Post', index: '/blog/', entry: /^\/blog\/[^/]+\/$/, dated: true },
	{ kind: 'Weekly call', index: '/weekly/', entry: /^\/weekly\/(?!actions\/)[^/]+\/$/, dated: true },
	{ kind: 'RFC', index: '/rfcs/', entry: /^\/rfcs\/[^/]+\/$/, dated: true },
	{ kind: 'Pioneer Project', index: '/projects/', entry: /^\/projects\/(?!filter\/)[^/]+\/$/, dated: false },
];

async function firstEntry(page: Page, index: string, entry: RegExp): Promise<{ url: string; title: string }> {
	await page.goto(index);
	const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
	const url = hrefs.find((href) => entry.test(href));
	expect(url, `${index} links to an entry`).toBeDefined();
	await page.goto(url!);
	return { url: url!, title: (await page.locator('main h1').first().innerText()).trim() };
}

interface Result {
	href: string;
	kind: string;
	date: string | null;
}

async function results(page: Page): Promise<Result[]> {
	await expect(page.locator('#search-status')).toHaveText(/\bresults? for\b|No results/);
	return page.locator('#search-results > li').evaluateAll((items) =>
		items.map((li) => ({
			href: new URL(li.querySelector('a')!.href).pathname,
			kind: li.querySelector('.search-kind')?.textContent?.trim() ?? '',
			date: li.querySelector('time')?.getAttribute('datetime') ?? null,
		})),
	);
}

test.describe('with JavaScript', () => {
	for (const { kind, index, entry, dated } of KINDS) {
		test(`the search box finds a ${kind} page by its title and shows its kind${dated ? ' and date' : ''}`, async ({ page }) => {
			const target = await firstEntry(page, index, entry);
			await page.goto('/');
			await page.locator('#site-search').fill(target.title);
			await page.locator('#site-search').press('Enter');
			await expect(page).toHaveURL(/\/search\/\?q=/);
			await expect(page.locator('#search-query')).toHaveValue(target.title);
			const found = (await results(page)).find((r) => r.href === target.url);
			expect(found, `a result for "${target.title}" links to ${target.url}`).toBeDefined();
			expect(found!.kind).toBe(kind);
			if (dated) expect(found!.date, `${target.url} result date`).toMatch(/^\d{4}-\d{2}-\d{2}/);
		});
	}

	test('the kind filter narrows the results, keeps the query in the URL, and the page is accessible', async ({ page }) => {
		await page.goto('/search/?q=mirage');
		const everything = await results(page);
		expect(new Set(everything.map((r) => r.kind)).size, 'a broad query finds more than one kind').toBeGreaterThan(1);
		await page.locator('#search-kind').selectOption('RFC');
		await expect(page).toHaveURL(/[?&]kind=RFC\b/);
		await expect(page).toHaveURL(/[?&]q=mirage\b/);
		await expect.poll(async () => (await results(page)).every((r) => r.kind === 'RFC')).toBe(true);
		expect((await results(page)).length).toBeGreaterThan(0);
		expect.soft(await axeViolations(page), 'axe violations on /search/ with results').toEqual([]);
		await expectNoSidewaysScroll(page, 'search-results');
	});

	test('a query that matches nothing says so', async ({ page }) => {
		await page.goto('/search/?q=zzzqqqxxyy');
		await expect(page.locator('#search-status')).toHaveText(/No results/);
		await expect(page.locator('#search-results > li')).toHaveCount(0);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the search box leads to the search page, which offers the section indexes', async ({ page }) => {
		await page.goto('/rfcs/');
		await page.locator('#site-search').fill('solo5');
		await page.locator('#site-search').press('Enter');
		await expect(page).toHaveURL('/search/?q=solo5');
		await expect(page.locator('#search-fallback')).toBeVisible();
		await expect(page.locator('#search-fallback')).toContainText(/needs JavaScript/);
		for (const index of ['/weekly/', '/rfcs/', '/projects/', '/blog/'])
			await expect(page.locator(`#search-fallback a[href="${index}"]`)).toBeVisible();
		await expectNoSidewaysScroll(page, 'search-no-js');
	});
});

test('the search page without JavaScript has no axe violation', async ({ page }) => {
	await gotoWithoutScripts(page, '/search/?q=solo5');
	await expect(page.locator('#search-fallback')).toBeVisible();
	expect.soft(await axeViolations(page), 'axe violations on /search/ without JavaScript').toEqual([]);
});
