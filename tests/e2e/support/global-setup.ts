/** Says once, before any test, whether the browser tests can run. */
import { CHROMIUM_MISSING, CHROMIUM_PATH, hasChromium } from './chromium.ts';

export default function globalSetup(): void {
	if (hasChromium()) return;
	if (process.env.CI)
		throw new Error(`Chromium not found at ${CHROMIUM_PATH}, and CI=true: CI must run the browser tests (.ci/run installs chromium).`);
	console.warn(`\n[e2e] ${CHROMIUM_MISSING}\n`);
}
