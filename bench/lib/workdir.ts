// Builds the throwaway site folders under bench/.work/<N>/: the bare-Astro
// baseline and a copy of this site, both reading the generated corpus.

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { join, sep } from 'node:path';
import { KINDS } from './corpus.ts';

/** What of the repo makes up the site. Missing paths are skipped. */
export const SITE_PATHS = [
	'src',
	'public',
	'astro.config.mjs',
	'astro.config.ts',
	'project-pages.config.mjs',
	'tsconfig.json',
	'package.json',
] as const;

/** Caches Astro and Vite keep between builds; deleting them makes a build cold. */
const CACHE_PATHS = ['.astro', 'dist', 'node_modules/.astro', 'node_modules/.vite'];

/**
 * A node_modules whose entries are symlinks to the repo's packages. Linking
 * the folder itself would make every work dir share `node_modules/.astro`
 * (Astro's cacheDir: the content-layer store lives there) with the repo and
 * with each other, so cold and warm builds would not be what they say.
 */
function linkNodeModules(repo: string, dir: string): void {
	const target = join(dir, 'node_modules');
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target);
	const workspace = join(realpathSync(repo), 'packages') + sep;
	for (const name of readdirSync(join(repo, 'node_modules'))) {
		if (name === '.astro' || name === '.vite' || name === '.cache') continue;
		const source = join(repo, 'node_modules', name);
		// A workspace package (the integration) is copied, as an install would: linked, its
		// files would lie outside the work dir's root, where Astro's compiler does not expect them.
		if (realpathSync(source).startsWith(workspace)) cpSync(realpathSync(source), join(target, name), { recursive: true });
		else symlinkSync(source, join(target, name));
	}
}

/**
 * Copies the corpus into `dir/content`. A copy, not a symlink: the glob
 * loader and Vite resolve real paths, and a corpus outside the root would
 * change what they watch and how they name entries.
 */
function copyCorpus(corpus: string, dir: string): void {
	rmSync(join(dir, 'content'), { recursive: true, force: true });
	cpSync(corpus, join(dir, 'content'), { recursive: true });
}

export function cleanCaches(dir: string): void {
	for (const p of CACHE_PATHS) rmSync(join(dir, p), { recursive: true, force: true });
}

export function prepareBaseline(repo: string, corpus: string, dir: string): void {
	rmSync(dir, { recursive: true, force: true });
	cpSync(join(repo, 'bench', 'baseline'), dir, { recursive: true });
	copyCorpus(corpus, dir);
	linkNodeModules(repo, dir);
}

export function siteExists(repo: string): boolean {
	return existsSync(join(repo, 'astro.config.mjs')) || existsSync(join(repo, 'astro.config.ts'));
}

/**
 * A copy of this site whose content is the generated corpus. Anything else
 * the repo keeps in content/ (a status snapshot, other data files) is copied
 * too, so the site finds what it expects; the four kinds and people.yaml are
 * replaced by the corpus. `modules` is the checkout whose node_modules to use.
 */
export function prepareSite(repo: string, modules: string, corpus: string, dir: string): void {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	for (const p of SITE_PATHS) {
		if (existsSync(join(repo, p))) cpSync(join(repo, p), join(dir, p), { recursive: true });
	}
	copyCorpus(corpus, dir);
	const replaced = new Set<string>([...KINDS, 'people.yaml']);
	const repoContent = join(repo, 'content');
	if (existsSync(repoContent)) {
		for (const name of readdirSync(repoContent)) {
			if (!replaced.has(name)) cpSync(join(repoContent, name), join(dir, 'content', name), { recursive: true });
		}
	}
	linkNodeModules(modules, dir);
}

/**
 * Extracts a commit's site files into `dir`, so a run can measure a fixed
 * state while others edit the working tree.
 */
export function exportRef(repo: string, ref: string, dir: string): void {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const tracked = execFileSync('git', ['-C', repo, 'ls-tree', '--name-only', ref], { encoding: 'utf8' }).split('\n');
	const paths = [...SITE_PATHS, 'content'].filter((p) => tracked.includes(p));
	const tar = execFileSync('git', ['-C', repo, 'archive', ref, ...paths]);
	execFileSync('tar', ['-x', '-C', dir], { input: tar });
}

/** Counts the HTML pages a build wrote. */
export function countPages(dir: string): number {
	const dist = join(dir, 'dist');
	if (!existsSync(dist)) return 0;
	return readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
}
