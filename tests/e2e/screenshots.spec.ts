/**
 * What each kind of page looks like, at 375 px and 1440 px, compared with
 * the committed references in tests/e2e/screenshots/ (Playwright's
 * toHaveScreenshot). A layout change fails here; when it is meant, update
 * the references with `npm run test:screenshots:update` and review the
 * images in the diff.
 *
 * The pages come from the shared fixture site `site` (fixed content and a
 * status snapshot kept for the screenshots, tests/helpers/fixture-sites.ts),
 * so new minutes or a refreshed status do not change them. Rendering is
 * made deterministic: bundled fonts only (waited for), animations and the
 * caret off (playwright.config.ts), and every time the build derives from
 * its clock ("as of …", "3 days ago") replaced by a fixed text before the
 * shot.
 */
import type { Page } from '@playwright/test';
import { expect, test, WIDTHS } from './support/test.ts';

/** One page of each kind, by name (the reference file is `<name>-<width>.png`). */
const KINDS: Record<string, string> = {
	home: '/',
	'blog-index': '/blog/',
	'blog-post': '/blog/renamed-legacy-post/',
	'blog-mdx-post': '/blog/mdx-post/',
	'weekly-index': '/weekly/',
	'weekly-call': '/weekly/weekly-2015-03-04/',
	'weekly-actions': '/weekly/actions/',
	'rfcs-index': '/rfcs/',
	rfc: '/rfcs/0001-fixture-proposal/',
	'projects-index': '/projects/',
	project: '/projects/fixture-project/',
	'projects-filter': '/projects/filter/skill/ocaml/',
	'tags-index': '/tags/',
	tag: '/tags/fixtures/',
	'people-index': '/people/',
	person: '/people/adatester/',
	status: '/status/',
	search: '/search/',
	'not-found': '/no/such/page/',
};

/**
 * Text the build computes from its own clock, relative to the snapshot's
 * time ("4 days ago"), or with the date left out on the day itself
 * ("03:53 UTC"), becomes one fixed text, so the day of the run cannot move
 * a pixel. Dates of content (a post's day) stay as they are.
 */
async function freezeBuildTimes(page: Page): Promise<number> {
	return page.evaluate(() => {
		let frozen = 0;
		for (const time of document.querySelectorAll('time')) {
			const text = time.textContent ?? '';
			if (/\bago\b|\bjust now\b|\byesterday\b|\btoday\b/i.test(text)) time.textContent = '5 days ago';
			else if (/\bUTC\b/.test(text)) time.textContent = '27 Nov 2026, 03:53 UTC';
			else continue;
			frozen++;
		}
		return frozen;
	});
}

for (const [name, url] of Object.entries(KINDS)) {
	test(`${name} (${url}) looks as it did at 375 px and 1440 px`, async ({ page }) => {
		const response = await page.goto(url);
		expect(response?.status(), url).toBe(name === 'not-found' ? 404 : 200);
		await page.evaluate(() => document.fonts.ready.then(() => undefined));
		// Every page has the toolchain strip, whose "as of" time comes from the build's clock.
		expect(await freezeBuildTimes(page), `build-time text frozen on ${url}`).toBeGreaterThan(0);
		for (const width of Object.values(WIDTHS)) {
			await page.setViewportSize({ width, height: 900 });
			await expect(page).toHaveScreenshot(`${name}-${width}.png`, { fullPage: true });
		}
	});
}
