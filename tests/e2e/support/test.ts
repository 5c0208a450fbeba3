/**
 * The `test` every browser spec uses: skipped with a clear reason when
 * Chromium is missing (global-setup.ts makes that an error in CI), plus the
 * checks shared by the specs.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { CHROMIUM_MISSING, hasChromium } from './chromium.ts';

export const test = base.extend<{ requireChromium: void }>({
	requireChromium: [
		// eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as an object pattern.
		async ({}, use, testInfo) => {
			testInfo.skip(!hasChromium(), CHROMIUM_MISSING);
			await use();
		},
		{ auto: true },
	],
});
export { expect };

/** WCAG 2.1 A and AA, the level the site promises. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe-core's violations on the current page, one readable line per failing element. */
export async function axeViolations(page: Page): Promise<string[]> {
	// Legacy mode runs axe in the page itself; the default opens a second, blank page per check to merge
	// frames' results, which tripled the time of a check. These pages have no frames.
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
	return results.violations.flatMap((violation) =>
		violation.nodes.map(
			(node) =>
				`${violation.id} (${violation.impact}): ${violation.help} at ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`,
		),
	);
}

/**
 * Opens `url` as a reader without JavaScript sees it, in a page where axe can
 * still run: the HTML is served with its `<script>` elements removed.
 */
export async function gotoWithoutScripts(page: Page, url: string): Promise<void> {
	await page.route(
		(u) => u.pathname === new URL(url, 'http://x').pathname,
		async (route) => {
			const response = await route.fetch();
			const html = (await response.text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
			await route.fulfill({ response, body: html });
		},
	);
	await page.goto(url);
	await page.unrouteAll();
}

export const WIDTHS = { phone: 375, desktop: 1440 } as const;

/**
 * Checks, softly so that the test goes on to its other checks, that nothing
 * scrolls sideways at 375 px or at 1440 px. Leaves the page at 1440 px.
 */
export async function expectNoSidewaysScroll(page: Page, name: string): Promise<void> {
	const overflows: string[] = [];
	for (const width of Object.values(WIDTHS)) {
		await page.setViewportSize({ width, height: 900 });
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		if (overflow > 0) overflows.push(`scrolls sideways by ${overflow}px at ${width}px`);
	}
	expect.soft(overflows, `${name} (${page.url()})`).toEqual([]);
}
