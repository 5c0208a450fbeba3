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
 * `public/`. A file survives only if this build wrote it (it is newer than
 * the build's start) or Astro reports it as a page it kept.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, rmSync, rmdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface StaleOutput {
	removed: string[];
}

/**
 * The clean-up as its own integration, added after every other one, so that
 * it runs once they have all written their files (the sitemap, for one).
 */
export function removeStaleOutputIntegration(): AstroIntegration {
	let buildStart = 0;
	return {
		name: 'project-pages:keep-output',
		hooks: {
			'astro:build:start': () => {
				buildStart = Date.now();
			},
			'astro:build:done': ({ dir, assets, logger }) => {
				const { removed } = removeStaleOutput(dir, assets.values(), buildStart);
				if (removed.length > 0)
					logger.info(`Removed ${removed.length} file(s) this build no longer produces, e.g. ${removed.slice(0, 3).join(', ')}`);
			},
		},
	};
}

/**
 * Deletes files under `outDir` older than `buildStart` that are not among
 * `produced` (the `assets` of astro:build:done: every route's files, whether
 * rendered now or kept from the last build), then any folder left empty.
 */
export function removeStaleOutput(outDir: URL, produced: Iterable<URL[]>, buildStart: number): StaleOutput {
	const root = fileURLToPath(outDir);
	const keep = new Set<string>();
	for (const urls of produced) for (const url of urls) keep.add(path.resolve(fileURLToPath(url)));
	const removed: string[] = [];
	const walk = (dir: string): boolean => {
		let empty = true;
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) {
				if (walk(full)) rmdirSync(full);
				else empty = false;
			} else if (!keep.has(full) && statSync(full).mtimeMs < buildStart) {
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
