/**
 * Derived status: pure functions of the fetched commits, so they are computed
 * the same way from a fresh fetch, from the committed snapshot and from an
 * earlier content store, and can be unit-tested without any HTTP.
 */
import { isoDay } from '../content/dates.ts';
import { safeHttpUrl } from '../utils/safe-url.ts';
import {
	REPO_STATE_LABELS,
	type CheckState,
	type Commit,
	type CommitRef,
	type FailingSince,
	type FlakyCheck,
	type KnownGood,
	type RepoState,
	type RepoStatus,
	type StatusSnapshot,
} from './snapshot-schema.ts';

/** Worst first: what a commit, or a matrix cell shared by several checks, shows. */
const SEVERITY: readonly CheckState[] = ['failure', 'error', 'pending', 'success', 'neutral'];
const worse = (a: CheckState, b: CheckState) => SEVERITY.indexOf(a) < SEVERITY.indexOf(b);

export function worstState(states: readonly CheckState[]): CheckState | undefined {
	return SEVERITY.find((s) => states.includes(s));
}

/**
 * A commit's verdict, from the latest attempt of each of its checks: a
 * failure anywhere fails it, then anything still building makes it pending.
 * GitHub's rollup is not trusted alone, since it counts superseded attempts
 * (it can stay FAILURE after a successful re-run); it is used only for
 * commits with no checks to read, and when the commit had more checks than
 * were fetched and the rollup says worse than the part we saw.
 */
export function commitState(commit: Pick<Commit, 'rollup' | 'checks' | 'checksTruncated'>): CheckState | undefined {
	const worst = worstState(commit.checks.map((c) => c.state));
	const verdict = worst === 'error' ? 'failure' : worst;
	if (verdict === undefined) return commit.rollup === 'error' ? 'failure' : commit.rollup;
	if (commit.checksTruncated && commit.rollup && worse(commit.rollup, verdict))
		return commit.rollup === 'error' ? 'failure' : commit.rollup;
	return verdict;
}

function isPassing(s: CheckState | undefined): boolean {
	// GitHub counts neutral (skipped) checks as not blocking: so do we.
	return s === 'success' || s === 'neutral';
}

function isFailing(s: CheckState | undefined): boolean {
	return s === 'failure' || s === 'error';
}

/** The state of a branch whose newest commit is `history[0]`. */
export function repoState(history: readonly Pick<Commit, 'rollup' | 'checks' | 'checksTruncated'>[]): RepoState {
	const head = history[0];
	if (!head) return 'unknown';
	const s = commitState(head);
	if (isPassing(s)) return 'passing';
	if (isFailing(s)) return 'failing';
	if (s === 'pending') return 'pending';
	return 'unknown';
}

const ref = (c: Commit): CommitRef => ({ oid: c.oid, url: c.url, committedAt: c.committedAt });

/** GitHub's page of the changes from `base` to `head` (`…/compare/base...head`). */
export function compareUrl(repoUrl: string, base: string, head: string): string | undefined {
	return safeHttpUrl(`${repoUrl.replace(/\/+$/, '')}/compare/${base}...${head}`);
}

/**
 * When the head fails: the first failing commit after the last passing one,
 * and that passing one, with GitHub's comparison of the two (what broke it).
 * Commits with no result (pending, nothing reported, as on the intermediate
 * commits of a push) in between are skipped. When no commit in the history
 * passes, the oldest failing one is returned with `exact: false` ("failing
 * since at least").
 */
export function failingSince(history: readonly Commit[], repoUrl?: string): FailingSince | undefined {
	if (!isFailing(commitState(history[0] ?? { checks: [] }))) return undefined;
	let first: Commit | undefined;
	for (const commit of history) {
		const s = commitState(commit);
		if (isPassing(s) && first) {
			const since: FailingSince = { ...ref(first), exact: true, lastGood: ref(commit) };
			const compare = repoUrl && compareUrl(repoUrl, commit.oid, first.oid);
			if (compare) since.compareUrl = compare;
			return since;
		}
		if (isFailing(s)) first = commit;
	}
	return first && { ...ref(first), exact: false };
}

/**
 * The newest commit whose checks all passed (at least one succeeded, none
 * failed or is still building), how far behind the head it is, and the
 * checks that passed on it: what to pin for a toolchain that works.
 */
export function knownGood(history: readonly Commit[], repoUrl?: string): KnownGood | undefined {
	const head = history[0];
	const index = history.findIndex((c) => isPassing(commitState(c)) && c.checks.some((k) => k.state === 'success'));
	if (!head || index < 0) return undefined;
	const commit = history[index]!;
	const good: KnownGood = { ...ref(commit), behind: index, checks: commit.checks.filter((k) => k.state === 'success').map((k) => k.name) };
	const compare = index > 0 && repoUrl ? compareUrl(repoUrl, commit.oid, head.oid) : undefined;
	if (compare) good.compareUrl = compare;
	return good;
}

/**
 * Checks that both passed and failed on the same commit (a re-run changed
 * the outcome), counting the superseded attempts GitHub's rollup lists.
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

/** A repo turning red (its checks fail) or green (they pass again) at a commit. */
export interface Transition {
	to: 'red' | 'green';
	commit: Commit;
	/** The commit with a result just before it, in the other colour. */
	previous: Commit;
	compareUrl?: string;
}

/**
 * The red/green transitions in a repo's history, newest first. Commits with
 * no result (pending, or no CI) are skipped; the oldest commit with a result
 * starts no transition, since what came before it is not known.
 */
export function transitions(repo: Pick<RepoStatus, 'history' | 'url'>): Transition[] {
	const out: Transition[] = [];
	let previous: { commit: Commit; red: boolean } | undefined;
	for (const commit of [...repo.history].reverse()) {
		const s = commitState(commit);
		if (!isPassing(s) && !isFailing(s)) continue;
		const red = isFailing(s);
		if (previous && previous.red !== red) {
			const t: Transition = { to: red ? 'red' : 'green', commit, previous: previous.commit };
			const compare = compareUrl(repo.url, previous.commit.oid, commit.oid);
			if (compare) t.compareUrl = compare;
			out.push(t);
		}
		previous = { commit, red };
	}
	return out.reverse();
}

/** Fills in a repo's derived fields from its history. A repo with a `reason` and no history stays unknown. */
export function deriveRepo(repo: RepoStatus): RepoStatus {
	const { failingSince: _f, flakyChecks: _k, knownGood: _g, ...rest } = repo;
	if (repo.reason && repo.history.length === 0) return { ...rest, state: 'unknown', flakyChecks: [] };
	const state = repoState(repo.history);
	const since = failingSince(repo.history, repo.url);
	const good = knownGood(repo.history, repo.url);
	const derived: RepoStatus = { ...rest, state, flakyChecks: flakyChecks(repo.history) };
	if (since) derived.failingSince = since;
	if (good) derived.knownGood = good;
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
	/** "14:05 UTC", or "3 Nov 2025, 14:05 UTC" when not fetched on `now`'s day; "never fetched" without a fetch time. */
	asOf: string;
	/** "17/19 passing · 2 failing · 1 building · as of 14:05 UTC". */
	text: string;
}

/** What pages say when the status data has no fetch time: nothing was ever fetched. */
export const NEVER_FETCHED = 'never fetched';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The time of `iso` in UTC, with the date when it is not `now`'s day; "never fetched" without one. */
export function formatAsOf(iso: string | undefined, now: Date): string {
	if (iso === undefined) return NEVER_FETCHED;
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
	if (summary.pending) parts.push(`${summary.pending} ${REPO_STATE_LABELS.pending}`);
	if (summary.unknown) parts.push(`${summary.unknown} unknown`);
	parts.push(snapshot.fetchedAt === undefined ? NEVER_FETCHED : `as of ${summary.asOf}`);
	return { ...summary, text: parts.join(' · ') };
}
