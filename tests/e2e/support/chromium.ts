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

export const hasChromium = (): boolean => existsSync(CHROMIUM_PATH);

export const CHROMIUM_MISSING = `Chromium not found at ${CHROMIUM_PATH}: browser tests skipped. Install it with \`apt-get install -y chromium\` (.ci/run does).`;
