/**
 * The package's public face, pinned as unified's plugins pin theirs: the
 * exports map, the bin, the peer dependencies, and the names each entry
 * point exports (values and types, read by TypeScript as an adopter's
 * editor reads them). A change here is a change to what adopters import:
 * make it on purpose, and say so in the package's README.
 *
 * It also holds the package to its manifest: it imports every package it
 * declares, and declares every package it imports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const PACKAGE = path.resolve(import.meta.dirname, '../../packages/project-pages');
const manifest = JSON.parse(readFileSync(path.join(PACKAGE, 'package.json'), 'utf8')) as {
	exports: Record<string, string>;
	bin: Record<string, string>;
	types: string;
	files: string[];
	peerDependencies: Record<string, string>;
	peerDependenciesMeta: Record<string, { optional?: boolean }>;
	dependencies: Record<string, string>;
	devDependencies: Record<string, string>;
	scripts: Record<string, string>;
};

describe('package.json', () => {
	it('exports these entry points and nothing else', () => {
		expect(manifest.exports).toEqual({
			'.': './index.ts',
			'./collections': './collections.ts',
			'./schemas': './schemas.ts',
			'./site': './site.ts',
			'./types': './types.ts',
			'./components/*': './components/*',
			'./layouts/Page.astro': './layouts/Page.astro',
			'./styles/*': './styles/*',
			'./package.json': './package.json',
		});
		expect(manifest.types).toBe('./index.ts');
		expect(manifest.bin).toEqual({ 'project-pages': './bin/project-pages.mjs' });
	});

	it('has Astro as a peer, and MDX as an optional one (only .mdx posts need it)', () => {
		expect(Object.keys(manifest.peerDependencies).sort()).toEqual(['@astrojs/mdx', 'astro']);
		expect(manifest.peerDependenciesMeta).toEqual({ '@astrojs/mdx': { optional: true } });
	});
});

/** Every name an entry point exports, as TypeScript resolves it (re-exports followed). */
function exportedNames(entries: string[]): Record<string, string[]> {
	const files = entries.map((entry) => path.join(PACKAGE, entry));
	const program = ts.createProgram(files, {
		allowImportingTsExtensions: true,
		noEmit: true,
		module: ts.ModuleKind.ESNext,
		moduleResolution: ts.ModuleResolutionKind.Bundler,
		target: ts.ScriptTarget.ES2022,
		skipLibCheck: true,
		types: [],
	});
	const checker = program.getTypeChecker();
	return Object.fromEntries(
		entries.map((entry, i) => {
			const symbol = checker.getSymbolAtLocation(program.getSourceFile(files[i]!)!)!;
			return [
				entry,
				checker
					.getExportsOfModule(symbol)
					.map((s) => s.name)
					.sort(),
			];
		}),
	);
}

describe('what each entry point exports', () => {
	const names = exportedNames(['index.ts', 'collections.ts', 'schemas.ts', 'site.ts', 'types.ts']);

	it('.: the integration, and the types of its options', () => {
		expect(names['index.ts']).toEqual(['INTEGRATION_NAME', 'ProjectPagesOptions', 'ProjectPagesUserOptions', 'default']);
	});

	it('./collections: the collections, open to a site’s own fields', () => {
		expect(names['collections.ts']).toEqual([
			'KindExtensions',
			'ProjectPagesCollections',
			'ProjectPagesCollectionsOptions',
			'projectPagesCollections',
		]);
	});

	it('./schemas: the content schemas and field rules, for extensions', () => {
		expect(names['schemas.ts']).toEqual([
			'BlogData',
			'BlogEntryData',
			'BlogEntrySchema',
			'BlogFields',
			'ContentDate',
			'DiscussionUrl',
			'ENTRY_SCHEMAS',
			'FRONT_MATTER_SCHEMAS',
			'GitHubHandle',
			'KindExtensions',
			'MinutesData',
			'MinutesEntryData',
			'MinutesEntrySchema',
			'MinutesFields',
			'NonEmptyString',
			'PROJECT_DIFFICULTIES',
			'PROJECT_SIZES',
			'PROJECT_STATUSES',
			'PeopleFile',
			'Permalink',
			'PersonData',
			'PersonFields',
			'PersonRef',
			'ProjectData',
			'ProjectEntryData',
			'ProjectEntrySchema',
			'ProjectFields',
			'RFC_STATUSES',
			'RepoName',
			'RfcData',
			'RfcEntryData',
			'RfcEntrySchema',
			'RfcFields',
			'frontMatterSchema',
			'listOf',
		]);
	});

	it('./site: the options and URL helpers, for a site’s own pages and overrides', () => {
		expect(names['site.ts']).toEqual([
			'SiteData',
			'absoluteUrl',
			'base',
			'config',
			'entryUrl',
			'link',
			'personUrl',
			'section',
			'sectionFileUrl',
			'sectionUrl',
			'siteData',
			'tagUrl',
		]);
	});

	it('./types: types only', () => {
		expect(names['types.ts']).toEqual([
			'ComponentSlot',
			'ContentKind',
			'KindExtensions',
			'LabelOption',
			'Minutes',
			'PageProps',
			'PageSection',
			'PersonData',
			'Post',
			'Project',
			'ProjectPagesCollectionsOptions',
			'ProjectPagesOptions',
			'ProjectPagesUserOptions',
			'Rfc',
			'Section',
			'SectionKey',
			'Sections',
			'SiteData',
		]);
	});

	it('./components/*: the default of every component slot is there to reuse', async () => {
		const { COMPONENT_SLOTS } = await import('../../packages/project-pages/options.ts');
		expect([...COMPONENT_SLOTS]).toEqual(['Head', 'Logo', 'Sidebar', 'StatusStrip', 'Footer']);
		for (const file of ['HeadLinks.astro', 'Logo.astro', 'Sidebar.astro', 'status/ToolchainStrip.astro', 'Footer.astro']) {
			expect(readdirSync(path.join(PACKAGE, 'components', path.dirname(file)))).toContain(path.basename(file));
		}
	});
});

/** The packages a folder's modules import (type-only imports included: their types are the package's API too). */
function importedPackages(): Set<string> {
	const found = new Set<string>();
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) {
				if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(full);
				continue;
			}
			if (!/\.(ts|mjs|astro|css)$/.test(entry.name) || entry.name.endsWith('.d.ts')) continue;
			// Comments quote imports as examples.
			const text = readFileSync(full, 'utf8')
				.replace(/\/\*[\s\S]*?\*\//g, '')
				.replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
			for (const match of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*|@import\s+)['"]([^'"./][^'"]*)['"]/g)) {
				const specifier = match[1]!;
				// Node's built-in modules have their types in @types/node, which the package declares for them.
				if (specifier.startsWith('node:')) found.add('node');
				if (/^(node|astro|virtual):/.test(specifier)) continue;
				const parts = specifier.split('/');
				found.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
			}
		}
	};
	walk(PACKAGE);
	return found;
}

describe('the manifest and the code agree', () => {
	const imported = importedPackages();
	// Type packages are declared under @types/ and imported by the name they describe.
	const declared = new Set(
		[...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies)].map((name) => name.replace(/^@types\//, '')),
	);
	// @astrojs/mdx is a peer for the .mdx posts it compiles: Astro imports it, the package does not.
	const peersNotImported = new Set(['@astrojs/mdx']);

	it('declares every package it imports', () => {
		expect([...imported].filter((name) => !declared.has(name) && name !== 'astro-project-pages').sort()).toEqual([]);
	});

	it('imports every package it declares', () => {
		expect([...declared].filter((name) => !imported.has(name) && !peersNotImported.has(name)).sort()).toEqual([]);
	});

	it('bundles its command with esbuild when packed, and declares it', () => {
		// One entry, dist/cli.mjs, and a chunk per command beside it (--splitting), loaded when that command runs.
		expect(manifest.scripts.prepack).toMatch(
			/^esbuild cli\/main\.ts --bundle --splitting .*--packages=external .*--outdir=dist --entry-names=cli .*--out-extension:\.js=\.mjs/,
		);
		expect(Object.keys(manifest.devDependencies)).toEqual(['esbuild']);
	});
});
