/**
 * The `test` every browser spec uses: skipped with a clear reason when
 * Chromium is missing (global-setup.ts makes that an error in CI), plus the
 * checks shared by the specs.
 */
import { test as base, expect, type Page } from '@playwright/test';
import axe from 'axe-core';
import { CHROMIUM_MISSING, hasChromium } from './chromium.ts';

export const test = base.extend<{ requireChromium: void; coldTab: Page }, { workerTab: Page }>({
	requireChromium: [
		// eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as an object pattern.
		async ({}, use, testInfo) => {
			testInfo.skip(!hasChromium(), CHROMIUM_MISSING);
			await use();
		},
		{ auto: true },
	],
	/**
	 * One tab per worker for tests that only load a page and read it (every-page.spec.ts): a new
	 * context per test cost more than the test's own work. It starts each page cold all the same
	 * (the browser cache is off, so every response is fetched and counted), with axe-core already
	 * in every document it loads, and leaves no state a later page could see (no cookies, no
	 * storage: these pages set none).
	 */
	workerTab: [
		async ({ browser }, use, workerInfo) => {
			const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL });
			await context.addInitScript({ content: axe.source });
			const tab = await context.newPage();
			const devtools = await context.newCDPSession(tab);
			await devtools.send('Network.setCacheDisabled', { cacheDisabled: true });
			await use(tab);
			await context.close();
		},
		{ scope: 'worker' },
	],
	coldTab: async ({ workerTab }, use) => {
		await workerTab.setViewportSize(DEFAULT_VIEWPORT);
		await use(workerTab);
	},
});
export { expect };

const DEFAULT_VIEWPORT = { width: 1280, height: 720 };

/** WCAG 2.1 A and AA, the level the site promises. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
	id: string;
	impact?: string | null;
	help: string;
	nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/** axe-core's violations on the current page, one readable line per failing element. */
export async function axeViolations(page: Page): Promise<string[]> {
	// axe runs in the page itself (these pages have no frames). A tab from `coldTab` has it already;
	// any other gets it now, once.
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
	const violations = await page.evaluate(
		async (tags) =>
			(await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags } }))
				.violations as AxeViolation[],
		WCAG_TAGS,
	);
	return violations.flatMap((violation) =>
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
