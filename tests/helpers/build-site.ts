/**
 * Builds a small site with the integration, in a temporary folder, the way
 * another project would adopt it: its own astro.config.mjs importing
 * `astro-project-pages` (the workspace package, through the repository's
 * node_modules), its own `content/`. Returns where the output went and
 * what the build printed.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
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
	const { output, exitCode } = await rebuild();
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

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ output: string; exitCode: number }> {
	return new Promise((resolve) => {
		const base = { ...process.env };
		// Offline by default: a token in the developer's shell must not reach a test build.
		delete base.GITHUB_TOKEN;
		const child = spawn(command, args, { cwd, env: { ...base, ASTRO_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		// Some environments (CI=true) make Astro colour its log; tests read it as plain text.
		// eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
		child.on('close', (code) => resolve({ output: output.replace(/\x1b\[[0-9;]*m/g, ''), exitCode: code ?? 1 }));
	});
}

export { readFile };
