/**
 * Maps GraphQL answers (shaped as GitHub's schema says, nulls included) to
 * our status types. Pure. A `null` alias with an error entry means that one
 * repo or reference failed: it becomes `unknown` with the reason, the rest
 * stand. Everything here was written by someone on GitHub: every URL goes
 * through `safeHttpUrl` (one absolute http(s) URL, or none), commit SHAs must
 * be hex, and texts are bounded.
 */
import { repoShell } from './reconcile.ts';
import type { GitHubRef } from './references.ts';
import type { TrackedRepo } from './options.ts';
import type { Check, CheckState, Commit, ReferenceStatus, RepoStatus } from './snapshot-schema.ts';
import { safeHttpUrl } from '../utils/safe-url.ts';
import { parseOcamlCiSummary } from './ocaml-ci-summary.ts';
import type { BuiltQuery } from './query.ts';

export interface GraphQLError {
	message: string;
	type?: string;
	path?: Array<string | number>;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const at = (v: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), v);

/** GitHub's StatusState (commit statuses and rollups) in our words. */
export function statusState(s: unknown): CheckState | undefined {
	switch (s) {
		case 'SUCCESS':
			return 'success';
		case 'FAILURE':
			return 'failure';
		case 'ERROR':
			return 'error';
		case 'PENDING':
		case 'EXPECTED':
			return 'pending';
		default:
			return undefined;
	}
}

/** A check run's state: pending until completed, then its conclusion. */
export function checkRunState(status: unknown, conclusion: unknown): CheckState {
	if (status !== 'COMPLETED') return 'pending';
	switch (conclusion) {
		case 'SUCCESS':
			return 'success';
		case 'NEUTRAL':
		case 'SKIPPED':
		case 'STALE':
			return 'neutral';
		default:
			return 'failure'; // FAILURE, TIMED_OUT, CANCELLED, ACTION_REQUIRED, STARTUP_FAILURE
	}
}

const MAX_TEXT = 500;
/** GitHub's texts are written by anyone: long enough for any real one, bounded for a hostile one. */
const text = (v: unknown, max = MAX_TEXT): string | undefined => {
	const s = str(v);
	return s === undefined ? undefined : s.length > max ? `${s.slice(0, max - 1)}…` : s;
};
const OID = /^[0-9a-f]{7,64}$/;

/** One context of a rollup: a check run attempt or a commit status, with what the head needs when `details` is set. */
export function parseCheck(node: unknown, details = true): Check | undefined {
	if (!isObject(node)) return undefined;
	if (node.__typename === 'CheckRun') {
		const name = text(node.name, 200);
		if (!name) return undefined;
		const workflow = text(at(node, 'checkSuite', 'workflowRun', 'workflow', 'name'), 200);
		const check: Check = {
			name: workflow ? `${workflow} / ${name}` : name,
			kind: 'check-run',
			state: checkRunState(node.status, node.conclusion),
		};
		const startedAt = str(node.startedAt);
		if (startedAt) check.startedAt = startedAt;
		const conclusion = str(node.conclusion);
		// Only conclusions the state does not already say (skipped, timed out, cancelled…).
		if (conclusion && conclusion !== 'SUCCESS' && conclusion !== 'FAILURE') check.description = conclusion.toLowerCase().replace(/_/g, ' ');
		if (!details) return check;
		const url = safeHttpUrl(node.detailsUrl);
		if (url) check.url = url;
		const { variants, truncated } = parseOcamlCiSummary(str(node.summary));
		if (variants.length > 0) check.variants = variants;
		if (truncated) check.variantsTruncated = true;
		return check;
	}
	if (node.__typename === 'StatusContext') {
		const name = text(node.context, 200);
		if (!name) return undefined;
		const check: Check = { name, kind: 'status', state: statusState(node.state) ?? 'pending' };
		if (!details) return check;
		const url = safeHttpUrl(node.targetUrl);
		if (url) check.url = url;
		const description = text(node.description);
		if (description) check.description = description;
		return check;
	}
	return undefined;
}

/** Every context of a rollup connection, superseded attempts included, in GitHub's order. */
export function parseChecks(connection: unknown, details = true): Check[] {
	const nodes = at(connection, 'nodes');
	return Array.isArray(nodes) ? nodes.map((n) => parseCheck(n, details)).filter((c): c is Check => c !== undefined) : [];
}

/** An attempt that has not started yet (queued) is the newest; otherwise the later start wins, then the later in GitHub's list. */
const startOf = (c: Check) => (c.startedAt ? Date.parse(c.startedAt) || 0 : Number.POSITIVE_INFINITY);

/**
 * The latest attempt of each check, in first-seen order, and the passes and
 * failures of the attempts they supersede. GitHub's rollup keeps every
 * attempt of a re-run check run (its own `state` then counts the superseded
 * failure, so it can stay FAILURE after a successful re-run); a commit
 * status is listed once per context, its latest.
 */
export function latestAttempts(all: readonly Check[]): { checks: Check[]; earlier: NonNullable<Commit['earlierAttempts']> } {
	const latest = new Map<string, Check>();
	const earlier: NonNullable<Commit['earlierAttempts']> = [];
	const keep = (c: Check) => {
		// Cancelled, skipped and unfinished attempts say nothing about flakiness.
		if ((c.state === 'success' || c.state === 'failure') && c.description !== 'cancelled') earlier.push({ name: c.name, state: c.state });
	};
	for (const check of all) {
		const key = `${check.kind}\0${check.name}`;
		const seen = latest.get(key);
		if (!seen) latest.set(key, check);
		else if (check.kind === 'status') continue;
		else if (startOf(check) >= startOf(seen)) {
			keep(seen);
			latest.set(key, check);
		} else keep(check);
	}
	return { checks: [...latest.values()], earlier };
}

/** What a head needs to fetch the rest of its checks. */
export interface MoreChecks {
	commitId: string;
	after: string;
}

function parseCommit(node: unknown, repoUrl: string, details: boolean): { commit: Commit; more?: MoreChecks } | undefined {
	const oid = str(at(node, 'oid'));
	if (!oid || !OID.test(oid)) return undefined;
	const contexts = at(node, 'statusCheckRollup', 'contexts');
	const { checks, earlier } = latestAttempts(parseChecks(contexts, details));
	const commit: Commit = {
		oid,
		url: safeHttpUrl(at(node, 'url')) ?? `${repoUrl}/commit/${oid}`,
		message: text(at(node, 'messageHeadline')) ?? '',
		committedAt: str(at(node, 'committedDate')) ?? '',
		checks,
	};
	const rollup = statusState(at(node, 'statusCheckRollup', 'state'));
	if (rollup) commit.rollup = rollup;
	if (earlier.length > 0) commit.earlierAttempts = earlier;
	const after = str(at(contexts, 'pageInfo', 'endCursor'));
	const commitId = str(at(node, 'id'));
	if (at(contexts, 'pageInfo', 'hasNextPage') === true) {
		commit.checksTruncated = true;
		if (after && commitId) return { commit, more: { commitId, after } };
	}
	return { commit };
}

/** Words for a failed alias, from GitHub's error type. */
export function describeError(error: GraphQLError | undefined, what: string): string {
	if (!error) return `GitHub returned nothing for ${what}`;
	if (error.type === 'NOT_FOUND') return `${what} not found on GitHub (renamed, deleted or private)`;
	if (error.type === 'FORBIDDEN') return `no access to ${what}`;
	const kind = error.type ? `${error.type.toLowerCase().replace(/_/g, ' ')}: ` : '';
	return `${what}: ${kind}${String(error.message).slice(0, 200)}`;
}

function errorAt(errors: readonly GraphQLError[], ...path: string[]): GraphQLError | undefined {
	return errors.find((e) => Array.isArray(e.path) && path.every((p, i) => e.path![i] === p) && e.path.length >= path.length);
}

export interface ParsedRepo {
	status: RepoStatus;
	/** Set when the head has more checks than the first page. */
	more?: MoreChecks;
}

export function parseRepo(alias: string, tracked: TrackedRepo, value: unknown, errors: readonly GraphQLError[]): ParsedRepo {
	const base = repoShell(tracked);
	if (!isObject(value)) return { status: { ...base, reason: describeError(errorAt(errors, alias), `repository ${tracked.id}`) } };

	const nameWithOwner = str(value.nameWithOwner);
	if (nameWithOwner && nameWithOwner.toLowerCase() !== tracked.id.toLowerCase()) base.renamedTo = text(nameWithOwner, 200)!;
	base.url = safeHttpUrl(value.url)?.replace(/\/+$/, '') ?? base.url;
	const gfi = num(at(value, 'goodFirstIssue', 'totalCount'));
	const hw = num(at(value, 'helpWanted', 'totalCount'));
	if (gfi !== undefined && hw !== undefined) base.issues = { goodFirstIssue: gfi, helpWanted: hw };

	const branch = value.branch;
	if (!isObject(branch)) {
		const reason = tracked.branch
			? `branch "${tracked.branch}" not found in ${tracked.id}`
			: `${tracked.id} has no default branch (empty repository)`;
		return { status: { ...base, reason } };
	}
	base.branch = text(branch.name, 200) ?? base.branch;
	const target = at(branch, 'target');
	const nodes = at(target, 'history', 'nodes');
	const head = parseCommit(target, base.url, true);
	if (!head || !Array.isArray(nodes)) return { status: { ...base, reason: `the head of ${base.branch ?? 'the branch'} is not a commit` } };
	// The head comes with links, descriptions and summaries (its own
	// selection); the history's commits, itself first, with outcomes only.
	// Once the latest attempts are picked, older commits keep outcomes only: it keeps the snapshot small.
	const older = nodes
		.map((n) => parseCommit(n, base.url, false)?.commit)
		.filter((c) => c !== undefined)
		.map((c) => ({ ...c, checks: c.checks.map(({ name, kind, state }) => ({ name, kind, state })) }));
	const history = [head.commit, ...older.filter((c) => c.oid !== head.commit.oid)];
	const status: RepoStatus = { ...base, history };
	return head.more ? { status, more: head.more } : { status };
}

export function parseReferenceNode(ref: GitHubRef, value: unknown, error: GraphQLError | undefined): ReferenceStatus {
	const base: ReferenceStatus = { id: ref.id, url: ref.url, kind: 'unknown', state: 'unknown' };
	if (!isObject(value)) return { ...base, reason: describeError(error, ref.id) };
	const title = text(value.title);
	const url = safeHttpUrl(value.url) ?? ref.url;
	const updatedAt = str(value.updatedAt);
	if (value.__typename === 'PullRequest') {
		const state = value.pullRequestState;
		const out: ReferenceStatus = {
			...base,
			url,
			kind: 'pull-request',
			state: value.merged === true || state === 'MERGED' ? 'merged' : state === 'OPEN' ? 'open' : 'closed',
		};
		if (title !== undefined) out.title = title;
		if (updatedAt) out.updatedAt = updatedAt;
		const reviews = num(at(value, 'reviews', 'totalCount'));
		const comments = num(at(value, 'comments', 'totalCount'));
		if (reviews !== undefined) out.reviewCount = reviews;
		if (comments !== undefined) out.commentCount = comments;
		return out;
	}
	const out: ReferenceStatus = { ...base, url, kind: 'issue', state: value.issueState === 'OPEN' ? 'open' : 'closed' };
	if (title !== undefined) out.title = title;
	if (updatedAt) out.updatedAt = updatedAt;
	return out;
}

/** Parses one batch's `data` into repo and reference statuses. */
export function parseStatusData(
	built: BuiltQuery,
	data: Json,
	errors: readonly GraphQLError[],
): { repos: ParsedRepo[]; references: ReferenceStatus[] } {
	const repos = [...built.repoAliases].map(([alias, tracked]) => parseRepo(alias, tracked, data[alias], errors));
	const references: ReferenceStatus[] = [];
	for (const [alias, inner] of built.refAliases) {
		const repoValue = data[alias];
		for (const [refAlias, ref] of inner) {
			const value = isObject(repoValue) ? repoValue[refAlias] : undefined;
			const error = isObject(repoValue) ? errorAt(errors, alias, refAlias) : errorAt(errors, alias);
			const what = isObject(repoValue) ? undefined : describeError(error, `repository ${ref.owner}/${ref.repo}`);
			const status = parseReferenceNode(ref, value, error);
			references.push(what ? { ...status, reason: what } : status);
		}
	}
	return { repos, references };
}
