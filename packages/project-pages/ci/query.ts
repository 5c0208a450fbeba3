/**
 * GraphQL documents for the status fetch. Many repos and references go into
 * one document as aliases (`r0`, `r1`, … for repos, `q0`, … for the repos of
 * references), so 40 repos and 100 references cost a couple of requests
 * instead of hundreds of REST calls. Owner, repo and branch names travel as
 * variables, never spliced into the document.
 */
import type { GitHubRef } from './references.ts';
import type { TrackedRepo } from './options.ts';

/**
 * Checks fetched per commit. A connection costs GitHub the same whatever its
 * `first` (only connections nested under it multiply), so each commit asks
 * for a full page; a head with more is paginated.
 */
export const CONTEXTS_PER_COMMIT = 100;

// GitHub's rollup lists every attempt of a re-run check run (and the latest
// status of each context), so the attempts' start times are all that flaky
// detection needs: no per-suite check-run lists, which multiplied the cost.
const RUN_FIELDS = 'name status conclusion startedAt checkSuite { workflowRun { workflow { name } } }';

// The branch head: links, descriptions, and ocaml-ci's per-variant summary.
const HEAD_CHECKS = `fragment HeadChecks on StatusCheckRollupContextConnection {
  totalCount
  pageInfo { hasNextPage endCursor }
  nodes {
    __typename
    ... on CheckRun { ${RUN_FIELDS} detailsUrl title summary }
    ... on StatusContext { context state targetUrl description }
  }
}`;

// Older commits: outcomes only, for history, "failing since", known-good commits and flaky re-runs.
const HISTORY_CHECKS = `fragment HistoryChecks on StatusCheckRollupContextConnection {
  pageInfo { hasNextPage }
  nodes {
    __typename
    ... on CheckRun { ${RUN_FIELDS} }
    ... on StatusContext { context state }
  }
}`;

const BRANCH_FIELDS = `fragment BranchFields on Ref {
  name
  target {
    __typename
    ... on Commit {
      id oid url messageHeadline committedDate
      statusCheckRollup { state contexts(first: ${CONTEXTS_PER_COMMIT}) { ...HeadChecks } }
      history(first: $history) {
        nodes { oid url messageHeadline committedDate statusCheckRollup { state contexts(first: ${CONTEXTS_PER_COMMIT}) { ...HistoryChecks } } }
      }
    }
  }
}`;

const REPO_FIELDS = `fragment RepoFields on Repository {
  nameWithOwner url
  goodFirstIssue: issues(states: OPEN, labels: ["good first issue"]) { totalCount }
  helpWanted: issues(states: OPEN, labels: ["help wanted"]) { totalCount }
}`;

// `state` is IssueState! on one side and PullRequestState! on the other: by
// the spec's field-merging rule one response key cannot hold both, so each
// gets its own alias (GitHub's server now enforces this, graphql-ruby #4403).
const REF_FIELDS = `fragment RefFields on IssueOrPullRequest {
  __typename
  ... on Issue { title issueState: state url updatedAt }
  ... on PullRequest { title pullRequestState: state merged url updatedAt reviews { totalCount } comments { totalCount } }
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
		fragments.push(REPO_FIELDS, BRANCH_FIELDS, HEAD_CHECKS, HISTORY_CHECKS);
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
		return `p${i}: node(id: $p${i}id) { ... on Commit { statusCheckRollup { contexts(first: ${CONTEXTS_PER_COMMIT}, after: $p${i}c) { ...HeadChecks } } } }`;
	});
	const query = `query ToolchainStatusChecks(${defs.join(', ')}) {\n  rateLimit { cost remaining resetAt }\n  ${fields.join('\n  ')}\n}\n${HEAD_CHECKS}`;
	return { query, variables };
}

export interface BatchLimits {
	/**
	 * Default 25. A repo asks for up to 50 commits × 100 checks (about 5,150
	 * nodes at most), so 25 repos stay far below GitHub's 500,000-node limit per query
	 * and its 10-second query timeout. Each costs 4 + history requests in GitHub's
	 * rate-limit formula (100 requests make a point): 14 at the default history of 10.
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
