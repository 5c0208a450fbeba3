/** Where the built site lives and where the preview server listens. */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../..', import.meta.url));
/** What `npm run build` writes. */
export const BUILD_DIR = fileURLToPath(new URL('../../../dist', import.meta.url));
/**
 * The preview server's port, E2E_PORT or one derived from the checkout's path (4400–5199, even): away
 * from Astro's 4321, so a dev server runs alongside, and different for two checkouts (git worktrees)
 * testing on one machine at once. The screenshots server takes the next one.
 */
export const PORT = Number(process.env.E2E_PORT ?? 4400 + 2 * (createHash('sha256').update(REPO).digest().readUInt16BE(0) % 400));

/**
 * The copy of dist/ that the tests read and the preview serves, taken once
 * per run, so that a build started meanwhile in the same checkout cannot
 * change the site under a running test.
 */
export const DIST = fileURLToPath(new URL(`../../../node_modules/.cache/project-pages-e2e/${PORT}/dist`, import.meta.url));
export const BASE_URL = `http://127.0.0.1:${PORT}`;

/** The screenshot fixture site (tests/helpers/fixture-sites.ts, `screenshots`), served beside the site. */
export const SCREENSHOT_PORT = PORT + 1;
export const SCREENSHOT_URL = `http://127.0.0.1:${SCREENSHOT_PORT}`;
