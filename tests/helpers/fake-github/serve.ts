/**
 * Runs a command against the fake GitHub, loaded with the toolchain fixture
 * for the site's options and the references its content names:
 *
 *   npx node tests/helpers/fake-github/serve.ts [--latency ms] -- npm run status:refresh
 *
 * The child gets GITHUB_API_URL, GITHUB_GRAPHQL_URL and a throwaway
 * GITHUB_TOKEN. This is how the committed snapshot was generated here,
 * where real GitHub is out of reach; the snapshot's `source` says so.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startFakeGitHub } from '../fake-github.ts';
import { toolchainFixture } from './toolchain-fixture.ts';
import { collectContentReferences } from '../../../packages/project-pages/ci/content-references.ts';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: { latency: { type: 'string', default: '0' }, config: { type: 'string', default: 'project-pages.config.mjs' } },
});
if (positionals.length === 0) {
	console.error('usage: npx node tests/helpers/fake-github/serve.ts [--latency ms] [--config file] -- <command> [args…]');
	process.exit(1);
}
const options = (
	(await import(pathToFileURL(resolve(values.config)).href)) as {
		default: { ci?: { toolchain?: Record<string, Array<string | { repo: string }>> }; contentDir?: string };
	}
).default;
const tracked = Object.values(options.ci?.toolchain ?? {})
	.flat()
	.map((e) => (typeof e === 'string' ? e : e.repo));
const found = await collectContentReferences(resolve(options.contentDir ?? 'content'));
const now = new Date();
const token = `fake_${randomBytes(12).toString('hex')}`;
const fake = await startFakeGitHub({
	data: toolchainFixture(now, { repos: [...tracked, ...found.repos], references: found.references }),
	latencyMs: Number(values.latency),
	token,
});
console.error(`fake GitHub on ${fake.url} (${fake.data.repos.length} repos)`);

const child = spawn(positionals[0]!, positionals.slice(1), {
	stdio: 'inherit',
	env: { ...process.env, GITHUB_API_URL: fake.url, GITHUB_GRAPHQL_URL: fake.graphqlUrl, GITHUB_TOKEN: token },
});
const code = await new Promise<number>((r) => child.on('exit', (c, signal) => r(c ?? (signal ? 1 : 0))));
console.error(`fake GitHub answered ${fake.requests.length} requests`);
await fake.close();
process.exit(code);
