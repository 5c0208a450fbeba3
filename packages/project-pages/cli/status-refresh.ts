/**
 * project-pages status-refresh [--config FILE] [--out FILE] [--source WORDS]
 *
 * Fetches the toolchain status from GitHub and rewrites the snapshot file
 * (`ci.snapshot`): what a build without a token shows, as current when it
 * was fetched less than `ci.freshForMinutes` ago. A deploy runs this, the
 * only step with GITHUB_TOKEN, then builds without the token, so the token
 * is never in the environment while contributed content is processed.
 *
 * Reads the same options as the build (project-pages.config.mjs): the
 * tracked toolchain, the content folder (for referenced issues, pull
 * requests and repos) and the snapshot path. Honours GITHUB_API_URL and
 * GITHUB_GRAPHQL_URL. The token is never printed, and never written: every
 * string GitHub sent has it redacted, and the writer refuses a file that
 * still holds it. Content is read only as the status loader does (YAML front
 * matter with the core schema, prose by pattern), never rendered.
 *
 * Exit codes: 0 written, 1 no token or bad options, 2 GitHub failed (the
 * snapshot is left as it was).
 */
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { PROJECT_CONFIG_FILE } from '../checker/project-config.ts';
import { CiOptionsSchema } from '../ci/options.ts';
import { describeOmitted, snapshotOf, statusRequest } from '../ci/loader.ts';
import { createStatusClient } from '../ci/client.ts';
import { gitHubEnv } from '../ci/github-env.ts';
import { StatusFetchError } from '../ci/errors.ts';
import { writeSnapshot } from '../ci/snapshot.ts';
import { toolchainSummary } from '../ci/derive.ts';

const USAGE = `usage: project-pages status-refresh [--config ${PROJECT_CONFIG_FILE}] [--out snapshot.json] [--source "provenance"]`;

export async function runStatusRefresh(argv: string[]): Promise<number> {
	let args;
	try {
		args = parseArgs({
			args: argv,
			options: {
				config: { type: 'string', default: PROJECT_CONFIG_FILE },
				out: { type: 'string' },
				source: { type: 'string' },
				help: { type: 'boolean', short: 'h' },
			},
		}).values;
	} catch (error) {
		console.error(`status-refresh: ${(error as Error).message}\n${USAGE}`);
		return 2;
	}
	if (args.help) {
		console.log(USAGE);
		return 0;
	}

	const github = gitHubEnv();
	if (!github.token) {
		console.error(
			'status-refresh: GITHUB_TOKEN is not set. It needs a GitHub token that can read public repositories ' +
				'(for example `GITHUB_TOKEN=$(gh auth token) npx project-pages status-refresh`); the snapshot was not changed.',
		);
		return 1;
	}

	const root = process.cwd();
	const configPath = resolve(root, args.config);
	if (!existsSync(configPath)) {
		console.error(
			`status-refresh: ${relative(root, configPath)} does not exist; it holds the options that name the toolchain (ci.toolchain)`,
		);
		return 1;
	}
	const userOptions = ((await import(pathToFileURL(configPath).href)) as { default: { ci?: unknown; contentDir?: string } }).default;
	const parsed = CiOptionsSchema.safeParse(userOptions.ci ?? {});
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		console.error(`status-refresh: ${relative(root, configPath)}: ci.${issue.path.join('.')}: ${issue.message}`);
		return 1;
	}
	const ci = parsed.data;
	const out = args.out ?? ci.snapshot;
	const outPath = isAbsolute(out) ? out : resolve(root, out);
	const contentDir = userOptions.contentDir ?? 'content';

	const wanted = await statusRequest({ ci, contentDir }, root);
	console.log(
		`status-refresh: asking ${github.graphqlUrl} for ${wanted.repos.length} repos and ${wanted.references.length} references (from ${relative(root, configPath)} and ${contentDir}/)`,
	);
	if (wanted.omitted.length > 0) console.log(`status-refresh: ${describeOmitted(wanted, ci.maxReferences)}`);
	const client = createStatusClient({
		token: github.token,
		baseUrl: github.baseUrl,
		graphqlUrl: github.graphqlUrl,
		log: (level, m) => console.error(`octokit ${level}: ${m}`),
	});

	const started = performance.now();
	let fetched;
	try {
		fetched = await client.fetchStatus({
			repos: wanted.repos,
			references: wanted.references,
			history: ci.history,
			timeoutMs: ci.timeoutMs,
		});
	} catch (error) {
		if (!(error instanceof StatusFetchError)) throw error;
		console.error(`status-refresh: ${error.message}; the snapshot was not changed.`);
		return 2;
	}

	const snapshot = snapshotOf(fetched, wanted.omitted.length, args.source ?? fetched.source);
	await writeSnapshot(outPath, snapshot, github.token);

	const summary = toolchainSummary(snapshot, new Date());
	const unknownRepos = snapshot.repos.filter((r) => r.state === 'unknown');
	const unknownRefs = snapshot.references.filter((r) => r.state === 'unknown');
	console.log(
		`status-refresh: wrote ${relative(root, outPath)} in ${Math.round(performance.now() - started)} ms with ${fetched.requests} requests`,
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
	return 0;
}
