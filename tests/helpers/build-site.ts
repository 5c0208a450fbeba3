/**
 * Builds a small site with the integration, in a temporary folder, the way
 * another project would adopt it: its own astro.config.mjs importing
 * `astro-project-pages` (the workspace package, through the repository's
 * node_modules), its own `content/`. Returns where the output went and
 * what the build printed.
 */
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
const PACKAGE_NAME = 'astro-project-pages';
/** Astro's command line, run by this Node (24, from node_modules) without npx's half second of start-up per build. */
export const ASTRO_CLI = path.join(REPO, 'node_modules/astro/bin/astro.mjs');

export interface FixtureSite {
	root: string;
	dist: string;
	output: string;
	exitCode: number;
	read(urlPath: string): Promise<string>;
	/** Builds the same folder again (after the test changed its content). */
	rebuild(): Promise<{ output: string; exitCode: number }>;
}

export interface BuildOptions {
	/** Folders or files copied into `content/<name>`, keyed by the target name. */
	content: Record<string, string | string[]>;
	/** Options passed to projectPages(), merged over a small default. */
	options?: Record<string, unknown>;
	env?: NodeJS.ProcessEnv;
	/** Turns on Astro's experimental incremental build, as the site does. */
	incremental?: boolean;
	/** Astro's `base`, for a site served from a sub-path. */
	base?: string;
	/** The text of `src/content.config.ts`, when the site extends the collections. */
	contentConfig?: string;
	/** More files of the site's own, by path relative to its root (components, CSS). */
	files?: Record<string, string>;
	/** A folder copied as the site's `public/` (images and documents the pages link to). */
	public?: string;
}

export async function buildFixtureSite({ env = {}, ...site }: BuildOptions): Promise<FixtureSite> {
	const root = await prepareFixtureSite(site);
	const rebuild = () => run(process.execPath, [ASTRO_CLI, 'build'], root, env);
	const { output, exitCode } = (await buildInService(root, env)) ?? (await rebuild());
	const dist = path.join(root, 'dist');
	return { root, dist, output, exitCode, rebuild, read: (urlPath) => readFile(path.join(dist, urlPath), 'utf8') };
}

/** Writes the site's folder (config, integration copy, content) and returns it, unbuilt. */
export async function prepareFixtureSite({
	content,
	options = {},
	incremental = false,
	base,
	contentConfig,
	files = {},
	public: publicFolder,
}: Omit<BuildOptions, 'env'>): Promise<string> {
	const root = await mkdtemp(path.join(tmpdir(), 'project-pages-site-'));
	await mkdir(path.join(root, 'src'), { recursive: true });
	await linkDependencies(root);
	await writeFile(
		path.join(root, 'package.json'),
		JSON.stringify({ name: 'fixture-site', private: true, type: 'module', dependencies: { 'astro-project-pages': '*' } }),
	);
	await writeFile(
		path.join(root, 'src/content.config.ts'),
		contentConfig ??
			"import { projectPagesCollections } from 'astro-project-pages/collections';\nexport const collections = projectPagesCollections();\n",
	);
	for (const [file, text] of Object.entries(files)) {
		await mkdir(path.dirname(path.join(root, file)), { recursive: true });
		await writeFile(path.join(root, file), text);
	}
	// The fixtures' minutes live at /weekly/, as this site's do (the integration's default is /minutes/).
	const merged = {
		title: 'Fixture',
		description: 'A fixture site for tests.',
		...options,
		paths: { minutes: 'weekly', ...(options.paths as Record<string, unknown> | undefined) },
	};
	await writeFile(
		path.join(root, 'astro.config.mjs'),
		`import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import projectPages from 'astro-project-pages';
// Its own cache: node_modules links to packages shared with other builds running at the same time.
export default defineConfig({ site: 'https://fixture.test', ${base ? `base: ${JSON.stringify(base)}, ` : ''}trailingSlash: 'always', cacheDir: './.astro-cache', experimental: { incrementalBuild: ${incremental} }, integrations: [mdx(), projectPages(${JSON.stringify(merged)})] });
`,
	);
	await mkdir(path.join(root, 'content'), { recursive: true });
	for (const [target, source] of Object.entries(content)) {
		const destination = path.join(root, 'content', target);
		if (Array.isArray(source)) {
			await mkdir(destination, { recursive: true });
			for (const file of source) await cp(file, path.join(destination, path.basename(file)));
		} else {
			await cp(source, destination, { recursive: true });
		}
	}
	if (publicFolder) await cp(publicFolder, path.join(root, 'public'), { recursive: true });
	return root;
}

/**
 * The fixture's node_modules: the repository's packages, linked one by one,
 * and the integration copied in as an installed package would be. (A link to
 * the workspace folder would put the integration's files outside the
 * fixture's root, where Astro's compiler does not expect them.)
 */
async function linkDependencies(root: string): Promise<void> {
	const modules = path.join(root, 'node_modules');
	await mkdir(modules);
	for (const name of await readdir(path.join(REPO, 'node_modules'))) {
		if (name === PACKAGE_NAME || name === '.astro' || name === '.vite' || name === '.package-lock.json') continue;
		await symlink(path.join(REPO, 'node_modules', name), path.join(modules, name));
	}
	await cp(path.join(REPO, 'packages/project-pages'), path.join(modules, PACKAGE_NAME), { recursive: true });
}

/** What a build sees: the caller's environment without a token (a developer's must not reach a test build), plus `env`. */
export function buildEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
	const base = { ...process.env };
	delete base.GITHUB_TOKEN;
	return Object.fromEntries(
		Object.entries({ ...base, ASTRO_TELEMETRY_DISABLED: '1', ...env }).filter((entry): entry is [string, string] => entry[1] !== undefined),
	);
}

// Some environments (CI=true) make Astro colour its log; tests read it as plain text.
// eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
const plain = (output: string) => output.replace(/\x1b\[[0-9;]*m/g, '');

/**
 * A site's first build, by the build service (tests/helpers/build-service/) when the run has one:
 * Astro's own build() in a process that keeps Astro loaded. Undefined when there is no service or
 * the build failed there: the caller then runs the command, whose report of a failure is the one
 * a user sees.
 */
async function buildInService(root: string, env: NodeJS.ProcessEnv): Promise<{ output: string; exitCode: number } | undefined> {
	const service = process.env.PROJECT_PAGES_BUILD_SERVICE;
	if (!service) return undefined;
	const answer = await new Promise<{ output: string; exitCode: number }>((resolve, reject) => {
		// A connection of its own: a kept-alive one may be closed by the server just as it is reused.
		const request = httpRequest(service, { method: 'POST', agent: false }, (response) => {
			let text = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => (text += chunk));
			response.on('end', () => (response.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(`build service: ${text}`))));
		});
		request.on('error', reject);
		request.end(JSON.stringify({ root, env: buildEnvironment(env) }));
	}).catch((error: unknown) => {
		// The service is a shortcut, not a dependency: without it the command builds the site, and the run says so.
		console.warn(`build service at ${service} unusable (${String(error)}); building ${root} with the command`);
		return { output: '', exitCode: 1 };
	});
	if (answer.exitCode === 0) return { output: plain(answer.output), exitCode: 0 };
	// The command then starts from the folder as it was prepared, not from what the failed build left.
	for (const made of ['dist', '.astro', '.astro-cache', 'node_modules/.vite'])
		await rm(path.join(root, made), { recursive: true, force: true });
	return undefined;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ output: string; exitCode: number }> {
	return new Promise((resolve) => {
		const child = spawn(command, args, { cwd, env: buildEnvironment(env), stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('close', (code) => resolve({ output: plain(output), exitCode: code ?? 1 }));
	});
}

export { readFile };
