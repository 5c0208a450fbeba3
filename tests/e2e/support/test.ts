/**
 * The `test` every browser spec uses: skipped with a clear reason when
 * Chromium is missing (global-setup.ts makes that an error in CI), plus the
 * checks shared by the specs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import type axe from 'axe-core';
import { CHROMIUM_MISSING, hasChromium } from './chromium.ts';

/**
 * The context options a test may set with `test.use`, besides the viewport (set per test on the
 * tab): each distinct set gets a tab of its own, made with exactly those options, so an option is
 * neither ignored nor carried into another test. An option not listed here would be: add it here
 * before a test sets it.
 */
type TabOptions = Pick<
	BrowserContextOptions,
	| 'javaScriptEnabled'
	| 'colorScheme'
	| 'reducedMotion'
	| 'locale'
	| 'timezoneId'
	| 'userAgent'
	| 'offline'
	| 'extraHTTPHeaders'
	| 'storageState'
>;

/** The worker's tab for a set of options, opened the first time a test asks for it. */
type WorkerTabs = (options: TabOptions) => Promise<Page>;

export const test = base.extend<{ requireChromium: void }, { workerTabs: WorkerTabs }>({
	requireChromium: [
		// eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as an object pattern.
		async ({}, use, testInfo) => {
			testInfo.skip(!hasChromium(), CHROMIUM_MISSING);
			await use();
		},
		{ auto: true },
	],
	/**
	 * A new context per test cost more CPU than most tests' own work (about 1.3 s of the 2-core
	 * machine's time each: a context, a renderer process, Playwright's instrumentation), so each
	 * worker keeps one tab per set of options its tests use (today: with JavaScript, and without).
	 * Each loads every page cold all the same: the browser cache is off, so every response is
	 * fetched and counted.
	 */
	workerTabs: [
		async ({ browser }, use, workerInfo) => {
			const contexts = new Map<string, Promise<BrowserContext>>();
			const tabs = new Map<BrowserContext, Page>();
			const open = async (context: BrowserContext) => {
				const tab = await context.newPage();
				const devtools = await context.newCDPSession(tab);
				await devtools.send('Network.setCacheDisabled', { cacheDisabled: true });
				tabs.set(context, tab);
				return tab;
			};
			await use(async (options) => {
				const key = JSON.stringify(options);
				if (!contexts.has(key)) contexts.set(key, browser.newContext({ baseURL: workerInfo.project.use.baseURL, ...options }));
				const context = await contexts.get(key)!;
				const tab = tabs.get(context);
				// A test that closed its page leaves the next one a new tab, not a closed one.
				return tab && !tab.isClosed() ? tab : open(context);
			});
			for (const context of contexts.values()) await (await context).close();
		},
		{ scope: 'worker' },
	],
	/**
	 * Playwright's `page`, replaced by the worker's tab for the test's options, at the test's
	 * viewport. A test leaves no state a later one could see: its routes, cookies and other tabs
	 * go, these pages keep no storage, and the address it leaves gets a query of its own, so that
	 * the next test's `goto` of the same page (or of a fragment in it) loads it afresh, rather than
	 * reloading it (which keeps the scroll position) or scrolling within it. Not blanked between
	 * tests: about:blank is another renderer process, two process swaps per test.
	 */
	page: async (
		{
			workerTabs,
			viewport,
			javaScriptEnabled,
			colorScheme,
			reducedMotion,
			locale,
			timezoneId,
			userAgent,
			offline,
			extraHTTPHeaders,
			storageState,
		},
		use,
	) => {
		const tab = await workerTabs({
			javaScriptEnabled,
			colorScheme,
			reducedMotion,
			locale,
			timezoneId,
			userAgent,
			offline,
			extraHTTPHeaders,
			storageState,
		});
		const size = viewport ?? DEFAULT_VIEWPORT;
		const current = tab.viewportSize();
		if (current?.width !== size.width || current.height !== size.height) await tab.setViewportSize(size);
		await use(tab);
		await tab.unrouteAll({ behavior: 'ignoreErrors' });
		await tab.context().unrouteAll({ behavior: 'ignoreErrors' });
		for (const other of tab.context().pages()) if (other !== tab) await other.close();
		await tab.context().clearCookies();
		if (!tab.isClosed() && tab.url().startsWith('http')) await tab.evaluate(() => history.replaceState(null, '', '?after-a-test'));
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

/** axe-core's minified build: the code of `axe.source`, evaluated into a page in less time. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the current page, one readable line per failing element. */
export async function axeViolations(page: Page): Promise<string[]> {
	// axe runs in the page itself (these pages have no frames), evaluated into it here, once per
	// document: preloading it into every document cost 0.1 s for each page no test checked.
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
	const violations = await page.evaluate(
		async (tags) =>
			(
				await (window as unknown as { axe: typeof axe }).axe.run(document, {
					runOnly: { type: 'tag', values: tags },
					resultTypes: ['violations'],
				})
			).violations as AxeViolation[],
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
/** The height the sideways check measures at. */
export const SIDEWAYS_HEIGHT = 900;

/**
 * Checks, softly so that the test goes on to its other checks, that nothing
 * scrolls sideways at 375 px or at 1440 px. A page already at one of those
 * sizes is measured there first, without a resize (each is a layout of the
 * whole page); it is left at the other.
 */
export async function expectNoSidewaysScroll(page: Page, name: string): Promise<void> {
	const overflows: string[] = [];
	const start = page.viewportSize();
	const isStart = (width: number) => start?.width === width && start.height === SIDEWAYS_HEIGHT;
	const widths = Object.values(WIDTHS).sort((a, b) => Number(isStart(b)) - Number(isStart(a)));
	for (const [i, width] of widths.entries()) {
		if (i > 0 || !isStart(width)) await page.setViewportSize({ width, height: SIDEWAYS_HEIGHT });
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		if (overflow > 0) overflows.push(`scrolls sideways by ${overflow}px at ${width}px`);
	}
	expect.soft(overflows, `${name} (${page.url()})`).toEqual([]);
}
