/**
 * Fits data this build did not fetch (the snapshot file, or an earlier
 * content store) to what this build asks for: groups come from today's
 * options, repos the data lacks become `unknown` with the reason
 * (references are left out, which pages show as unknown), and ones nobody
 * asks for any more are dropped. Pure.
 */
import type { GitHubRef } from './references.ts';
import type { TrackedRepo } from './options.ts';
import { SNAPSHOT_VERSION, type RepoStatus, type StatusSnapshot } from './snapshot-schema.ts';
import { deriveSnapshot } from './derive.ts';

/** A tracked repo with nothing known about it yet: what parsing fills in, or what stays when it cannot. */
export function repoShell(tracked: TrackedRepo): RepoStatus {
	const repo: RepoStatus = {
		id: tracked.id,
		owner: tracked.owner,
		repo: tracked.repo,
		url: `https://github.com/${tracked.id}`,
		state: 'unknown',
		history: [],
		flakyChecks: [],
	};
	if (tracked.group !== undefined) repo.group = tracked.group;
	if (tracked.branch) repo.branch = tracked.branch;
	return repo;
}

export function unknownRepo(tracked: TrackedRepo, reason: string): RepoStatus {
	return { ...repoShell(tracked), reason };
}

/**
 * Earlier data reshaped for this build's repos and references: marked stale
 * with the reason, or kept current when it is a snapshot fetched just before
 * this build (the deploy workflow's status step).
 */
export function reconcile(
	base: StatusSnapshot | undefined,
	wanted: { repos: readonly TrackedRepo[]; references: readonly GitHubRef[]; omitted?: number },
	freshness: { stale: true; reason: string } | { stale: false },
): StatusSnapshot {
	const repos = new Map((base?.repos ?? []).map((r) => [r.id.toLowerCase(), r]));
	const refs = new Map((base?.references ?? []).map((r) => [r.id.toLowerCase(), r]));
	const missing = base ? 'not in the status snapshot' : 'no status snapshot';
	const snapshot: StatusSnapshot = {
		schemaVersion: SNAPSHOT_VERSION,
		stale: freshness.stale,
		source: base?.source ?? 'none: no snapshot and no fetch',
		repos: wanted.repos.map((t) => {
			const old = repos.get(t.id.toLowerCase());
			// A repo tracked on another branch than the snapshot shows is not the same data.
			if (!old || (t.branch && old.branch !== t.branch)) return unknownRepo(t, missing);
			const { group: _g, ...rest } = old;
			return t.group !== undefined ? { ...rest, group: t.group } : rest;
		}),
		// A reference the old data lacks is left out rather than stored as "unknown": badges show
		// a missing reference as unknown anyway, and a large site can name thousands of them.
		references: wanted.references.flatMap((r) => refs.get(r.id.toLowerCase()) ?? []),
	};
	// No base, no time: pages say "never fetched" rather than a made-up 1 January 1970.
	if (base?.fetchedAt !== undefined) snapshot.fetchedAt = base.fetchedAt;
	if (freshness.stale) snapshot.staleReason = freshness.reason;
	if (base?.requests !== undefined) snapshot.requests = base.requests;
	if (base?.points !== undefined) snapshot.points = base.points;
	if (wanted.omitted) snapshot.omittedReferences = wanted.omitted;
	return deriveSnapshot(snapshot);
}
