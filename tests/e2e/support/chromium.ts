/**
 * The browser is Debian's Chromium, never one Playwright downloads. Without
 * it the browser tests are skipped with this message, except in CI
 * (`CI=true`), where `.ci/run` installs it and a missing browser is an error.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	// No optimizing compilers in the pages (V8's Sparkplug only, no Maglev or TurboFan): the site's own
	// scripts are a few kilobytes, and what they would optimize is axe-core, injected again into every
	// page's document. Measured over 40 pages checked as every-page.spec.ts does, five runs each way:
	// the renderer used 10-20% less CPU.
	'--js-flags=--max-opt=1',
];

/**
 * For tests that only load pages and read them (every-page.spec.ts: weight, scripts, axe, sideways
 * scrolling): the compositor on the page's main thread instead of a thread of its own. Layout and the
 * DOM are the same; what changes is how often frames are drawn, and Playwright's clicks, which wait
 * for animation frames, then never finish, so no test that clicks runs with it. Measured over 40 pages
 * checked as every-page does, two runs each way: the GPU process's CPU fell from 71-97 to 28-32 ms
 * per page, and the page's whole cost from 660-840 to 590-650.
 */
export const READ_ONLY_ARGS = ['--disable-threaded-compositing'];

export const hasChromium = (): boolean => existsSync(CHROMIUM_PATH);

export const CHROMIUM_MISSING = `Chromium not found at ${CHROMIUM_PATH}: browser tests skipped. Install it with \`apt-get install -y chromium\` (.ci/run does).`;
