/**
 * GraphQL documents for the status fetch. Many repos and references go into
 * one document as aliases (`r0`, `r1`, … for repos, `q0`, … for the repos of
 * references), so 40 repos and 100 references cost a couple of requests
 * instead of hundreds of REST calls. Owner, repo and branch names travel as
 * variables, never spliced into the document.
 */
import type { GitHubRef } from './references.ts';
import type { TrackedRepo } from './options.ts';

/** Checks fetched per commit in the first request; heads with more are paginated. */
export const CONTEXTS_PER_COMMIT = 50;
/** Checks fetched per page when paginating a head's checks. */
export const CONTEXTS_PER_PAGE = 100;
/** Check suites (workflows, apps) per commit, and runs per suite with every attempt, for flaky re-runs. */
export const SUITES_PER_COMMIT = 10;
export const RUNS_PER_SUITE = 50;

const CHECK_FIELDS = `fragment CheckFields on StatusCheckRollupContextConnection {
  totalCount
  pageInfo { hasNextPage endCursor }
  nodes {
    __typename
    ... on CheckRun { name status conclusion detailsUrl checkSuite { workflowRun { workflow { name } } } }
    ... on StatusContext { context state targetUrl description }
  }
}`;

const COMMIT_FIELDS = `fragment CommitFields on Commit {
  id oid url messageHeadline committedDate
  statusCheckRollup { state contexts(first: ${CONTEXTS_PER_COMMIT}) { ...CheckFields } }
  checkSuites(first: ${SUITES_PER_COMMIT}) {
    nodes {
      workflowRun { workflow { name } }
      checkRuns(first: ${RUNS_PER_SUITE}, filterBy: { checkType: ALL }) { nodes { name status conclusion } }
    }
  }
}`;

const BRANCH_FIELDS = `fragment BranchFields on Ref {
  name
  target { ... on Commit { history(first: $history) { nodes { ...CommitFields } } } }
}`;

const REPO_FIELDS = `fragment RepoFields on Repository {
  nameWithOwner url
  goodFirstIssue: issues(states: OPEN, labels: ["good first issue"]) { totalCount }
  helpWanted: issues(states: OPEN, labels: ["help wanted"]) { totalCount }
}`;

const REF_FIELDS = `fragment RefFields on IssueOrPullRequest {
  __typename
  ... on Issue { title state url updatedAt }
  ... on PullRequest { title state merged url updatedAt reviews { totalCount } comments { totalCount } }
}`;

export interface BuiltQuery {
	query: string;
	variables: Record<string, string | number>;
	/** Alias → the tracked repo it asks for. */
	repoAliases: Map<string, TrackedRepo>;
	/** Alias of a reference's repository → (alias of the reference → reference). */
	refAliases: Map<string, Map<string, GitHubRef>>;
}

/** One request's worth of repos and references. */
export interface Batch {
	repos: TrackedRepo[];
	references: GitHubRef[];
}

/** Builds the document for one batch: each repo's branch history and issue counts, each reference's state. */
export function buildStatusQuery(batch: Batch, history: number): BuiltQuery {
	const variables: Record<string, string | number> = {};
	const defs: string[] = [];
	const fields: string[] = ['rateLimit { cost remaining resetAt }'];
	const repoAliases = new Map<string, TrackedRepo>();
	const refAliases = new Map<string, Map<string, GitHubRef>>();

	batch.repos.forEach((repo, i) => {
		const alias = `r${i}`;
		repoAliases.set(alias, repo);
		defs.push(`$${alias}o: String!`, `$${alias}n: String!`);
		variables[`${alias}o`] = repo.owner;
		variables[`${alias}n`] = repo.repo;
		let branch = 'branch: defaultBranchRef { ...BranchFields }';
		if (repo.branch) {
			defs.push(`$${alias}b: String!`);
			variables[`${alias}b`] = `refs/heads/${repo.branch}`;
			branch = `branch: ref(qualifiedName: $${alias}b) { ...BranchFields }`;
		}
		fields.push(`${alias}: repository(owner: $${alias}o, name: $${alias}n) { ...RepoFields ${branch} }`);
	});

	const byRepo = new Map<string, GitHubRef[]>();
	for (const ref of batch.references) {
		const key = `${ref.owner}/${ref.repo}`.toLowerCase();
		byRepo.set(key, [...(byRepo.get(key) ?? []), ref]);
	}
	[...byRepo.values()].forEach((refs, i) => {
		const alias = `q${i}`;
		const inner = new Map<string, GitHubRef>();
		refAliases.set(alias, inner);
		defs.push(`$${alias}o: String!`, `$${alias}n: String!`);
		variables[`${alias}o`] = refs[0]!.owner;
		variables[`${alias}n`] = refs[0]!.repo;
		const items = refs.map((ref) => {
			inner.set(`n${ref.number}`, ref);
			// The number is a validated safe integer, so it can be written inline.
			return `n${ref.number}: issueOrPullRequest(number: ${ref.number}) { ...RefFields }`;
		});
		fields.push(`${alias}: repository(owner: $${alias}o, name: $${alias}n) { ${items.join(' ')} }`);
	});

	const fragments: string[] = [];
	if (batch.repos.length > 0) {
		defs.unshift('$history: Int!');
		variables.history = history;
		fragments.push(REPO_FIELDS, BRANCH_FIELDS, COMMIT_FIELDS, CHECK_FIELDS);
	}
	if (byRepo.size > 0) fragments.push(REF_FIELDS);
	const signature = defs.length > 0 ? `(${defs.join(', ')})` : '';
	const query = [`query ToolchainStatus${signature} {\n  ${fields.join('\n  ')}\n}`, ...fragments].join('\n');
	return { query, variables, repoAliases, refAliases };
}

/** A follow-up document for heads whose checks did not fit the first page. */
export function buildContextsPageQuery(pages: Array<{ commitId: string; after: string }>): {
	query: string;
	variables: Record<string, string>;
} {
	const variables: Record<string, string> = {};
	const defs: string[] = [];
	const fields = pages.map((page, i) => {
		defs.push(`$p${i}id: ID!`, `$p${i}c: String!`);
		variables[`p${i}id`] = page.commitId;
		variables[`p${i}c`] = page.after;
		return `p${i}: node(id: $p${i}id) { ... on Commit { statusCheckRollup { contexts(first: ${CONTEXTS_PER_PAGE}, after: $p${i}c) { ...CheckFields } } } }`;
	});
	const query = `query ToolchainStatusChecks(${defs.join(', ')}) {\n  ${fields.join('\n  ')}\n}\n${CHECK_FIELDS}`;
	return { query, variables };
}

export interface BatchLimits {
	/**
	 * Default 25. A repo asks for up to 10 commits × (50 checks + 10 suites × 50
	 * runs) ≈ 5,600 nodes, so 25 repos stay well below GitHub's 500,000-node
	 * limit per query and its 10-second query timeout.
	 */
	maxReposPerRequest?: number;
	/** Default 100. */
	maxReferencesPerRequest?: number;
}

function slices<T>(items: readonly T[], n: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < n; i++) out.push(items.slice(Math.floor((i * items.length) / n), Math.floor(((i + 1) * items.length) / n)));
	return out;
}

/** Splits the work into as few requests as the limits allow, spreading repos and references evenly. */
export function planBatches(repos: readonly TrackedRepo[], references: readonly GitHubRef[], limits: BatchLimits = {}): Batch[] {
	const maxRepos = limits.maxReposPerRequest ?? 25;
	const maxRefs = limits.maxReferencesPerRequest ?? 100;
	const n = Math.max(Math.ceil(repos.length / maxRepos), Math.ceil(references.length / maxRefs));
	if (n === 0) return [];
	// Sorting keeps one repo's references together, so they share an alias.
	const sortedRefs = [...references].sort((a, b) => a.id.localeCompare(b.id));
	const repoSlices = slices(repos, n);
	const refSlices = slices(sortedRefs, n);
	return repoSlices.map((r, i) => ({ repos: r, references: refSlices[i]! }));
}
