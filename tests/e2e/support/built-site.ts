/** The pages of the built site, read from `dist/` when a test runs. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST } from './paths.ts';

export interface BuiltPage {
	/** Where the page is served: `/blog/x/` for `blog/x/index.html`. */
	url: string;
	/** Relative to the site folder, with `/` separators. */
	file: string;
	/** Where a redirect page (a meta refresh: an old address, `oldPaths` or `atRoot`) sends the browser. */
	redirectsTo?: string;
}

const META_REFRESH = /<meta http-equiv="refresh" content="0; url=([^"]+)"/;

/** Folders of generated assets, not pages. */
const ASSET_DIRS = new Set(['_astro', 'pagefind']);

/** Every file under `root`, relative with `/` separators, sorted. */
export function distFiles(root = DIST): string[] {
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else files.push(path.relative(root, full).split(path.sep).join('/'));
		}
	};
	walk(root);
	return files.sort();
}

/** Every HTML page of the site; the 404 page is served at any missing URL. */
export function builtPages(root = DIST): BuiltPage[] {
	return distFiles(root)
		.filter((file) => file.endsWith('.html') && !ASSET_DIRS.has(file.split('/')[0]!))
		.map((file) => {
			const redirect = META_REFRESH.exec(readFileSync(path.join(root, file), 'utf8'))?.[1];
			return { file, url: urlOf(file), ...(redirect ? { redirectsTo: redirect } : {}) };
		});
}

export function urlOf(file: string): string {
	if (file === 'index.html') return '/';
	if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
	return `/${file}`;
}

export function readDist(file: string, root = DIST): string {
	return readFileSync(path.join(root, file), 'utf8');
}
