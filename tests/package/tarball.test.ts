/**
 * The package as another project gets it: `npm pack` in its folder, the
 * tarball installed into a fresh Astro project (from the npm registry,
 * through npm's cache), and that project built with its own content: the
 * minimal setup the README shows, with only minutes and a post (no people
 * file, no RFCs, no projects, no CI). Then its command, from node_modules,
 * where Node does not strip TypeScript types: the bundle made when packing.
 *
 * Last, `astro check` on a page of the adopter's own that reads a field it
 * added with `extend`: the package's types, from node_modules, reach it;
 * and `tsc`, which type-checks the package's sources the site imports.
 *
 * One install serves every test here; it is the slow part (npm's cache
 * makes it tens of seconds).
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipelineSources } from '../../packages/project-pages/loaders/fingerprint.ts';
import { builtPages } from '../e2e/support/built-site.ts';
import { checkLinks } from '../site/support/check-links.ts';

const run = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, '../..');
const PACKAGE = path.join(REPO, 'packages/project-pages');
/** The repository's own versions, which npm's cache has. */
const versionOf = (name: string) =>
	(JSON.parse(readFileSync(path.join(REPO, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let work: string;
let tarball: string;
let packed: string[];
let project: string;
let build: { code: number; output: string };

/** A command's exit code and output; never throws. */
async function exec(command: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
	const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', GITHUB_TOKEN: '', GITHUB_ACTIONS: '' };
	return run(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }).then(
		(r) => ({ code: 0, ...r }),
		(e: { code?: number; stdout?: string; stderr?: string }) => ({ code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }),
	);
}

/** The adopter's command, from its node_modules, on the Node that runs the tests. */
const projectPages = (...args: string[]) =>
	exec(process.execPath, [path.join(project, 'node_modules/.bin/project-pages'), ...args], project);

const files: Record<string, string> = {
	'package.json': '',
	// What the issue shows a minimal adopter writes, and nothing more.
	'astro.config.mjs': `import { defineConfig } from 'astro/config';
import projectPages from 'astro-project-pages';
export default defineConfig({ site: 'https://example.org', integrations: [projectPages({ title: 'Example', description: 'An example project.' })] });
`,
	'src/content.config.ts': `import { projectPagesCollections } from 'astro-project-pages/collections';
export const collections = projectPagesCollections();
`,
	'content/minutes/2026-01-07.md':
		'---\ndate: 2026-01-07\nchair: Ada\nattendees: [Ada, Bob]\n---\n\n## Notes\n\nAction: Ada to write the docs.\n',
	'content/blog/hello.md':
		'---\ntitle: Hello\ndate: 2026-01-08\ntags: [news]\n---\n\nFirst post. See [the first call](/minutes/2026-01-07/) and [its notes](../minutes/2026-01-07/).\n',
};

/**
 * Where the package is packed: a copy, because packing writes into the folder (the bundle, then
 * removes it) and other tests copy and digest the package meanwhile. Under the repository's
 * node_modules, so that the pack script finds esbuild there as it does in the package itself.
 */
let packFrom: string;

beforeAll(async () => {
	work = await mkdtemp(path.join(tmpdir(), 'project-pages-tarball-'));
	await mkdir(path.join(REPO, 'node_modules/.cache'), { recursive: true });
	packFrom = path.join(await mkdtemp(path.join(REPO, 'node_modules/.cache/project-pages-pack-')), 'project-pages');
	await cp(PACKAGE, packFrom, { recursive: true });
	const pack = await exec(NPM, ['pack', '--json', '--pack-destination', work], packFrom);
	if (pack.code !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
	const [info] = JSON.parse(pack.stdout) as [{ filename: string; files: { path: string }[] }];
	tarball = path.join(work, info.filename);
	packed = info.files.map((f) => f.path).sort();

	project = path.join(work, 'adopter');
	files['package.json'] = JSON.stringify({
		name: 'adopter',
		private: true,
		type: 'module',
		dependencies: { astro: versionOf('astro'), 'astro-project-pages': `file:${tarball}` },
		// For `astro check`, which type-checks the adopter's pages against the package's types.
		devDependencies: { '@astrojs/check': versionOf('@astrojs/check'), typescript: versionOf('typescript') },
	});
	for (const [file, text] of Object.entries(files)) {
		await mkdir(path.dirname(path.join(project, file)), { recursive: true });
		await writeFile(path.join(project, file), text);
	}
	const install = await exec(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], project);
	if (install.code !== 0) throw new Error(`npm install of the tarball failed:\n${install.stderr}`);
	const astro = await exec(process.execPath, [path.join(project, 'node_modules/astro/bin/astro.mjs'), 'build'], project);
	build = { code: astro.code, output: `${astro.stdout}\n${astro.stderr}` };
}, 600_000);

afterAll(async () => {
	await rm(work, { recursive: true, force: true });
	if (packFrom) await rm(path.dirname(packFrom), { recursive: true, force: true });
});

describe('npm pack', () => {
	it('packs the sources, the bundled command, the README and the licence, and nothing of the repository', () => {
		expect(packed).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'index.ts', 'collections.ts', 'virtual.d.ts']));
		expect(packed).toEqual(expect.arrayContaining(['bin/project-pages.mjs', 'dist/cli.mjs', 'cli/templates/rfc.md', 'layouts/Page.astro']));
		// Each command's code in a file of its own, beside dist/cli.mjs, loaded only when that command runs.
		expect(packed.filter((f) => /^dist\/(check|new|status-refresh|changed-pages)-\w+\.mjs$/.test(f))).toHaveLength(4);
		expect(packed.filter((f) => /(^|\/)(tests?|node_modules|\.astro)\//.test(f) || f.endsWith('.test.ts'))).toEqual([]);
		// The bundle is made for the tarball only; the repository runs the sources.
		expect(existsSync(path.join(packFrom, 'dist'))).toBe(false);
	});

	it('packs every file its exports map and bin point to', () => {
		const manifest = JSON.parse(readFileSync(path.join(PACKAGE, 'package.json'), 'utf8')) as { exports: Record<string, string> };
		for (const target of Object.values(manifest.exports)) {
			const file = target.replace(/^\.\//, '');
			if (file.endsWith('*')) expect(packed.some((f) => f.startsWith(file.slice(0, -1)))).toBe(true);
			else expect(packed).toContain(file);
		}
	});

	it('packs every module the content pipeline reaches, so its fingerprint is read from the installed sources', () => {
		const installed = path.join(project, 'node_modules/astro-project-pages');
		const entries = ['markdown-loader.ts', 'blog-loader.ts'].map((name) => path.join(installed, 'loaders', name));
		const { files: reached } = pipelineSources(entries);
		expect(reached.length).toBeGreaterThan(20);
		expect(reached.map((f) => path.relative(installed, f)).filter((f) => !packed.includes(f))).toEqual([]);
	});
});

describe('a fresh Astro project with the tarball installed', () => {
	it('builds with only minutes and a post, no people file, no RFCs, no projects and no CI', () => {
		expect(build.output).toMatch(/\d+ page\(s\) built/);
		expect(build.code, build.output).toBe(0);
	});

	it('builds without a warning: a site with no RFCs, projects, people file or MDX has nothing to fix', () => {
		// Astro warned for each empty collection ("does not exist or is empty") and for the MDX glob that found no files.
		expect(build.output.split('\n').filter((line) => line.includes('[WARN]'))).toEqual([]);
	});

	it('has the pages of its content, at the neutral default paths', async () => {
		const urls = builtPages(path.join(project, 'dist')).map((p) => p.url);
		expect(urls).toEqual(
			expect.arrayContaining(['/', '/minutes/', '/minutes/2026-01-07/', '/minutes/actions/', '/blog/', '/blog/hello/', '/tags/news/']),
		);
		expect(urls).toEqual(expect.arrayContaining(['/rfcs/', '/projects/', '/people/', '/search/', '/404.html']));
		const call = await readFile(path.join(project, 'dist/minutes/2026-01-07/index.html'), 'utf8');
		expect(call).toContain('<h1>Minutes: 2026-01-07</h1>');
		expect(call).toMatch(/<dt>Actions<\/dt><dd><ul class="actions"><li>☐ <span class="person">Ada<\/span>: write the docs\.<\/li>/);
		const post = await readFile(path.join(project, 'dist/blog/hello/index.html'), 'utf8');
		expect(post).toContain('<a href="/minutes/2026-01-07/">the first call</a>');
		expect(post).toContain('<a href="/minutes/2026-01-07/">its notes</a>');
		// No RFCs: the index says so, and how to propose the first.
		expect(await readFile(path.join(project, 'dist/rfcs/index.html'), 'utf8')).toMatch(
			/No RFCs yet\. To propose the first, run <code>npx project-pages new rfc "Title"<\/code>/,
		);
		expect(existsSync(path.join(project, 'dist/minutes/rss.xml'))).toBe(true);
		expect(existsSync(path.join(project, 'dist/sitemap-index.xml'))).toBe(true);
	});

	it("speaks no one else's language: no MirageOS words, no toolchain strip without CI", async () => {
		for (const page of builtPages(path.join(project, 'dist'))) {
			const html = await readFile(path.join(project, 'dist', page.file), 'utf8');
			expect(html, page.url).not.toMatch(/MirageOS|Pioneer|Weekly call|\/weekly\/|mirage\//);
			expect(html, page.url).not.toContain('data-toolchain-strip');
		}
		expect(existsSync(path.join(project, 'dist/status'))).toBe(false);
	});

	it('has no broken internal link', () => {
		const report = checkLinks(path.join(project, 'dist'));
		expect(report.broken).toEqual([]);
		expect(report.checked).toBeGreaterThan(100);
	});
});

describe('its command, from node_modules', () => {
	it('checks the content: clean, then a broken file reported as path:line:column', { timeout: 120_000 }, async () => {
		const clean = await projectPages('check');
		expect(clean.stderr).toContain('check: 0 errors, 0 warnings in 2 files under content/');
		expect(clean.code).toBe(0);
		const file = path.join(project, 'content/blog/broken.md');
		await writeFile(file, '---\ntitle: Broken\ndate: 2026-02-30\n---\n\n[gone](/minutes/2026-01-08/)\n');
		try {
			const broken = await projectPages('check');
			expect(broken.code).toBe(1);
			expect(broken.stdout.trimEnd().split('\n')).toEqual([
				'content/blog/broken.md:3:7: date: must be a real calendar date (got "2026-02-30")',
				// A post is the maintainers': a dead link there is theirs to fix, a warning.
				'content/blog/broken.md:6:1: warning: link /minutes/2026-01-08/: must point at an existing page; no minutes have the permalink "2026-01-08"',
			]);
		} finally {
			// The next tests build this project: they must not fail for this test's file.
			await rm(file);
		}
	});

	it('writes new content from its templates, which the checker accepts', { timeout: 120_000 }, async () => {
		const rfc = await projectPages('new', 'rfc', 'A first proposal', '--author', 'Ada');
		expect(rfc.stdout).toBe('content/rfcs/0001-a-first-proposal.md\n');
		const text = await readFile(path.join(project, 'content/rfcs/0001-a-first-proposal.md'), 'utf8');
		expect(text).toContain('number: 1\ntitle: A first proposal\nstatus: draft\n');
		expect(text).not.toMatch(/mirage/i);
		const usage = await projectPages('new');
		expect(usage.code).toBe(2);
		expect(usage.stderr).toContain('say what to create: post, guide, minutes, rfc or project');
	});
});

describe('its types, from node_modules', () => {
	// astro check starts a language server and syncs the content: slow on a busy machine, hence its own timeout.
	it(
		"type-check a page of the adopter's own, in the package's frame, that reads a field it added with extend",
		{ timeout: 300_000 },
		async () => {
			await writeFile(
				path.join(project, 'tsconfig.json'),
				JSON.stringify({ extends: 'astro/tsconfigs/strict', include: ['.astro/types.d.ts', '**/*'], exclude: ['dist'] }),
			);
			await writeFile(
				path.join(project, 'src/content.config.ts'),
				`import { z } from 'astro/zod';
import { projectPagesCollections } from 'astro-project-pages/collections';
export const collections = projectPagesCollections({ extend: { minutes: z.object({ venue: z.string().optional() }) } });
`,
			);
			await mkdir(path.join(project, 'src/pages'), { recursive: true });
			await writeFile(
				path.join(project, 'src/pages/venues.astro'),
				`---
import { getCollection } from 'astro:content';
import { config, entryUrl } from 'astro-project-pages/site';
import Page from 'astro-project-pages/layouts/Page.astro';
import type { PageProps } from 'astro-project-pages/types';
const calls = await getCollection('minutes');
const frame: PageProps = { title: 'Venues', searchable: false };
const venue: string | undefined = calls[0]?.data.venue;
const title: string = config.title;
// @ts-expect-error: posts have no venue, so the field's type is real, not \`any\`
const none = (await getCollection('blog'))[0]?.data.venue;
---
<Page {...frame}><p>{title}: {calls.map((call) => <a href={entryUrl(call)}>{venue ?? none}</a>)}</p></Page>
`,
			);
			const check = await exec(process.execPath, [path.join(project, 'node_modules/astro/bin/astro.mjs'), 'check'], project);
			// eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
			const output = `${check.stdout}\n${check.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
			expect(output).toMatch(/- 0 errors/);
			expect(check.code, output).toBe(0);
			// tsc reaches the package's own .ts sources through content.config.ts: the types they import (js-yaml's, Node's) come with it.
			const tsc = await exec(process.execPath, [path.join(project, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', '.'], project);
			expect(`${tsc.stdout}${tsc.stderr}`).toBe('');
			expect(tsc.code).toBe(0);
		},
	);
});
