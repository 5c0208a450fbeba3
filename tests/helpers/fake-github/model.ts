/**
 * The fake GitHub's data, and resolvers over it for GitHub's published
 * GraphQL schema (executed by graphql-js, see github-graphql.ts): objects
 * whose fields are values or `(args) => value`, typed by `__typename`.
 * graphql-js checks every answer against the schema (non-null fields, enum
 * values), so the shapes here are GitHub's, `null`s included: a commit no CI
 * ran on has `statusCheckRollup: null`, a queued check run `startedAt: null`,
 * an app's check suite `workflowRun: null`. Errors are worded and typed as
 * GitHub words them.
 */
import { FieldError, type QueryCost } from './github-graphql.ts';

export type CheckRunStatus = 'QUEUED' | 'IN_PROGRESS' | 'COMPLETED' | 'WAITING' | 'PENDING' | 'REQUESTED';
export type CheckConclusion =
	'SUCCESS' | 'FAILURE' | 'NEUTRAL' | 'CANCELLED' | 'SKIPPED' | 'TIMED_OUT' | 'ACTION_REQUIRED' | 'STALE' | 'STARTUP_FAILURE';
export type StatusState = 'SUCCESS' | 'FAILURE' | 'ERROR' | 'PENDING' | 'EXPECTED';

/** One attempt of a check run. A re-run adds another with the same name and a later `startedAt`. */
export interface FakeCheckRun {
	type: 'check-run';
	name: string;
	/** The GitHub Actions workflow; absent for an app's check run (ocaml-ci). */
	workflow?: string;
	status: CheckRunStatus;
	conclusion?: CheckConclusion;
	detailsUrl?: string;
	/** Absent (null) while queued. */
	startedAt?: string;
	completedAt?: string;
	/** The run's output. ocaml-ci: title "Queued", "Completed", "Failure"…; summary one markdown line per variant. */
	title?: string;
	summary?: string;
	text?: string;
}
export interface FakeStatus {
	type: 'status';
	context: string;
	state: StatusState;
	targetUrl?: string;
	description?: string;
}
export type FakeContext = FakeCheckRun | FakeStatus;
export interface FakeCommit {
	oid: string;
	message: string;
	committedDate: string;
	/**
	 * The rollup's contexts, as GitHub lists them: every attempt of every
	 * check run (superseded ones too), the latest status of each context.
	 * Empty: no CI ran (an intermediate commit of a push), so no rollup.
	 */
	contexts: FakeContext[];
	/** Overrides the commit's `url` (hostile-input tests). */
	url?: string;
}
export interface FakeIssue {
	number: number;
	kind: 'issue' | 'pull';
	title: string;
	state: 'OPEN' | 'CLOSED' | 'MERGED';
	updatedAt: string;
	reviews?: number;
	comments?: number;
	labels?: string[];
	/** Overrides the issue's `url` (hostile-input tests). */
	url?: string;
}
export interface FakeRepo {
	owner: string;
	name: string;
	defaultBranch: string;
	/** Commits per branch, newest first. */
	branches: Record<string, FakeCommit[]>;
	issues: FakeIssue[];
	/** Earlier `owner/name`s that still resolve here, as GitHub redirects renamed repos. */
	formerNames?: string[];
	/** The token may not see it: FORBIDDEN, with this message when it is a string. */
	forbidden?: boolean | string;
	/** Any other error GitHub may send for the repository, in its words (hostile-input tests). */
	error?: { type: string; message: string };
	/** Overrides `url` and `nameWithOwner` (hostile-input tests). */
	url?: string;
	nameWithOwner?: string;
}
export interface FakeGitHubData {
	repos: FakeRepo[];
}

type Args = Record<string, unknown>;
const b64 = (s: string) => Buffer.from(s).toString('base64');
const unb64 = (s: string) => Buffer.from(s, 'base64').toString();

/** Commit node ids, as GitHub's opaque global ids. */
export const commitId = (repo: FakeRepo, oid: string) => b64(`04:Commit${repo.owner}/${repo.name}:${oid}`);

/** A connection page. Limits (`first` 1-100 where nodes are selected) were checked before execution, as GitHub does. */
function connection<T>(items: readonly T[], args: Args, typename: string, map: (item: T) => unknown) {
	const first = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : items.length;
	const start = typeof args.after === 'string' ? Number(unb64(args.after).split(':')[1]) + 1 : 0;
	const page = items.slice(start, start + first);
	const end = start + page.length - 1;
	return {
		__typename: typename,
		totalCount: items.length,
		nodes: page.map(map),
		pageInfo: {
			__typename: 'PageInfo',
			hasNextPage: start + first < items.length,
			hasPreviousPage: start > 0,
			startCursor: page.length ? b64(`cursor:${start}`) : null,
			endCursor: page.length ? b64(`cursor:${end}`) : null,
		},
	};
}

/**
 * GitHub's rollup state: any error or failure wins, then anything pending,
 * else success. Over every context it lists, superseded attempts included,
 * so a failure that a re-run fixed still makes it FAILURE.
 */
export function rollupState(contexts: readonly FakeContext[]): StatusState | undefined {
	if (contexts.length === 0) return undefined;
	const states = contexts.map((c): StatusState => {
		if (c.type === 'status') return c.state === 'EXPECTED' ? 'PENDING' : c.state;
		if (c.status !== 'COMPLETED') return 'PENDING';
		return ['SUCCESS', 'NEUTRAL', 'SKIPPED', 'STALE'].includes(c.conclusion ?? '') ? 'SUCCESS' : 'FAILURE';
	});
	if (states.includes('ERROR')) return 'ERROR';
	if (states.includes('FAILURE')) return 'FAILURE';
	if (states.includes('PENDING')) return 'PENDING';
	return 'SUCCESS';
}

function contextNode(repo: FakeRepo, commit: FakeCommit, c: FakeContext, i: number) {
	const full = `${repo.owner}/${repo.name}`;
	if (c.type === 'status') {
		return {
			__typename: 'StatusContext',
			id: b64(`StatusContext:${full}:${commit.oid}:${i}`),
			context: c.context,
			state: c.state,
			targetUrl: c.targetUrl ?? null,
			description: c.description ?? null,
			createdAt: commit.committedDate,
		};
	}
	return {
		__typename: 'CheckRun',
		id: b64(`CheckRun:${full}:${commit.oid}:${i}`),
		name: c.name,
		status: c.status,
		conclusion: c.status === 'COMPLETED' ? (c.conclusion ?? null) : null,
		detailsUrl: c.detailsUrl ?? null,
		startedAt: c.startedAt ?? null,
		completedAt: c.status === 'COMPLETED' ? (c.completedAt ?? c.startedAt ?? null) : null,
		title: c.title ?? null,
		summary: c.summary ?? null,
		text: c.text ?? null,
		url: `https://github.com/${full}/runs/${1000 + i}`,
		checkSuite: {
			__typename: 'CheckSuite',
			// Only GitHub Actions check suites have a workflow run.
			workflowRun: c.workflow ? { __typename: 'WorkflowRun', workflow: { __typename: 'Workflow', name: c.workflow } } : null,
		},
	};
}

export function commitNode(repo: FakeRepo, branch: readonly FakeCommit[], index: number): Record<string, unknown> {
	const c = branch[index]!;
	const state = rollupState(c.contexts);
	return {
		__typename: 'Commit',
		id: commitId(repo, c.oid),
		oid: c.oid,
		abbreviatedOid: c.oid.slice(0, 7),
		url: c.url ?? `https://github.com/${repo.owner}/${repo.name}/commit/${c.oid}`,
		messageHeadline: c.message.split('\n')[0],
		message: c.message,
		committedDate: c.committedDate,
		history: (args: Args) => historyConnection(repo, branch, index, args),
		statusCheckRollup: state
			? {
					__typename: 'StatusCheckRollup',
					id: b64(`StatusCheckRollup:${c.oid}`),
					state,
					contexts: (args: Args) =>
						connection(
							c.contexts.map((x, i) => [x, i] as const),
							args,
							'StatusCheckRollupContextConnection',
							([x, i]) => contextNode(repo, c, x, i),
						),
				}
			: null,
	};
}

function historyConnection(repo: FakeRepo, branch: readonly FakeCommit[], index: number, args: Args) {
	const indices = branch.slice(index).map((_, i) => index + i);
	return connection(indices, args, 'CommitHistoryConnection', (i) => commitNode(repo, branch, i));
}

function refNode(repo: FakeRepo, name: string) {
	const branch = repo.branches[name];
	if (!branch || branch.length === 0) return null;
	return { __typename: 'Ref', id: b64(`Ref:${name}`), name, prefix: 'refs/heads/', target: commitNode(repo, branch, 0) };
}

function issueNode(repo: FakeRepo, issue: FakeIssue) {
	const url = issue.url ?? `https://github.com/${repo.owner}/${repo.name}/${issue.kind === 'pull' ? 'pull' : 'issues'}/${issue.number}`;
	const common = {
		id: b64(`Issue:${repo.owner}/${repo.name}#${issue.number}`),
		number: issue.number,
		title: issue.title,
		url,
		updatedAt: issue.updatedAt,
		comments: { __typename: 'IssueCommentConnection', totalCount: issue.comments ?? 0 },
	};
	if (issue.kind === 'issue') return { __typename: 'Issue', ...common, state: issue.state === 'MERGED' ? 'CLOSED' : issue.state };
	return {
		__typename: 'PullRequest',
		...common,
		state: issue.state,
		merged: issue.state === 'MERGED',
		reviews: { __typename: 'PullRequestReviewConnection', totalCount: issue.reviews ?? 0 },
	};
}

export function findRepo(data: FakeGitHubData, owner: string, name: string): FakeRepo | undefined {
	const wanted = `${owner}/${name}`.toLowerCase();
	return data.repos.find((r) => `${r.owner}/${r.name}`.toLowerCase() === wanted || r.formerNames?.some((n) => n.toLowerCase() === wanted));
}

function repositoryNode(repo: FakeRepo) {
	return {
		__typename: 'Repository',
		id: b64(`Repository:${repo.owner}/${repo.name}`),
		name: repo.name,
		nameWithOwner: repo.nameWithOwner ?? `${repo.owner}/${repo.name}`,
		url: repo.url ?? `https://github.com/${repo.owner}/${repo.name}`,
		defaultBranchRef: refNode(repo, repo.defaultBranch),
		ref: (args: Args) => refNode(repo, String(args.qualifiedName).replace(/^refs\/heads\//, '')),
		issues: (args: Args) => {
			const states = (args.states as string[] | undefined) ?? ['OPEN', 'CLOSED'];
			const labels = args.labels as string[] | undefined;
			const matching = repo.issues.filter(
				(i) => i.kind === 'issue' && states.includes(i.state) && (!labels || labels.some((l) => i.labels?.includes(l))),
			);
			return connection(matching, args, 'IssueConnection', (i) => issueNode(repo, i));
		},
		issueOrPullRequest: (args: Args) => {
			const issue = repo.issues.find((i) => i.number === args.number);
			if (!issue)
				throw new FieldError('NOT_FOUND', `Could not resolve to an issue or pull request with the number of ${String(args.number)}.`);
			return issueNode(repo, issue);
		},
	};
}

/** The Query root over the data, for a query of this cost. */
export function queryRoot(data: FakeGitHubData, cost: QueryCost, rate: { remaining: number; resetAt: string }): Record<string, unknown> {
	return {
		rateLimit: {
			__typename: 'RateLimit',
			cost: cost.points,
			limit: 5000,
			nodeCount: cost.nodes,
			remaining: rate.remaining,
			resetAt: rate.resetAt,
			used: 5000 - rate.remaining,
		},
		repository: (args: Args) => {
			const repo = findRepo(data, String(args.owner), String(args.name));
			if (!repo)
				throw new FieldError('NOT_FOUND', `Could not resolve to a Repository with the name '${String(args.owner)}/${String(args.name)}'.`);
			if (repo.forbidden)
				throw new FieldError('FORBIDDEN', typeof repo.forbidden === 'string' ? repo.forbidden : 'Resource not accessible by integration');
			if (repo.error) throw new FieldError(repo.error.type, repo.error.message);
			return repositoryNode(repo);
		},
		node: (args: Args) => {
			for (const repo of data.repos) {
				for (const branch of Object.values(repo.branches)) {
					const i = branch.findIndex((c) => commitId(repo, c.oid) === args.id);
					if (i >= 0) return commitNode(repo, branch, i);
				}
			}
			throw new FieldError('NOT_FOUND', `Could not resolve to a node with the global id of '${String(args.id)}'`);
		},
	};
}
