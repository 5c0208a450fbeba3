/** The pages of the built site, read from `dist/` when a test runs. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST } from './paths.ts';

export interface BuiltPage {
	/** Where the page is served: `/blog/x/` for `blog/x/index.html`. */
	url: string;
	/** Relative to dist/. */
	file: string;
}

/** Folders in dist/ that hold generated assets, not pages. */
const ASSET_DIRS = new Set(['_astro', 'pagefind']);

/** Every file under dist/, relative, sorted. */
export function distFiles(dir = DIST): string[] {
	const files: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) files.push(...distFiles(full));
		else files.push(path.relative(DIST, full));
	}
	return files.sort();
}

/** Every HTML page of the site; the 404 page is served at any missing URL. */
export function builtPages(): BuiltPage[] {
	return distFiles()
		.filter((file) => file.endsWith('.html') && !ASSET_DIRS.has(file.split(path.sep)[0]!))
		.map((file) => ({ file, url: urlOf(file) }));
}

export function urlOf(file: string): string {
	const posix = file.split(path.sep).join('/');
	if (posix === 'index.html') return '/';
	if (posix.endsWith('/index.html')) return `/${posix.slice(0, -'index.html'.length)}`;
	return `/${posix}`;
}

export function readDist(file: string): string {
	return readFileSync(path.join(DIST, file), 'utf8');
}

/** The pages whose URL starts with `prefix`, e.g. `/blog/`. */
export function pagesUnder(prefix: string): BuiltPage[] {
	return builtPages().filter((page) => page.url.startsWith(prefix));
}
