/**
 * Browser tests and built-site checks, both against production builds.
 *
 * - `site`: html-validate, internal links and anchors, script tags, read from
 *   the built site; no browser.
 * - `every-page`: every page (weight, scripts, axe, sideways scrolling) in
 *   Debian's Chromium, against `astro preview` of the site.
 * - `chromium`: pages, keyboard, filters and search, the same way.
 * - `screenshots`: each kind of page at 375 px and 1440 px against the
 *   committed references in tests/e2e/screenshots/, on the shared `site`
 *   fixture site. `npm run test:screenshots:update` rewrites the ones that
 *   differ.
 *
 * The web servers build first (tests/e2e/support/serve.ts); Playwright reads
 * the test files after they are up, so specs can list the built pages.
 * Timeouts end a hang on a busy machine; no test measures time.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, READ_ONLY_ARGS } from './tests/e2e/support/chromium.ts';
import { BASE_URL, SCREENSHOT_URL } from './tests/e2e/support/paths.ts';

const chromium = {
	browserName: 'chromium' as const,
	launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
};

export default defineConfig({
	testMatch: '**/*.spec.ts',
	outputDir: 'test-results',
	fullyParallel: true,
	forbidOnly: Boolean(process.env.CI),
	// A failure runs once more, traced, for its record; it still fails the run (failOnFlakyTests), so
	// a test that passes only the second time is reported, not hidden. A passing test records nothing:
	// a trace of every test cost a quarter of the suite's time.
	retries: 1,
	failOnFlakyTests: true,
	// Two cores: the preview servers share them with the browsers.
	workers: 2,
	timeout: 90_000,
	expect: {
		timeout: 15_000,
		toHaveScreenshot: {
			animations: 'disabled',
			caret: 'hide',
			scale: 'css',
			// Per pixel, the colour distance that counts as a change (Playwright's default): antialiasing stays under it.
			threshold: 0.2,
			// Per image, at most 100 pixels past it: a glyph's antialiasing may change; a link moved by 2 px
			// (about 1,800 pixels on every page), a changed margin, colour or font may not, and any change of
			// page height fails on size alone. A count, not a ratio, so a tall page is held as tightly as a short one.
			maxDiffPixels: 100,
		},
	},
	// One reference per kind and width, for Debian's Chromium (the only browser these tests use).
	snapshotPathTemplate: '{testDir}/screenshots/{arg}{ext}',
	// CI compares only: a missing reference fails instead of being written.
	updateSnapshots: process.env.CI ? 'none' : 'missing',
	reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
	globalSetup: './tests/e2e/support/global-setup.ts',
	use: {
		baseURL: BASE_URL,
		trace: 'on-first-retry',
		screenshot: 'only-on-failure',
	},
	projects: [
		{ name: 'site', testDir: 'tests/site' },
		{ name: 'chromium', testDir: 'tests/e2e', testIgnore: ['screenshots.spec.ts', 'every-page.spec.ts'], use: chromium },
		{
			// Every page loaded and read, never clicked: a browser whose compositor costs less (chromium.ts).
			name: 'every-page',
			testDir: 'tests/e2e',
			testMatch: 'every-page.spec.ts',
			use: { ...chromium, launchOptions: { ...chromium.launchOptions, args: [...CHROMIUM_ARGS, ...READ_ONLY_ARGS] } },
		},
		{ name: 'screenshots', testDir: 'tests/e2e', testMatch: 'screenshots.spec.ts', use: { ...chromium, baseURL: SCREENSHOT_URL } },
	],
	webServer: [
		{
			// The Node running Playwright (24, from node_modules), not the system's.
			command: `"${process.execPath}" tests/e2e/support/serve.ts site`,
			url: `${BASE_URL}/`,
			// Never someone else's server: ours checks that dist/ is fresh first.
			reuseExistingServer: false,
			timeout: 600_000,
			stdout: 'pipe',
			stderr: 'pipe',
		},
		{
			command: `"${process.execPath}" tests/e2e/support/serve.ts screenshots`,
			url: `${SCREENSHOT_URL}/`,
			reuseExistingServer: false,
			timeout: 600_000,
			stdout: 'pipe',
			stderr: 'pipe',
		},
	],
});
