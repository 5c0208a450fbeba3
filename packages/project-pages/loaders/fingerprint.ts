/**
 * A hash of the code that turns a file into a stored entry (schemas,
 * markdown pipeline, extractors, these loaders). It goes into every entry's
 * digest, so that a cached entry is re-rendered when that code changes, not
 * only when its text does: otherwise an upgrade would keep serving pages
 * rendered by the old pipeline from Astro's content store.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PIPELINE_DIRS = ['content', 'markdown', 'loaders'];
/** Single files outside those folders that the pipeline imports. */
const PIPELINE_FILES = ['ci/references.ts'];
/** Packages whose upgrade changes the HTML the pipeline writes. */
const PIPELINE_PACKAGES = ['satteri', '@astrojs/markdown-satteri', 'shiki', 'js-yaml', 'yaml', 'zod'];
let cached: string | undefined;

export function pipelineFingerprint(): string {
	if (cached) return cached;
	const hash = createHash('sha256');
	try {
		const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
		for (const dir of PIPELINE_DIRS) {
			const folder = path.join(root, dir);
			for (const name of readdirSync(folder)
				.filter((n) => n.endsWith('.ts'))
				.sort()) {
				hash.update(name).update(readFileSync(path.join(folder, name)));
			}
		}
		for (const file of PIPELINE_FILES) hash.update(file).update(readFileSync(path.join(root, file)));
		for (const name of PIPELINE_PACKAGES) hash.update(name).update(packageVersion(name));
	} catch {
		// Bundled somewhere without its sources: fall back to a per-process value, which re-renders everything once.
		hash.update(String(process.pid) + Date.now());
	}
	cached = hash.digest('hex').slice(0, 16);
	return cached;
}

/** A package's version, found from its entry point, since some packages do not export package.json. */
function packageVersion(name: string): string {
	try {
		let dir = path.dirname(fileURLToPath(import.meta.resolve(name)));
		for (;;) {
			const manifest = path.join(dir, 'package.json');
			if (existsSync(manifest)) {
				const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
				if (pkg.name === name) return pkg.version ?? '';
			}
			const parent = path.dirname(dir);
			if (parent === dir) return '';
			dir = parent;
		}
	} catch {
		return '';
	}
}
