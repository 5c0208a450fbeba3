/**
 * npm run status:refresh — fetch the toolchain status from GitHub and
 * rewrite the committed snapshot (the data a build without a token, or
 * with GitHub down, shows as "as of <time>").
 *
 * Reads the same options as the build (project-pages.config.mjs): the
 * tracked toolchain, the content folder (for referenced issues, pull
 * requests and repos) and the snapshot path. Needs GITHUB_TOKEN; honours
 * GITHUB_API_URL and GITHUB_GRAPHQL_URL. The token is never printed, and
 * never written: every string GitHub sent has it redacted, and the writer
 * refuses a file that still holds it. It reads content only as the status
 * loader does (YAML front matter with the core schema, prose by pattern),
 * never renders it: the deploy workflow runs this with the token, then
 * builds the site without it from the file written here (fresh for
 * `ci.freshForMinutes`).
 *
 *   GITHUB_TOKEN=$(gh auth token) npm run status:refresh
 *   npm run status:refresh -- --config other.config.mjs --out path.json --source "words"
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { CiOptionsSchema } from '../packages/project-pages/ci/options.ts';
import { describeOmitted, snapshotOf, statusRequest } from '../packages/project-pages/ci/loader.ts';
import { createStatusClient } from '../packages/project-pages/ci/client.ts';
import { gitHubEnv } from '../packages/project-pages/ci/github-env.ts';
import { StatusFetchError } from '../packages/project-pages/ci/errors.ts';
import { writeSnapshot } from '../packages/project-pages/ci/snapshot.ts';
import { toolchainSummary } from '../packages/project-pages/ci/derive.ts';

const { values: args } = parseArgs({
	options: {
		config: { type: 'string', default: 'project-pages.config.mjs' },
		out: { type: 'string' },
		source: { type: 'string' },
		help: { type: 'boolean', short: 'h' },
	},
});
if (args.help) {
	console.log('usage: npm run status:refresh [-- --config project-pages.config.mjs] [--out snapshot.json] [--source "provenance"]');
	process.exit(0);
}

const github = gitHubEnv();
if (!github.token) {
	console.error(
		'status:refresh: GITHUB_TOKEN is not set. It needs a GitHub token that can read public repositories ' +
			'(for example `GITHUB_TOKEN=$(gh auth token) npm run status:refresh`); the snapshot was not changed.',
	);
	process.exit(1);
}

const root = process.cwd();
const configPath = resolve(root, args.config);
const userOptions = ((await import(pathToFileURL(configPath).href)) as { default: { ci?: unknown; contentDir?: string } }).default;
const parsed = CiOptionsSchema.safeParse(userOptions.ci ?? {});
if (!parsed.success) {
	const issue = parsed.error.issues[0]!;
	console.error(`status:refresh: ${relative(root, configPath)}: ci.${issue.path.join('.')}: ${issue.message}`);
	process.exit(1);
}
const ci = parsed.data;
const out = args.out ?? ci.snapshot;
const outPath = isAbsolute(out) ? out : resolve(root, out);
const contentDir = userOptions.contentDir ?? 'content';

const wanted = await statusRequest({ ci, contentDir }, root);
console.log(
	`status:refresh: asking ${github.graphqlUrl} for ${wanted.repos.length} repos and ${wanted.references.length} references (from ${relative(root, configPath)} and ${contentDir}/)`,
);
if (wanted.omitted.length > 0) console.log(`status:refresh: ${describeOmitted(wanted, ci.maxReferences)}`);
const client = createStatusClient({
	token: github.token,
	baseUrl: github.baseUrl,
	graphqlUrl: github.graphqlUrl,
	log: (level, m) => console.error(`octokit ${level}: ${m}`),
});

const started = performance.now();
let fetched;
try {
	fetched = await client.fetchStatus({ repos: wanted.repos, references: wanted.references, history: ci.history, timeoutMs: ci.timeoutMs });
} catch (error) {
	if (!(error instanceof StatusFetchError)) throw error;
	console.error(`status:refresh: ${error.message}; the snapshot was not changed.`);
	process.exit(2);
}

const snapshot = snapshotOf(fetched, wanted.omitted.length, args.source ?? fetched.source);
await writeSnapshot(outPath, snapshot, github.token);

const summary = toolchainSummary(snapshot, new Date());
const unknownRepos = snapshot.repos.filter((r) => r.state === 'unknown');
const unknownRefs = snapshot.references.filter((r) => r.state === 'unknown');
console.log(
	`status:refresh: wrote ${relative(root, outPath)} in ${Math.round(performance.now() - started)} ms with ${fetched.requests} requests`,
);
console.log(`  toolchain: ${summary.text}`);
console.log(`  references: ${snapshot.references.length - unknownRefs.length}/${snapshot.references.length} resolved`);
for (const r of unknownRepos) console.log(`  unknown repo ${r.id}: ${r.reason}`);
for (const r of unknownRefs) console.log(`  unknown reference ${r.id}: ${r.reason}`);
if (fetched.rateLimit) {
	console.log(
		`  rate limit: this fetch cost ${fetched.rateLimit.cost} points; ${fetched.rateLimit.remaining} left, resets ${fetched.rateLimit.resetAt}`,
	);
}
