/** Where the built site lives and where the preview server listens. */
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../..', import.meta.url));
/** What `npm run build` writes. */
export const BUILD_DIR = fileURLToPath(new URL('../../../dist', import.meta.url));
/** A fixed port away from Astro's 4321 and the fake GitHub, so a dev server can run alongside; E2E_PORT overrides it. */
export const PORT = Number(process.env.E2E_PORT ?? 4417);

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
