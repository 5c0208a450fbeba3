/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`):
 * a page is re-rendered only when its key changes, so a key must cover every
 * piece of data the page shows. Astro itself tracks the page's code.
 *
 * Every page shows the toolchain strip and resolves names against the people
 * file, so those go into a shared part; "as of" and "3 days ago" texts depend
 * on today's date, so it does too. A live status fetch changes the shared part
 * and re-renders everything, as it should: every page shows that status.
 */
import { createHash } from 'node:crypto';

export function cacheKey(...parts: unknown[]): string {
	const hash = createHash('sha1');
	for (const part of parts) hash.update(typeof part === 'string' ? part : (JSON.stringify(part) ?? 'undefined')).update('\0');
	return hash.digest('base64url');
}

/** The data every page depends on. */
export function sharedCacheKey(input: { statusDigest: unknown; peopleDigests: unknown[]; today: string }): string {
	return cacheKey('shared-v1', input.statusDigest, input.peopleDigests, input.today);
}

/**
 * A linked entry as other pages show it (its URL, title, date and status),
 * so that editing a call's notes does not re-render every page that links it.
 */
export function linkKey(entry: { id: string; data: object } | undefined): unknown {
	if (!entry) return null;
	const d = entry.data as { title?: unknown; date?: unknown; created?: unknown; status?: unknown };
	return [entry.id, d.title, d.date ?? d.created, d.status];
}
