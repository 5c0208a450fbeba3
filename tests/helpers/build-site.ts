/**
 * Builds a small site with the integration, in a temporary folder, the way
 * another project would adopt it: its own astro.config.mjs, a copy of
 * `src/project-pages/`, its own `content/`. Returns where the output went and
 * what the build printed.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

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
}

export async function buildFixtureSite({ env = {}, ...site }: BuildOptions): Promise<FixtureSite> {
	const root = await prepareFixtureSite(site);
	const rebuild = () => run('npx', ['astro', 'build'], root, env);
	const { output, exitCode } = await rebuild();
	const dist = path.join(root, 'dist');
	return { root, dist, output, exitCode, rebuild, read: (urlPath) => readFile(path.join(dist, urlPath), 'utf8') };
}

/** Writes the site's folder (config, integration copy, content) and returns it, unbuilt. */
export async function prepareFixtureSite({ content, options = {}, incremental = false }: Omit<BuildOptions, 'env'>): Promise<string> {
	const root = await mkdtemp(path.join(tmpdir(), 'project-pages-site-'));
	await cp(path.join(REPO, 'src/project-pages'), path.join(root, 'src/project-pages'), { recursive: true });
	await symlink(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
	await writeFile(path.join(root, 'package.json'), JSON.stringify({ name: 'fixture-site', private: true, type: 'module' }));
	await writeFile(
		path.join(root, 'src/content.config.ts'),
		"import { projectPagesCollections } from './project-pages/collections.ts';\nexport const collections = projectPagesCollections();\n",
	);
	const merged = { title: 'Fixture', description: 'A fixture site for tests.', ...options };
	await writeFile(
		path.join(root, 'astro.config.mjs'),
		`import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import projectPages from './src/project-pages/index.ts';
// Its own cache: node_modules is a symlink shared with other builds running at the same time.
export default defineConfig({ site: 'https://fixture.test', trailingSlash: 'always', cacheDir: './.astro-cache', experimental: { incrementalBuild: ${incremental} }, integrations: [mdx(), projectPages(${JSON.stringify(merged)})] });
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
	return root;
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
		child.on('close', (code) => resolve({ output: output.replace(/\x1b\[[0-9;]*m/g, ''), exitCode: code ?? 1 }));
	});
}

export { readFile };
