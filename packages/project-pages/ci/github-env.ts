/**
 * GitHub endpoints and token from the environment, under the names GitHub
 * Actions itself sets, so a workflow needs no extra configuration (and a
 * GitHub Enterprise runner points at its own server).
 */
export interface GitHubEnv {
	/** Absent when GITHUB_TOKEN is unset or empty. Never print it. */
	token?: string;
	/** REST base URL, without a trailing slash. */
	baseUrl: string;
	/** GraphQL endpoint. */
	graphqlUrl: string;
}

export function gitHubEnv(env: Record<string, string | undefined> = process.env): GitHubEnv {
	const baseUrl = (env.GITHUB_API_URL?.trim() || 'https://api.github.com').replace(/\/+$/, '');
	const graphqlUrl = env.GITHUB_GRAPHQL_URL?.trim() || `${baseUrl}/graphql`;
	const token = env.GITHUB_TOKEN?.trim();
	return token ? { token, baseUrl, graphqlUrl } : { baseUrl, graphqlUrl };
}

/** `CI_STATUS_STRICT=1` (or `true`) turns fallbacks into failed builds. */
export function strictFromEnv(env: Record<string, string | undefined> = process.env): boolean {
	return /^(1|true|yes)$/i.test(env.CI_STATUS_STRICT?.trim() ?? '');
}
