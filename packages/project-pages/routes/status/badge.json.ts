/**
 * /status/<owner>/<repo>.json: a shields.io endpoint per repo
 * (`schemaVersion`, `label`, `message`, `color`), so a README can show a
 * badge served by the site.
 */
import type { GetStaticPaths } from 'astro';
import { toolchainStatus } from '../../components/status/get-status.ts';
import { shieldsEndpoint } from '../../ci/view.ts';
import type { RepoStatus } from '../../ci/snapshot-schema.ts';

export const getStaticPaths = (async () => {
	const status = await toolchainStatus();
	return (status?.repos ?? []).map((repo) => ({
		params: { owner: repo.owner, repo: repo.repo },
		props: { repo, stale: status?.stale ?? false },
	}));
}) satisfies GetStaticPaths;

export function GET({ props }: { props: { repo: RepoStatus; stale: boolean } }): Response {
	return new Response(JSON.stringify(shieldsEndpoint(props.repo, props.stale)), {
		headers: { 'content-type': 'application/json; charset=utf-8' },
	});
}
