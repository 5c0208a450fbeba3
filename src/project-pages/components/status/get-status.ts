/**
 * The toolchain status as pages see it: the `status` collection's one
 * entry. Undefined when the site did not register the collection, so every
 * status component degrades to a plain "unavailable" instead of failing.
 */
import { getEntry } from 'astro:content';
import { STATUS_ENTRY_ID, type StatusSnapshot } from '../../ci/snapshot-schema.ts';

export async function toolchainStatus(): Promise<StatusSnapshot | undefined> {
  // The collection name is the site's choice of key; the integration registers it as `status`.
  const entry = await (getEntry as (c: string, id: string) => Promise<{ data: unknown } | undefined>)('status', STATUS_ENTRY_ID);
  return entry?.data as StatusSnapshot | undefined;
}

/** The anchor of a repo's row on /status/. */
export function repoAnchor(id: string): string {
  return `repo-${id.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}
