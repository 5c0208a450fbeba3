/**
 * Named fixture sites, each built once and shared by every test that only
 * reads it: vitest's test files (in any worker) and Playwright's screenshot
 * server alike. `await sharedFixtureSite('site')` builds the site the first
 * time it is asked for and hands the same folder to every later caller.
 *
 * A build is kept in node_modules/.cache/project-pages-fixtures/ under a
 * digest of everything that shapes it (its definition, its content files,
 * the package's source, the lock file, these helpers, the day), so a second
 * `npm test` with nothing changed reuses it and any change builds it again.
 * Two callers at once: the first takes a lock and builds, the other waits.
 *
 * A shared site is read-only. A test that edits content and rebuilds (the
 * incremental and dev-server tests) makes its own with buildFixtureSite().
 * To add one, add an entry to FIXTURE_SITES (tests/README.md).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildFixtureSite, REPO, type BuildOptions } from './build-site.ts';

export interface FixtureDefinition extends Omit<BuildOptions, 'env' | 'content'> {
	/** Folders or files copied into `content/<name>`, relative to the repository. */
	content: Record<string, string | string[]>;
	/** Runs Pagefind over the output afterwards, as `npm run build` does. */
	pagefind?: boolean;
}

/** Every shared fixture site, by name. */
export const FIXTURE_SITES = {
	/**
	 * tests/fixtures/site (every kind of page, mirage-www front matter, hostile markdown) with the
	 * site's toolchain and a status snapshot kept for it: what tests/build/site-build.test.ts reads and
	 * tests/e2e/screenshots.spec.ts shows. Neither new content in content/ nor a refreshed snapshot
	 * changes it; only the integration does.
	 */
	site: {
		content: { '.': 'tests/fixtures/site/content' },
		options: {
			title: 'MirageOS',
			repository: 'mirage/mirage-www',
			calls: { start: '2026-01-07', time: '16:00', everyWeeks: 2 },
			ci: {
				// The repos of the snapshot beside it, as the site tracked them when it was taken.
				toolchain: {
					core: ['mirage/mirage', 'mirage/mirage-skeleton', 'mirage/functoria'],
					network: ['mirage/mirage-tcpip', 'mirage/ocaml-dns', 'mirage/ocaml-cohttp', 'mirleft/ocaml-tls', 'mirage/mirage-net-xen'],
					storage: ['mirage/irmin', 'mirage/mirage-block-unix', 'mirage/ocaml-git'],
					backends: ['Solo5/solo5', 'mirage/mirage-xen', 'mirage/mirage-unix', 'mirage/ocaml-solo5'],
					tooling: ['mirage/mirage-crypto', 'mirage/ocaml-cstruct', 'ocaml/opam-repository'],
				},
				snapshot: 'tests/fixtures/screenshots/status-snapshot.json',
			},
		},
		pagefind: true,
	},
} satisfies Record<string, FixtureDefinition>;

export type FixtureName = keyof typeof FIXTURE_SITES;

export interface SharedSite {
	name: FixtureName;
	root: string;
	dist: string;
	/** What the build printed. */
	output: string;
	read(urlPath: string): Promise<string>;
}

const CACHE = path.join(REPO, 'node_modules/.cache/project-pages-fixtures');
/** Whatever these read shapes every fixture build. */
const SHARED_INPUTS = ['packages/project-pages', 'package-lock.json', 'tests/helpers/build-site.ts', 'tests/helpers/fixture-sites.ts'];

function filesUnder(relative: string): string[] {
	const full = path.join(REPO, relative);
	if (!statSync(full).isDirectory()) return [relative];
	return readdirSync(full, { recursive: true, encoding: 'utf8' })
		.map((name) => path.join(relative, name))
		.filter((name) => statSync(path.join(REPO, name)).isFile())
		.sort();
}

/** A digest of everything the named build depends on, so a cached build is reused only when it would come out the same. */
function digestOf(name: FixtureName, definition: FixtureDefinition): string {
	const hash = createHash('sha256').update(JSON.stringify({ name, definition }));
	// Build-time dates ("as of", "3 days ago") move with the day; a cached build lives one day at most.
	hash.update(new Date().toISOString().slice(0, 10));
	const inputs = [...SHARED_INPUTS, ...Object.values(definition.content).flat(), ...referencedFiles(definition.options)];
	for (const file of inputs.flatMap(filesUnder)) hash.update(`\0${file}\0`).update(readFileSync(path.join(REPO, file)));
	return hash.digest('hex').slice(0, 16);
}

/** Repository files named in the options (the status snapshot). */
function referencedFiles(options: Record<string, unknown> = {}): string[] {
	const snapshot = (options.ci as { snapshot?: string } | undefined)?.snapshot;
	return snapshot ? [snapshot] : [];
}

/** The options with repository-relative paths made absolute, as the build in a temporary folder needs them. */
function absoluteOptions(options: Record<string, unknown> = {}): Record<string, unknown> {
	const ci = options.ci as { snapshot?: string } | undefined;
	return ci?.snapshot ? { ...options, ci: { ...ci, snapshot: path.join(REPO, ci.snapshot) } } : options;
}

interface Manifest {
	root: string;
	output: string;
	exitCode: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function pidAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** The build of `name`, made now or earlier by whichever caller came first. Throws with the build's log when it failed. */
export async function sharedFixtureSite(name: FixtureName): Promise<SharedSite> {
	const definition: FixtureDefinition = FIXTURE_SITES[name];
	const key = `${name}-${digestOf(name, definition)}`;
	const manifestFile = path.join(CACHE, `${key}.json`);
	const lock = path.join(CACHE, `${key}.lock`);
	mkdirSync(CACHE, { recursive: true });
	for (;;) {
		const manifest = readManifest(manifestFile);
		if (manifest) return opened(name, manifest);
		try {
			mkdirSync(lock);
		} catch {
			// Someone else is building it: wait, unless they died holding the lock.
			let holder = 0;
			try {
				holder = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
			} catch {
				// Not written yet, or the lock is gone already.
			}
			if (holder && !pidAlive(holder)) rmSync(lock, { recursive: true, force: true });
			await sleep(250);
			continue;
		}
		try {
			writeFileSync(path.join(lock, 'pid'), String(process.pid));
			const built = await build(definition);
			writeFileSync(`${manifestFile}.tmp`, JSON.stringify(built));
			renameSync(`${manifestFile}.tmp`, manifestFile);
			return opened(name, built);
		} finally {
			rmSync(lock, { recursive: true, force: true });
		}
	}
}

function readManifest(file: string): Manifest | undefined {
	if (!existsSync(file)) return undefined;
	const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
	// The temporary folder may have been cleaned since; then build again.
	if (manifest.exitCode === 0 && !existsSync(path.join(manifest.root, 'dist/index.html'))) {
		rmSync(file);
		return undefined;
	}
	return manifest;
}

async function build(definition: FixtureDefinition): Promise<Manifest> {
	const content = Object.fromEntries(
		Object.entries(definition.content).map(([target, source]) => [
			target,
			Array.isArray(source) ? source.map((s) => path.join(REPO, s)) : path.join(REPO, source),
		]),
	);
	const site = await buildFixtureSite({ ...definition, content, options: absoluteOptions(definition.options) });
	let output = site.output;
	let exitCode = site.exitCode;
	if (exitCode === 0 && definition.pagefind) {
		try {
			const pagefind = await promisify(execFile)(path.join(REPO, 'node_modules/.bin/pagefind'), ['--site', 'dist'], { cwd: site.root });
			output += pagefind.stdout + pagefind.stderr;
		} catch (error) {
			output += `\npagefind failed: ${(error as Error).message}`;
			exitCode = 1;
		}
	}
	return { root: site.root, output, exitCode };
}

function opened(name: FixtureName, { root, output, exitCode }: Manifest): SharedSite {
	if (exitCode !== 0)
		throw new Error(
			`fixture site "${name}" failed to build (exit code ${exitCode}) in ${root}; it is not retried until its inputs change or ${CACHE} is removed:\n${output.slice(-4000)}`,
		);
	const dist = path.join(root, 'dist');
	return { name, root, dist, output, read: (urlPath) => readFile(path.join(dist, urlPath), 'utf8') };
}
