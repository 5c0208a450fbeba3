/**
 * Every GraphQL document the status client can send, checked against the
 * real thing: GitHub's published schema (@octokit/graphql-schema) with
 * graphql-js's `validate` (the spec's rules, field merging included), its
 * variables coerced by the schema, and GitHub's resource limits and
 * rate-limit cost as GitHub documents them. The analyser itself is checked
 * against the worked examples in GitHub's documentation first.
 */
import { describe, expect, it } from 'vitest';
import { getVariableValues, Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { analyzeQuery, gitHubSchema, MAX_NODES } from '../../helpers/fake-github/github-graphql.ts';
import { buildContextsPageQuery, buildStatusQuery, planBatches, type Batch } from '../../../packages/project-pages/ci/query.ts';
import { parseReference, type GitHubRef } from '../../../packages/project-pages/ci/references.ts';
import type { TrackedRepo } from '../../../packages/project-pages/ci/options.ts';

const schema = gitHubSchema();

const repos = (n: number, branch = false): TrackedRepo[] =>
	Array.from({ length: n }, (_, i) => ({
		owner: 'org',
		repo: `r${i}`,
		id: `org/r${i}`,
		group: 'g',
		...(branch && i % 2 ? { branch: 'release/1.x' } : {}),
	}));
const refs = (n: number, perRepo = 5): GitHubRef[] =>
	Array.from({ length: n }, (_, i) => parseReference(`org/r${Math.floor(i / perRepo)}#${i + 1}`)!);

/** Validation errors, variable-coercion errors, limit problems and cost of one document with its variables. */
function check(query: string, variables: Record<string, unknown>) {
	const document = parse(query);
	const errors = validate(schema, document).map((e) => e.message);
	const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
	const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
	if (coerced.errors) errors.push(...coerced.errors.map((e) => e.message));
	return { errors, ...analyzeQuery(schema, document, variables) };
}

describe('the analyser reads GitHub documentation the way GitHub does', () => {
	it('counts the simple example as 550 nodes', () => {
		const q = `query { viewer { repositories(first: 50) { edges { repository: node { name issues(first: 10) { totalCount edges { node { title bodyHTML } } } } } } } }`;
		expect(check(q, {})).toMatchObject({ errors: [], nodes: 550, problems: [] });
	});
	it('counts the complex example as 22,060 nodes', () => {
		const q = `query { viewer {
			repositories(first: 50) { edges { repository: node { name
				pullRequests(first: 20) { edges { pullRequest: node { title comments(first: 10) { edges { comment: node { bodyHTML } } } } } }
				issues(first: 20) { totalCount edges { issue: node { title bodyHTML comments(first: 10) { edges { comment: node { bodyHTML } } } } } }
			} } }
			followers(first: 10) { edges { follower: node { login } } }
		} }`;
		expect(check(q, {})).toMatchObject({ errors: [], nodes: 22_060 });
	});
	it('prices a query by its connections: 1 + 50 + 50 × 20 = 1,051 requests make 11 points', () => {
		const q = `query { viewer { repositories(first: 50) { edges { repository: node { name pullRequests(first: 20) { edges { pullRequest: node { title comments(first: 10) { edges { comment: node { bodyHTML } } } } } } } } } } }`;
		expect(check(q, {})).toMatchObject({ requests: 1051, points: 11 });
	});
	it('counts a totalCount-only connection as a request, and needs no first there', () => {
		const q = `query { search(type: ISSUE, query: "x", last: 100) { nodes { ... on PullRequest { reviews(last: 100) { totalCount } reviewRequests(last: 100) { totalCount } } } } }`;
		expect(check(q, {})).toMatchObject({ errors: [], requests: 201, points: 2, problems: [] });
		expect(check(`query { viewer { repositories { totalCount } } }`, {}).problems).toEqual([]);
	});
	it('refuses what GitHub refuses: no first where nodes are selected, first over 100, over 500,000 nodes', () => {
		expect(check(`query { viewer { repositories { nodes { name } } } }`, {}).problems.map((p) => p.type)).toEqual([
			'MISSING_PAGINATION_BOUNDARIES',
		]);
		expect(
			check(`query($n: Int) { viewer { repositories(first: $n) { nodes { name } } } }`, { n: 101 }).problems.map((p) => p.type),
		).toEqual(['EXCESSIVE_PAGINATION']);
		const deep = `query { viewer { repositories(first: 100) { nodes { issues(first: 100) { nodes { comments(first: 100) { nodes { id } } } } } } } }`;
		expect(check(deep, {})).toMatchObject({ nodes: 1_010_100, problems: [expect.objectContaining({ type: 'MAX_NODE_LIMIT_EXCEEDED' })] });
	});
	it('catches the field-merging conflict the client used to send', () => {
		const q = `query($o: String!, $n: String!) { repository(owner: $o, name: $n) { issueOrPullRequest(number: 1) {
			... on Issue { state } ... on PullRequest { state } } } }`;
		expect(check(q, { o: 'a', n: 'b' }).errors).toEqual([
			'Fields "state" conflict because they return conflicting types "IssueState!" and "PullRequestState!". Use different aliases on the fields to fetch both if this was intentional.',
		]);
	});
});

describe('every document the status client sends is valid for GitHub', () => {
	const shapes: Array<[string, Batch, number]> = [
		['repos only', { repos: repos(3), references: [] }, 10],
		['repos on named branches', { repos: repos(4, true), references: [] }, 10],
		['references only', { repos: [], references: refs(12) }, 10],
		['repos and references', { repos: repos(5, true), references: refs(20) }, 10],
		['the largest batch: 25 repos of 50 commits and 100 references', { repos: repos(25, true), references: refs(100, 1) }, 50],
	];
	it.each(shapes)('%s', (_name, batch, history) => {
		const built = buildStatusQuery(batch, history);
		const result = check(built.query, built.variables);
		expect(result.errors).toEqual([]);
		expect(result.problems).toEqual([]);
		expect(result.nodes).toBeLessThanOrEqual(MAX_NODES);
		// Every connection whose nodes are read asks for a page within 1-100 (the analyser's rule, asserted here too).
		for (const c of result.connections.filter((x) => x.selectsNodes)) expect(c.page, c.path).toBeGreaterThanOrEqual(1);
		for (const c of result.connections) if (c.page !== undefined) expect(c.page, c.path).toBeLessThanOrEqual(100);
	});

	it.each([1, 7])('the follow-up for %i heads with more checks than a page', (heads) => {
		const built = buildContextsPageQuery(Array.from({ length: heads }, (_, i) => ({ commitId: `C_kwDO${i}`, after: 'Y3Vyc29yOjk5' })));
		const result = check(built.query, built.variables);
		expect(result).toMatchObject({ errors: [], problems: [], points: 1, requests: heads });
	});

	it('costs 14 requests per repo at a history of 10 (history, head checks, 10 commits’ checks, two issue counts) and 2 per pull request', () => {
		expect(check(...fields(buildStatusQuery({ repos: repos(1), references: [] }, 10))).requests).toBe(14);
		expect(check(...fields(buildStatusQuery({ repos: [], references: refs(1) }, 10))).requests).toBe(2);
	});

	it('asks 40 repos and 100 references for at most 50 points (the budget), in 2 requests', () => {
		const batches = planBatches(repos(40), refs(100));
		const costs = batches.map((b) => check(...fields(buildStatusQuery(b, 10))));
		expect(costs.every((c) => c.errors.length === 0 && c.problems.length === 0)).toBe(true);
		expect(costs.map((c) => c.points)).toEqual([4, 4]);
		expect(costs.reduce((n, c) => n + c.points, 0)).toBeLessThanOrEqual(50);
	});
});

const fields = (built: { query: string; variables: Record<string, unknown> }) => [built.query, built.variables] as const;
