/**
 * Derived status: pure functions of the fetched commits, so they are computed
 * the same way from a fresh fetch, from the committed snapshot and from an
 * earlier content store, and can be unit-tested without any HTTP.
 */
import { isoDay } from '../content/dates.ts';
import type { CheckState, Commit, FailingSince, FlakyCheck, RepoState, RepoStatus, StatusSnapshot } from './snapshot-schema.ts';

/** A commit's state: GitHub's rollup when present, otherwise worked out from its checks. */
export function commitState(commit: Pick<Commit, 'rollup' | 'checks'>): CheckState | undefined {
	if (commit.rollup) return commit.rollup;
	const states = new Set(commit.checks.map((c) => c.state));
	if (states.has('failure') || states.has('error')) return 'failure';
	if (states.has('pending')) return 'pending';
	if (states.has('success')) return 'success';
	if (states.has('neutral')) return 'neutral';
	return undefined;
}

function isPassing(s: CheckState | undefined): boolean {
	// GitHub counts neutral (skipped) checks as not blocking: so do we.
	return s === 'success' || s === 'neutral';
}

function isFailing(s: CheckState | undefined): boolean {
	return s === 'failure' || s === 'error';
}

/** The state of a branch whose newest commit is `history[0]`. */
export function repoState(history: readonly Pick<Commit, 'rollup' | 'checks'>[]): RepoState {
	const head = history[0];
	if (!head) return 'unknown';
	const s = commitState(head);
	if (isPassing(s)) return 'passing';
	if (isFailing(s)) return 'failing';
	if (s === 'pending') return 'pending';
	return 'unknown';
}

/**
 * The first failing commit after the last passing one, when the head fails.
 * Commits with no result (pending, nothing reported) in between are skipped.
 * When no commit in the history passes, the oldest failing one is returned
 * with `exact: false` ("failing since at least").
 */
export function failingSince(history: readonly Commit[]): FailingSince | undefined {
	if (!isFailing(commitState(history[0] ?? { checks: [] }))) return undefined;
	let first: Commit | undefined;
	for (const commit of history) {
		const s = commitState(commit);
		if (isPassing(s)) {
			return first && { oid: first.oid, url: first.url, committedAt: first.committedAt, exact: true };
		}
		if (isFailing(s)) first = commit;
	}
	return first && { oid: first.oid, url: first.url, committedAt: first.committedAt, exact: false };
}

/**
 * Checks that both passed and failed on the same commit (a re-run changed
 * the outcome), counting the earlier attempts GitHub's rollup hides.
 */
export function flakyChecks(history: readonly Commit[]): FlakyCheck[] {
	const flaky: FlakyCheck[] = [];
	for (const commit of history) {
		const outcomes = new Map<string, Set<CheckState>>();
		for (const check of [...commit.checks, ...(commit.earlierAttempts ?? [])]) {
			const set = outcomes.get(check.name) ?? new Set<CheckState>();
			set.add(check.state);
			outcomes.set(check.name, set);
		}
		for (const [name, set] of outcomes) {
			if (set.has('success') && (set.has('failure') || set.has('error'))) flaky.push({ name, oid: commit.oid });
		}
	}
	return flaky;
}

/** Fills in a repo's derived fields from its history. A repo with a `reason` stays unknown. */
export function deriveRepo(repo: RepoStatus): RepoStatus {
	const { failingSince: _f, flakyChecks: _k, ...rest } = repo;
	if (repo.reason && repo.history.length === 0) return { ...rest, state: 'unknown', flakyChecks: [] };
	const state = repoState(repo.history);
	const since = failingSince(repo.history);
	const derived: RepoStatus = { ...rest, state, flakyChecks: flakyChecks(repo.history) };
	if (since) derived.failingSince = since;
	if (state === 'unknown' && !derived.reason) {
		derived.reason = repo.history.length === 0 ? 'no commits on the branch' : 'no CI reported on the branch head';
	}
	if (state !== 'unknown' && repo.history.length > 0) delete derived.reason;
	return derived;
}

/** Recomputes every repo's derived fields. */
export function deriveSnapshot(snapshot: StatusSnapshot): StatusSnapshot {
	return { ...snapshot, repos: snapshot.repos.map(deriveRepo) };
}

export interface ToolchainSummary {
	total: number;
	passing: number;
	failing: number;
	pending: number;
	unknown: number;
	stale: boolean;
	/** "14:05 UTC", or "3 Nov 2025, 14:05 UTC" when not fetched on `now`'s day. */
	asOf: string;
	/** "17/19 passing · 2 failing · as of 14:05 UTC". */
	text: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The time of `iso` in UTC, with the date when it is not `now`'s day. */
export function formatAsOf(iso: string, now: Date): string {
	const t = new Date(iso);
	if (Number.isNaN(t.getTime())) return 'an unknown time';
	const hhmm = `${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')} UTC`;
	const sameDay = isoDay(t) === isoDay(now);
	return sameDay ? hhmm : `${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()}, ${hhmm}`;
}

/** Counts over the tracked toolchain (repos with a group), for the strip on every page. */
export function toolchainSummary(snapshot: Pick<StatusSnapshot, 'repos' | 'fetchedAt' | 'stale'>, now: Date): ToolchainSummary {
	const tracked = snapshot.repos.filter((r) => r.group !== undefined);
	const count = (s: RepoState) => tracked.filter((r) => r.state === s).length;
	const summary = {
		total: tracked.length,
		passing: count('passing'),
		failing: count('failing'),
		pending: count('pending'),
		unknown: count('unknown'),
		stale: snapshot.stale,
		asOf: formatAsOf(snapshot.fetchedAt, now),
	};
	const parts = [`${summary.passing}/${summary.total} passing`];
	if (summary.failing) parts.push(`${summary.failing} failing`);
	if (summary.pending) parts.push(`${summary.pending} pending`);
	if (summary.unknown) parts.push(`${summary.unknown} unknown`);
	parts.push(`as of ${summary.asOf}`);
	return { ...summary, text: parts.join(' · ') };
}
