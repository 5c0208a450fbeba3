/**
 * The fake GitHub's data, and its GraphQL object graph over that data:
 * types and fields named as in GitHub's public GraphQL schema
 * (Repository, Ref, Commit, StatusCheckRollup, CheckRun, StatusContext,
 * Issue, PullRequest), errors worded and typed as GitHub words them.
 */
import { FieldError, type AbstractTypes } from './graphql-mini.ts';

export type CheckRunStatus = 'QUEUED' | 'IN_PROGRESS' | 'COMPLETED' | 'WAITING' | 'PENDING' | 'REQUESTED';
export type CheckConclusion =
	'SUCCESS' | 'FAILURE' | 'NEUTRAL' | 'CANCELLED' | 'SKIPPED' | 'TIMED_OUT' | 'ACTION_REQUIRED' | 'STALE' | 'STARTUP_FAILURE';
export type StatusState = 'SUCCESS' | 'FAILURE' | 'ERROR' | 'PENDING' | 'EXPECTED';

export interface FakeCheckRun {
	type: 'check-run';
	name: string;
	workflow?: string;
	status: CheckRunStatus;
	conclusion?: CheckConclusion;
	detailsUrl?: string;
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
	/** What the rollup shows: the latest attempt of each check run, the latest status of each context. */
	contexts: FakeContext[];
	/** Earlier attempts of re-run check runs: hidden from the rollup, listed by `checkRuns(filterBy: { checkType: ALL })`. */
	superseded?: FakeCheckRun[];
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
	/** The token may not see it: FORBIDDEN. */
	forbidden?: boolean;
}
export interface FakeGitHubData {
	repos: FakeRepo[];
}

export const ABSTRACT_TYPES: AbstractTypes = {
	IssueOrPullRequest: ['Issue', 'PullRequest'],
	StatusCheckRollupContext: ['CheckRun', 'StatusContext'],
	GitObject: ['Commit'],
	Node: ['Repository', 'Ref', 'Commit', 'CheckRun', 'CheckSuite', 'StatusContext', 'Issue', 'PullRequest'],
};

const b64 = (s: string) => Buffer.from(s).toString('base64');
const unb64 = (s: string) => Buffer.from(s, 'base64').toString();

/** Commit node ids, as GitHub's opaque global ids. */
export const commitId = (repo: FakeRepo, oid: string) => b64(`04:Commit${repo.owner}/${repo.name}:${oid}`);

function connection<T>(items: readonly T[], args: Record<string, unknown>, typename: string, map: (item: T) => unknown) {
	const first = args.first as number | undefined;
	if (first === undefined || first === null)
		throw new FieldError(
			'MISSING_PAGINATION_BOUNDARIES',
			`You must provide a \`first\` or \`last\` value to properly paginate the \`${typename}\` connection.`,
		);
	if (first > 100)
		throw new FieldError(
			'EXCESSIVE_PAGINATION',
			`Requesting ${first} records on the \`${typename}\` connection exceeds the \`first\` limit of 100 records.`,
		);
	const start = typeof args.after === 'string' ? Number(unb64(args.after).split(':')[1]) + 1 : 0;
	const page = items.slice(start, start + first);
	const end = start + page.length - 1;
	return {
		__typename: typename,
		totalCount: items.length,
		nodes: page.map(map),
		pageInfo: { __typename: 'PageInfo', hasNextPage: start + first < items.length, endCursor: page.length ? b64(`cursor:${end}`) : null },
	};
}

/** GitHub's rollup: any failure wins, then anything pending, else success. */
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

function contextNode(repo: FakeRepo, c: FakeContext) {
	if (c.type === 'status') {
		return {
			__typename: 'StatusContext',
			context: c.context,
			state: c.state,
			targetUrl: c.targetUrl ?? null,
			description: c.description ?? null,
		};
	}
	return {
		__typename: 'CheckRun',
		name: c.name,
		status: c.status,
		conclusion: c.status === 'COMPLETED' ? (c.conclusion ?? null) : null,
		detailsUrl: c.detailsUrl ?? null,
		checkSuite: {
			__typename: 'CheckSuite',
			// Only GitHub Actions check suites have a workflow run.
			workflowRun: c.workflow ? { __typename: 'WorkflowRun', workflow: { __typename: 'Workflow', name: c.workflow } } : null,
		},
		url: `https://github.com/${repo.owner}/${repo.name}/runs/1`,
	};
}

/**
 * A commit's check suites: one per workflow (GitHub Actions) or app. As on
 * GitHub, `checkRuns` lists only the latest attempt of each run unless
 * `filterBy: { checkType: ALL }` asks for every attempt.
 */
function checkSuitesConnection(c: FakeCommit, args: Record<string, unknown>) {
	const latest = c.contexts.filter((x): x is FakeCheckRun => x.type === 'check-run');
	const suites = new Map<string, { latest: FakeCheckRun[]; all: FakeCheckRun[] }>();
	const add = (run: FakeCheckRun, isLatest: boolean) => {
		const key = run.workflow ?? '';
		const suite = suites.get(key) ?? { latest: [], all: [] };
		if (isLatest) suite.latest.push(run);
		suite.all.push(run);
		suites.set(key, suite);
	};
	latest.forEach((run) => add(run, true));
	(c.superseded ?? []).forEach((run) => add(run, false));
	const runNode = (run: FakeCheckRun) => ({
		__typename: 'CheckRun',
		name: run.name,
		status: run.status,
		conclusion: run.status === 'COMPLETED' ? (run.conclusion ?? null) : null,
		detailsUrl: run.detailsUrl ?? null,
	});
	return connection([...suites], args, 'CheckSuiteConnection', ([workflow, suite]) => ({
		__typename: 'CheckSuite',
		workflowRun: workflow ? { __typename: 'WorkflowRun', workflow: { __typename: 'Workflow', name: workflow } } : null,
		checkRuns: (a: Record<string, unknown>) => {
			const filter = a.filterBy as { checkType?: string } | null | undefined;
			return connection(filter?.checkType === 'ALL' ? suite.all : suite.latest, a, 'CheckRunConnection', runNode);
		},
	}));
}

export function commitNode(repo: FakeRepo, branch: readonly FakeCommit[], index: number): Record<string, unknown> {
	const c = branch[index]!;
	const state = rollupState(c.contexts);
	return {
		__typename: 'Commit',
		id: commitId(repo, c.oid),
		oid: c.oid,
		abbreviatedOid: c.oid.slice(0, 7),
		url: `https://github.com/${repo.owner}/${repo.name}/commit/${c.oid}`,
		messageHeadline: c.message.split('\n')[0],
		message: c.message,
		committedDate: c.committedDate,
		history: (args: Record<string, unknown>) => historyConnection(repo, branch, index, args),
		checkSuites: (args: Record<string, unknown>) => checkSuitesConnection(c, args),
		statusCheckRollup: state
			? {
					__typename: 'StatusCheckRollup',
					state,
					contexts: (args: Record<string, unknown>) =>
						connection(c.contexts, args, 'StatusCheckRollupContextConnection', (x) => contextNode(repo, x)),
				}
			: null,
	};
}

function historyConnection(repo: FakeRepo, branch: readonly FakeCommit[], index: number, args: Record<string, unknown>) {
	const indices = branch.slice(index).map((_, i) => index + i);
	return connection(indices, args, 'CommitHistoryConnection', (i) => commitNode(repo, branch, i));
}

function refNode(repo: FakeRepo, name: string) {
	const branch = repo.branches[name];
	if (!branch || branch.length === 0) return null;
	return { __typename: 'Ref', name, prefix: 'refs/heads/', target: commitNode(repo, branch, 0) };
}

function issueNode(repo: FakeRepo, issue: FakeIssue) {
	const url = `https://github.com/${repo.owner}/${repo.name}/${issue.kind === 'pull' ? 'pull' : 'issues'}/${issue.number}`;
	const common = {
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
		name: repo.name,
		nameWithOwner: `${repo.owner}/${repo.name}`,
		url: `https://github.com/${repo.owner}/${repo.name}`,
		defaultBranchRef: refNode(repo, repo.defaultBranch),
		ref: (args: Record<string, unknown>) => refNode(repo, String(args.qualifiedName).replace(/^refs\/heads\//, '')),
		issues: (args: Record<string, unknown>) => {
			const states = (args.states as string[] | undefined) ?? ['OPEN', 'CLOSED'];
			const labels = args.labels as string[] | undefined;
			const matching = repo.issues.filter(
				(i) => i.kind === 'issue' && states.includes(i.state) && (!labels || labels.some((l) => i.labels?.includes(l))),
			);
			return { __typename: 'IssueConnection', totalCount: matching.length };
		},
		issueOrPullRequest: (args: Record<string, unknown>) => {
			const issue = repo.issues.find((i) => i.number === args.number);
			if (!issue)
				throw new FieldError('NOT_FOUND', `Could not resolve to an issue or pull request with the number of ${String(args.number)}.`);
			return issueNode(repo, issue);
		},
	};
}

/** The Query root over the data. */
export function queryRoot(data: FakeGitHubData, rateLimit: { remaining: number; resetAt: string }): Record<string, unknown> {
	return {
		__typename: 'Query',
		rateLimit: {
			__typename: 'RateLimit',
			cost: 1,
			limit: 5000,
			remaining: rateLimit.remaining,
			resetAt: rateLimit.resetAt,
			used: 5000 - rateLimit.remaining,
		},
		repository: (args: Record<string, unknown>) => {
			const repo = findRepo(data, String(args.owner), String(args.name));
			if (!repo)
				throw new FieldError('NOT_FOUND', `Could not resolve to a Repository with the name '${String(args.owner)}/${String(args.name)}'.`);
			if (repo.forbidden) throw new FieldError('FORBIDDEN', 'Resource not accessible by integration');
			return repositoryNode(repo);
		},
		node: (args: Record<string, unknown>) => {
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
