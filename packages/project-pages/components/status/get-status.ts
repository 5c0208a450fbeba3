/**
 * The toolchain status as pages see it: the `status` collection's one
 * entry. Undefined when the site did not register the collection, so every
 * status component degrades to a plain "unavailable" instead of failing.
 */
import { getEntry } from 'astro:content';
import { STATUS_ENTRY_ID, type StatusSnapshot } from '../../ci/snapshot-schema.ts';

let cached: Promise<StatusSnapshot | undefined> | undefined;

/**
 * One object for the whole build, so that the lookup maps `ci/view.ts` builds
 * for it are built once; in dev the data can change, so it is read each time.
 */
export function toolchainStatus(): Promise<StatusSnapshot | undefined> {
	if (import.meta.env.DEV) return readStatus();
	cached ??= readStatus();
	return cached;
}

async function readStatus(): Promise<StatusSnapshot | undefined> {
	// The collection name is the site's choice of key; the integration registers it as `status`.
	const entry = await (getEntry as (c: string, id: string) => Promise<{ data: unknown } | undefined>)('status', STATUS_ENTRY_ID);
	return entry?.data as StatusSnapshot | undefined;
}

/** The anchor of a repo's row on /status/. */
export function repoAnchor(id: string): string {
	return `repo-${id.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}
