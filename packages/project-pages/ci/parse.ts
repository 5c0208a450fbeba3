/**
 * Maps GraphQL answers (shaped as GitHub documents them) to our status
 * types. Pure. A `null` alias with an error entry means that one repo or
 * reference failed: it becomes `unknown` with the reason, the rest stand.
 */
import { repoShell } from './reconcile.ts';
import type { GitHubRef } from './references.ts';
import type { TrackedRepo } from './options.ts';
import type { Check, CheckState, Commit, ReferenceStatus, RepoStatus } from './snapshot-schema.ts';
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

export function parseCheck(node: unknown): Check | undefined {
	if (!isObject(node)) return undefined;
	if (node.__typename === 'CheckRun') {
		const name = str(node.name);
		if (!name) return undefined;
		const workflow = str(at(node, 'checkSuite', 'workflowRun', 'workflow', 'name'));
		const check: Check = {
			name: workflow ? `${workflow} / ${name}` : name,
			kind: 'check-run',
			state: checkRunState(node.status, node.conclusion),
		};
		const url = str(node.detailsUrl);
		if (url) check.url = url;
		const conclusion = str(node.conclusion);
		// Only conclusions the state does not already say (skipped, timed out, cancelled…).
		if (conclusion && conclusion !== 'SUCCESS' && conclusion !== 'FAILURE') check.description = conclusion.toLowerCase().replace(/_/g, ' ');
		return check;
	}
	if (node.__typename === 'StatusContext') {
		const name = str(node.context);
		if (!name) return undefined;
		const check: Check = { name, kind: 'status', state: statusState(node.state) ?? 'pending' };
		const url = str(node.targetUrl);
		if (url) check.url = url;
		const description = str(node.description);
		if (description) check.description = description;
		return check;
	}
	return undefined;
}

export function parseChecks(connection: unknown): Check[] {
	const nodes = at(connection, 'nodes');
	return Array.isArray(nodes) ? nodes.map(parseCheck).filter((c): c is Check => c !== undefined) : [];
}

/** What a head needs to fetch the rest of its checks. */
export interface MoreChecks {
	commitId: string;
	after: string;
}

/**
 * Passes and failures of re-run check runs that the rollup no longer shows.
 * `checkSuites { checkRuns(filterBy: { checkType: ALL }) }` lists every
 * attempt, the latest included; taking away one matching attempt per latest
 * check leaves the earlier ones.
 */
export function parseEarlierAttempts(suites: unknown, latest: readonly Check[]): NonNullable<Commit['earlierAttempts']> {
	const attempts: NonNullable<Commit['earlierAttempts']> = [];
	const suiteNodes = at(suites, 'nodes');
	for (const suite of Array.isArray(suiteNodes) ? suiteNodes : []) {
		const workflow = str(at(suite, 'workflowRun', 'workflow', 'name'));
		const runs = at(suite, 'checkRuns', 'nodes');
		for (const run of Array.isArray(runs) ? runs : []) {
			const name = str(at(run, 'name'));
			const conclusion = at(run, 'conclusion');
			// Cancelled, skipped and unfinished runs say nothing about flakiness.
			if (!name || at(run, 'status') !== 'COMPLETED' || conclusion === 'CANCELLED') continue;
			const state = checkRunState('COMPLETED', conclusion);
			if (state === 'success' || state === 'failure') attempts.push({ name: workflow ? `${workflow} / ${name}` : name, state });
		}
	}
	for (const check of latest) {
		if (check.kind !== 'check-run') continue;
		const i = attempts.findIndex((a) => a.name === check.name && a.state === check.state);
		if (i >= 0) attempts.splice(i, 1);
	}
	return attempts;
}

function parseCommit(node: unknown): { commit: Commit; more?: MoreChecks } | undefined {
	const oid = str(at(node, 'oid'));
	if (!oid) return undefined;
	const contexts = at(node, 'statusCheckRollup', 'contexts');
	const commit: Commit = {
		oid,
		url: str(at(node, 'url')) ?? '',
		message: str(at(node, 'messageHeadline')) ?? '',
		committedAt: str(at(node, 'committedDate')) ?? '',
		checks: parseChecks(contexts),
	};
	const rollup = statusState(at(node, 'statusCheckRollup', 'state'));
	if (rollup) commit.rollup = rollup;
	const earlier = parseEarlierAttempts(at(node, 'checkSuites'), commit.checks);
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
	if (nameWithOwner && nameWithOwner.toLowerCase() !== tracked.id.toLowerCase()) base.renamedTo = nameWithOwner;
	base.url = str(value.url) ?? base.url;
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
	base.branch = str(branch.name) ?? base.branch;
	const nodes = at(branch, 'target', 'history', 'nodes');
	if (!Array.isArray(nodes)) return { status: { ...base, reason: `the head of ${base.branch ?? 'the branch'} is not a commit` } };
	const parsed = nodes.map(parseCommit).filter((c) => c !== undefined);
	// Older commits keep only what history, "failing since" and flaky detection
	// need: links to individual runs matter for the head alone, and dropping
	// them keeps the committed snapshot small.
	const history = parsed.map((p, i) =>
		i === 0 ? p.commit : { ...p.commit, checks: p.commit.checks.map(({ name, kind, state }) => ({ name, kind, state })) },
	);
	const status: RepoStatus = { ...base, history };
	const more = parsed[0]?.more;
	return more ? { status, more } : { status };
}

export function parseReferenceNode(ref: GitHubRef, value: unknown, error: GraphQLError | undefined): ReferenceStatus {
	const base: ReferenceStatus = { id: ref.id, url: ref.url, kind: 'unknown', state: 'unknown' };
	if (!isObject(value)) return { ...base, reason: describeError(error, ref.id) };
	const title = str(value.title);
	const url = str(value.url) ?? ref.url;
	const updatedAt = str(value.updatedAt);
	const open = value.state === 'OPEN';
	if (value.__typename === 'PullRequest') {
		const out: ReferenceStatus = {
			...base,
			url,
			kind: 'pull-request',
			state: value.merged === true || value.state === 'MERGED' ? 'merged' : open ? 'open' : 'closed',
		};
		if (title !== undefined) out.title = title;
		if (updatedAt) out.updatedAt = updatedAt;
		const reviews = num(at(value, 'reviews', 'totalCount'));
		const comments = num(at(value, 'comments', 'totalCount'));
		if (reviews !== undefined) out.reviewCount = reviews;
		if (comments !== undefined) out.commentCount = comments;
		return out;
	}
	const out: ReferenceStatus = { ...base, url, kind: 'issue', state: open ? 'open' : 'closed' };
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
