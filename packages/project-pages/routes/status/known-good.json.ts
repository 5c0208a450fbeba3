/**
 * /status/known-good.json: for every tracked repo, the newest commit whose
 * checks all passed (repo, branch, sha, date, the checks that passed) and
 * when the data was fetched: a manifest of versions that work, to pin a
 * broken combination to and bisect (the README turns it into opam
 * `pin-depends`). A repo with none in its history has `sha: null` and why.
 */
import { toolchainStatus } from '../../components/status/get-status.ts';
import { knownGoodManifest } from '../../ci/view.ts';

export async function GET(): Promise<Response> {
	const status = await toolchainStatus();
	const body = status ? knownGoodManifest(status) : { error: 'no status collection', repos: [] };
	return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
