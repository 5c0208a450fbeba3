/**
 * The few REST endpoints a status client might call, with GitHub's
 * documented payload shapes (snake_case, lowercase states), over the same
 * data as the GraphQL graph.
 */
import { findRepo, rollupState, type FakeGitHubData } from './model.ts';

export interface RestAnswer {
	status: number;
	body: unknown;
}

const notFound: RestAnswer = {
	status: 404,
	body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' },
};

export function restAnswer(data: FakeGitHubData, method: string, path: string, rate: { remaining: number; reset: number }): RestAnswer {
	if (method !== 'GET') return notFound;
	if (path === '/rate_limit') {
		const r = { limit: 5000, remaining: rate.remaining, reset: rate.reset, used: 5000 - rate.remaining };
		return { status: 200, body: { resources: { core: r, graphql: r }, rate: r } };
	}
	const m = /^\/repos\/([^/]+)\/([^/]+)(?:\/(commits\/([^/]+)\/(status|check-runs)|issues\/(\d+)))?$/.exec(path);
	if (!m) return notFound;
	const repo = findRepo(data, decodeURIComponent(m[1]!), decodeURIComponent(m[2]!));
	if (!repo || repo.forbidden) return notFound;
	const full = `${repo.owner}/${repo.name}`;
	if (!m[3]) {
		return {
			status: 200,
			body: {
				name: repo.name,
				full_name: full,
				owner: { login: repo.owner },
				html_url: `https://github.com/${full}`,
				default_branch: repo.defaultBranch,
				private: false,
				open_issues_count: repo.issues.filter((i) => i.state === 'OPEN').length,
			},
		};
	}
	if (m[6]) {
		const issue = repo.issues.find((i) => i.number === Number(m[6]));
		if (!issue) return notFound;
		const html = `https://github.com/${full}/${issue.kind === 'pull' ? 'pull' : 'issues'}/${issue.number}`;
		return {
			status: 200,
			body: {
				number: issue.number,
				title: issue.title,
				state: issue.state === 'OPEN' ? 'open' : 'closed',
				html_url: html,
				updated_at: issue.updatedAt,
				comments: issue.comments ?? 0,
				labels: (issue.labels ?? []).map((name) => ({ name })),
				...(issue.kind === 'pull'
					? { pull_request: { html_url: html, merged_at: issue.state === 'MERGED' ? issue.updatedAt : null } }
					: {}),
			},
		};
	}
	const ref = decodeURIComponent(m[4]!);
	const commits =
		repo.branches[ref] ??
		Object.values(repo.branches)
			.flat()
			.filter((c) => c.oid === ref);
	const commit = commits[0];
	if (!commit)
		return {
			status: 422,
			body: { message: `No commit found for SHA: ${ref}`, documentation_url: 'https://docs.github.com/rest', status: '422' },
		};
	if (m[5] === 'status') {
		const statuses = commit.contexts.flatMap((c) =>
			c.type === 'status'
				? [{ context: c.context, state: c.state.toLowerCase(), target_url: c.targetUrl ?? null, description: c.description ?? null }]
				: [],
		);
		const state = (rollupState(commit.contexts.filter((c) => c.type === 'status')) ?? 'PENDING').toLowerCase();
		return { status: 200, body: { state: state === 'error' ? 'failure' : state, sha: commit.oid, total_count: statuses.length, statuses } };
	}
	const runs = commit.contexts.flatMap((c) =>
		c.type === 'check-run'
			? [
					{
						name: c.name,
						status: c.status.toLowerCase(),
						conclusion: c.conclusion?.toLowerCase() ?? null,
						details_url: c.detailsUrl ?? null,
						head_sha: commit.oid,
					},
				]
			: [],
	);
	return { status: 200, body: { total_count: runs.length, check_runs: runs } };
}
