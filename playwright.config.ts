/**
 * Browser tests and built-site checks, both against the production build.
 *
 * - `site`: html-validate, internal links and anchors, script tags, read from
 *   `dist/`; no browser.
 * - `chromium`: pages, accessibility (axe), keyboard, filters, search, page
 *   weight and screenshots in Debian's Chromium, against `astro preview`.
 *
 * The web server builds the site first when `dist/` is missing or stale.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/e2e/support/chromium.ts';
import { BASE_URL } from './tests/e2e/support/paths.ts';

export default defineConfig({
	testMatch: '**/*.spec.ts',
	outputDir: 'test-results',
	fullyParallel: true,
	forbidOnly: Boolean(process.env.CI),
	retries: 0,
	// Two cores: the preview server and the build share them with the browsers.
	workers: 2,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
	globalSetup: './tests/e2e/support/global-setup.ts',
	use: {
		baseURL: BASE_URL,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
	},
	projects: [
		{ name: 'site', testDir: 'tests/site' },
		{
			name: 'chromium',
			testDir: 'tests/e2e',
			use: {
				browserName: 'chromium',
				launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
			},
		},
	],
	webServer: {
		// The Node running Playwright (24, from node_modules), not the system's.
		command: `"${process.execPath}" tests/e2e/support/serve.ts`,
		url: `${BASE_URL}/`,
		// Never someone else's server: ours checks that dist/ is fresh first.
		reuseExistingServer: false,
		timeout: 300_000,
		stdout: 'pipe',
		stderr: 'pipe',
	},
});
