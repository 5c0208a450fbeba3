/**
 * Keeps `dist/` between incremental builds, and removes what a build no
 * longer produces.
 *
 * Astro's incremental build skips a page whose cache key is unchanged; when
 * the page's file is still in `dist/` it is left alone, otherwise Astro
 * copies it back from its cache. By default `dist/` is emptied first, so a
 * one-file rebuild of 5,000 pages spent 6 s copying the other 4,999 back
 * (bench/README.md). Keeping `dist/` needs the clean-up Astro's emptying
 * did: pages of deleted entries, old hashed assets, files removed from
 * `public/`. A file survives if this build wrote it (it is newer than the
 * build's start), Astro reports it as a page it kept, or it is in `public/`.
 *
 * A build that did not finish (it crashed, or was stopped) leaves `dist/`
 * in a state nothing vouches for: a folder where a page's file belongs, a
 * page half written. Its start marker is still there, so the next build
 * knows, and starts from an empty `dist/` (Astro's cache still spares it
 * rendering the unchanged pages).
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readdirSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface StaleOutput {
	removed: string[];
}

/** Written when a build starts; its own time is the cut-off, so no clock but the filesystem's is compared. */
const START_MARKER = '.project-pages-build-start';

/**
 * The clean-up as its own integration, added after every other one, so that
 * it runs once they have all written their files (the sitemap, for one).
 */
export function removeStaleOutputIntegration(publicDir: URL): AstroIntegration {
	let outDir: URL;
	return {
		name: 'project-pages:keep-output',
		hooks: {
			'astro:config:done': ({ config }) => {
				outDir = config.outDir;
			},
			'astro:build:start': ({ logger }) => {
				mkdirSync(outDir, { recursive: true });
				const marker = new URL(START_MARKER, outDir);
				if (existsSync(marker)) {
					const removed = emptyOutput(fileURLToPath(outDir));
					logger.warn(`The last build did not finish, so its output was removed (${removed} entries) before this one`);
				}
				writeFileSync(marker, '');
			},
			'astro:build:done': ({ dir, assets, logger }) => {
				const marker = fileURLToPath(new URL(START_MARKER, dir));
				if (!existsSync(marker)) return logger.warn(`${marker} is missing, so nothing was cleaned up after this build`);
				const buildStart = fileTime(marker);
				rmSync(marker, { force: true });
				const { removed } = removeStaleOutput(dir, assets.values(), buildStart, fileURLToPath(publicDir));
				if (removed.length > 0)
					logger.info(`Removed ${removed.length} file(s) this build no longer produces, e.g. ${removed.slice(0, 3).join(', ')}`);
			},
		},
	};
}

/** Removes everything in `outDir` but a `.git` (a gh-pages worktree); returns how many entries went. */
export function emptyOutput(outDir: string): number {
	let removed = 0;
	for (const entry of readdirSync(outDir)) {
		if (entry === '.git') continue;
		rmSync(path.join(outDir, entry), { recursive: true, force: true });
		removed++;
	}
	return removed;
}

/**
 * When a file was last written. A copy may keep its source's mtime (Vite
 * copies public/ with copyFileSync, which does on macOS and Windows), but
 * never its ctime, which is set when the copy is made.
 */
function fileTime(file: string): number {
	const { mtimeMs, ctimeMs } = statSync(file);
	return Math.max(mtimeMs, ctimeMs);
}

/**
 * Deletes files under `outDir` written before `buildStart` that are not among
 * `produced` (the `assets` of astro:build:done: every route's files, whether
 * rendered now or kept from the last build) and not in `publicDir`, then any
 * folder left empty. A `.git` folder or file (a gh-pages worktree) is never
 * entered.
 */
export function removeStaleOutput(outDir: URL, produced: Iterable<URL[]>, buildStart: number, publicDir?: string): StaleOutput {
	const root = fileURLToPath(outDir);
	const keep = new Set<string>();
	for (const urls of produced) for (const url of urls) keep.add(path.resolve(fileURLToPath(url)));
	const fromPublic = (full: string) => !!publicDir && existsSync(path.join(publicDir, path.relative(root, full)));
	const removed: string[] = [];
	const walk = (dir: string): boolean => {
		let empty = true;
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.name === '.git') {
				empty = false;
			} else if (entry.isDirectory()) {
				if (walk(full)) rmdirSync(full);
				else empty = false;
			} else if (!keep.has(full) && fileTime(full) < buildStart && !fromPublic(full)) {
				rmSync(full, { force: true });
				removed.push(path.relative(root, full).split(path.sep).join('/'));
			} else {
				empty = false;
			}
		}
		return empty;
	};
	walk(root);
	return { removed: removed.sort() };
}
