/**
 * /status.json: the whole status (the `status` collection's entry) plus the
 * toolchain summary and when the site was built.
 */
import { toolchainStatus } from '../../components/status/get-status.ts';
import { toolchainSummary } from '../../ci/derive.ts';

export async function GET(): Promise<Response> {
	const status = await toolchainStatus();
	const now = new Date();
	const body = status
		? { builtAt: now.toISOString(), summary: toolchainSummary(status, now), ...status }
		: { builtAt: now.toISOString(), error: 'no status collection' };
	return new Response(`${JSON.stringify(body)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
