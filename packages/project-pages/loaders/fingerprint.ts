/**
 * A hash of the code that turns a file into a stored entry: these loaders
 * and every module they import, and the versions of the packages those
 * import (Sätteri, its Shiki, the YAML parsers). It goes into every entry's
 * digest, so that a cached entry is re-rendered when that code changes, not
 * only when its text does: otherwise an upgrade would keep serving pages
 * rendered by the old pipeline from Astro's content store.
 *
 * The modules are found by following the loaders' imports, not from a list,
 * so a module the pipeline starts to use is covered without anyone
 * remembering to add it. The package ships its sources, so this works the
 * same in node_modules as in the repository; should they ever be missing
 * (bundled elsewhere), the package's own name and version stand in.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the pipeline starts: the loaders of the markdown kinds. */
const ENTRIES = ['markdown-loader.ts', 'blog-loader.ts'];
/**
 * Packages the pipeline reaches only through another one, whose upgrade still
 * changes the HTML: Shiki, through @astrojs/markdown-satteri's helpers.
 */
const INDIRECT: readonly (readonly string[])[] = [['@astrojs/markdown-satteri', '@astrojs/internal-helpers', 'shiki']];

// Static imports and re-exports (`import … from`, `export … from`, `import '…'`) and dynamic `import('…')`;
// `import type` is left out, since types change no output.
const IMPORT = /\b(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

let cached: string | undefined;

export function pipelineFingerprint(): string {
	cached ??= computeFingerprint(path.dirname(fileURLToPath(import.meta.url)));
	return cached;
}

/** The fingerprint of the pipeline whose loaders are in `loadersDir`. */
export function computeFingerprint(loadersDir: string): string {
	const hash = createHash('sha256');
	const root = path.dirname(loadersDir);
	try {
		const { files, packages } = pipelineSources(ENTRIES.map((name) => path.join(loadersDir, name)));
		for (const file of files) hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
		for (const name of packages) hash.update(`${name}@${packageVersion(name, root)}\0`);
		for (const chain of INDIRECT) hash.update(`${chain.join('>')}@${chainVersion(chain, root)}\0`);
	} catch {
		hash.update(ownVersion(root));
	}
	return hash.digest('hex').slice(0, 16);
}

/** Every module reachable from `entries` through relative imports, sorted, and the packages they import. */
export function pipelineSources(entries: readonly string[]): { files: string[]; packages: string[] } {
	const files = new Set<string>();
	const packages = new Set<string>();
	const visit = (file: string) => {
		if (files.has(file)) return;
		files.add(file);
		for (const match of withoutComments(readFileSync(file, 'utf8')).matchAll(IMPORT)) {
			const specifier = match[1] ?? match[2]!;
			if (specifier.startsWith('.')) visit(path.resolve(path.dirname(file), specifier));
			else if (!/^(node|astro|virtual):/.test(specifier)) packages.add(packageName(specifier));
		}
	};
	for (const entry of entries) visit(entry);
	return { files: [...files].sort(), packages: [...packages].sort() };
}

/** Comments quote imports as examples; a `//` inside a string only loses the rest of its line, which holds no import. */
function withoutComments(source: string): string {
	return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
function packageName(specifier: string): string {
	const parts = specifier.split('/');
	return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/**
 * The folder of package `name` as Node finds it from `from`: the nearest
 * `node_modules/<name>` up the tree. (Resolving its entry point instead
 * depends on its exports map, and some packages export no package.json.)
 */
function packageDir(name: string, from: string): string | undefined {
	for (let dir = from; ; dir = path.dirname(dir)) {
		const candidate = path.join(dir, 'node_modules', name);
		if (existsSync(path.join(candidate, 'package.json'))) return candidate;
		if (path.dirname(dir) === dir) return undefined;
	}
}

function versionIn(dir: string | undefined): string {
	if (!dir) return '';
	return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version?: string }).version ?? '';
}

function packageVersion(name: string, from: string): string {
	return versionIn(packageDir(name, from));
}

/** The version of the last package of `chain`, each found from the one before. */
function chainVersion(chain: readonly string[], from: string): string {
	let dir: string | undefined = from;
	for (const name of chain) dir = dir && packageDir(name, dir);
	return versionIn(dir);
}

function ownVersion(root: string): string {
	try {
		const own = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name?: string; version?: string };
		return `${own.name}@${own.version}`;
	} catch {
		return 'astro-project-pages';
	}
}
