/**
 * Playwright's web servers, both `astro preview` on 127.0.0.1:
 *
 * - `serve.ts site`: the site. Rebuilds it when `dist/` is missing or older
 *   than any source file (always under CI); the build is whatever
 *   `npm run build` is (Astro, then Pagefind), so the browser tests see the
 *   site as it deploys. It serves a private copy of dist/ (see paths.ts).
 * - `serve.ts screenshots`: the shared fixture site `site`, built once for
 *   the build tests and the screenshots (tests/helpers/fixture-sites.ts).
 *
 * Playwright starts both before it reads the test files, so a spec may list
 * the built pages when it is loaded.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { sharedFixtureSite } from '../../helpers/fixture-sites.ts';
import { BUILD_DIR, DIST, PORT, REPO, SCREENSHOT_PORT } from './paths.ts';

/** Folders whose changes never change the built site. */
const IGNORED = new Set(['node_modules', 'dist', 'tests', 'bench', 'test-results', 'playwright-report']);

function newestSourceChange(dir: string): { file: string; mtimeMs: number } {
	let newest = { file: '', mtimeMs: 0 };
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		// Dot folders are tooling (.git, .astro, .github) and dot files scratch notes.
		if (entry.name.startsWith('.') || (dir === REPO && IGNORED.has(entry.name))) continue;
		const full = path.join(dir, entry.name);
		const candidate = entry.isDirectory() ? newestSourceChange(full) : { file: full, mtimeMs: statSync(full).mtimeMs };
		if (candidate.mtimeMs > newest.mtimeMs) newest = candidate;
	}
	return newest;
}

function staleReason(): string | undefined {
	const marker = path.join(BUILD_DIR, 'index.html');
	if (!existsSync(marker)) return 'dist/ has no index.html';
	const built = statSync(marker).mtimeMs;
	const newest = newestSourceChange(REPO);
	if (newest.mtimeMs > built) return `${path.relative(REPO, newest.file)} changed after the last build`;
	return undefined;
}

/** Runs a command, keeping its output to show only if it fails. */
function run(command: string, args: string[]): Promise<{ code: number; output: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk));
		child.on('error', reject);
		child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
	});
}

async function prepareSite(): Promise<{ cwd: string; outDir: string; port: number }> {
	const reason = process.env.CI ? 'CI always builds' : staleReason();
	if (reason) {
		console.log(`[e2e] building the site (${reason}): npm run build`);
		const { code, output } = await run('npm', ['run', 'build']);
		if (code !== 0) {
			console.error(`${output}\n[e2e] npm run build failed with exit code ${code}; no site to test.`);
			process.exit(code);
		}
		console.log(`[e2e] npm run build: ${/\d+ page\(s\) built in [^\n]*/.exec(output)?.[0] ?? 'built'}`);
	} else {
		console.log('[e2e] dist/ is newer than every source file; not rebuilding');
	}
	rmSync(DIST, { recursive: true, force: true });
	cpSync(BUILD_DIR, DIST, { recursive: true });
	console.log(`[e2e] serving a copy of dist/ from ${path.relative(REPO, DIST)}`);
	return { cwd: REPO, outDir: DIST, port: PORT };
}

async function prepareScreenshots(): Promise<{ cwd: string; outDir: string; port: number }> {
	const site = await sharedFixtureSite('site');
	console.log(`[e2e] serving the shared fixture site \`site\` from ${site.root}`);
	return { cwd: site.root, outDir: site.dist, port: SCREENSHOT_PORT };
}

const which = process.argv[2] ?? 'site';
if (which !== 'site' && which !== 'screenshots') throw new Error(`serve.ts: unknown site "${which}" (site or screenshots)`);
const { cwd, outDir, port } = which === 'site' ? await prepareSite() : await prepareScreenshots();

// This Node (24, from node_modules) rather than whichever `node` the astro bin's shebang finds first.
// --ignore-lock: a private server for this run, which neither blocks on nor replaces a developer's `astro preview`.
const preview = spawn(
	process.execPath,
	[
		path.join(REPO, 'node_modules/astro/bin/astro.mjs'),
		'preview',
		'--host',
		'127.0.0.1',
		'--port',
		String(port),
		'--outDir',
		outDir,
		'--ignore-lock',
	],
	{ cwd, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => preview.kill(signal));
preview.on('exit', (code) => process.exit(code ?? 0));
