/**
 * Front matter is YAML and nothing else, in every place that reads it: the
 * one parser (content/front-matter.ts), the checker, the RFC history from
 * git, the changed-pages summary and the status loader's content scan.
 * gray-matter's own `javascript` engine is `eval`, so each case below is
 * written to leave a mark on `globalThis` if it ever ran.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { changedPages } from '../../packages/project-pages/checker/changed-pages.ts';
import { checkContent } from '../../packages/project-pages/checker/check-content.ts';
import { formatFinding } from '../../packages/project-pages/checker/finding.ts';
import { referencesInDocument } from '../../packages/project-pages/ci/content-references.ts';
import { ContentError, parseFrontMatter } from '../../packages/project-pages/content/front-matter.ts';
import { readRfcHistories } from '../../packages/project-pages/content/git-history.ts';

const MARK = '__projectPagesFrontMatterRan';
const ran = () => (globalThis as Record<string, unknown>)[MARK];
/** Front matter in another language whose evaluation would set the mark. */
const scripted = (fence: string, fields = "number: 1, title: 'x', status: 'draft'") =>
	`${fence}\n({ ${fields}, mark: (globalThis.${MARK} = 'ran') })\n---\nBody.\n`;

const FENCES = ['---js', '--- js', '---javascript', '---JS', '---coffee', '---json', '---toml', '--- title: x', '\uFEFF---js'];

afterEach(() => {
	delete (globalThis as Record<string, unknown>)[MARK];
});

const temp: string[] = [];
afterAll(async () => {
	for (const dir of temp) await rm(dir, { recursive: true, force: true });
});

function errorOf(run: () => unknown): ContentError {
	try {
		run();
	} catch (error) {
		if (error instanceof ContentError) return error;
		throw error;
	}
	throw new Error('expected a ContentError');
}

describe('the front-matter parser', () => {
	it.each(FENCES)('refuses %j with "path:1: front matter must be YAML", and runs nothing', (fence) => {
		const error = errorOf(() => parseFrontMatter('content/minutes/x.md', scripted(fence)));
		expect(error.message).toMatch(/^content\/minutes\/x\.md:1: front matter must be YAML/);
		expect(ran()).toBeUndefined();
	});

	it('accepts YAML, with or without its name after the fence', () => {
		for (const fence of ['---', '---yaml', '--- yml ']) expect(parseFrontMatter('x.md', `${fence}\na: 1\n---\n`).data).toEqual({ a: 1 });
	});

	it('refuses YAML tags outside the core schema instead of building values from them', () => {
		for (const tag of [
			'!!js/function "function () { return 1 }"',
			'!!js/undefined ""',
			'!!binary aGVsbG8=',
			'!!set {a}',
			'!!python/object:os.system ls',
		]) {
			expect(errorOf(() => parseFrontMatter('x.md', `---\na: ${tag}\n---\n`)).message).toMatch(
				/^x\.md:2:\d+: front matter is not valid YAML: Unresolved tag/,
			);
		}
	});

	it('reports front matter nested 100,000 deep as an error naming the file, not a crash', () => {
		expect(errorOf(() => parseFrontMatter('x.md', `---\na: ${'['.repeat(100_000)}\n---\n`)).message).toBe(
			'x.md:2: front matter is nested too deeply to read',
		);
	});
});

describe('every other reader of front matter', () => {
	it('the checker reports the file and runs nothing', async () => {
		const root = await mkdtemp(path.join(tmpdir(), 'fm-check-'));
		temp.push(root);
		await mkdir(path.join(root, 'content/minutes'), { recursive: true });
		await writeFile(path.join(root, 'content/minutes/2026-01-07.md'), scripted('---js', "date: '2026-01-07'"));
		const result = await checkContent({ root, contentDir: 'content' });
		expect(result.findings.map(formatFinding)).toEqual([
			'content/minutes/2026-01-07.md:1:1: front matter must be YAML: remove "js" after the opening ---',
		]);
		expect(ran()).toBeUndefined();
	});

	it('the changed-pages summary and the status scan read nothing from it, and run nothing', () => {
		const text = scripted('---js', "permalink: 'elsewhere', discussion: 'https://github.com/a/b/pull/1'");
		expect(changedPages('A\tcontent/minutes/2026-01-07.md', 'content', () => text)).toEqual([
			{ change: 'added', file: 'content/minutes/2026-01-07.md', url: '/minutes/2026-01-07/' },
		]);
		// The scan reads a file it cannot parse as prose: the text, never the code's result.
		referencesInDocument(text);
		expect(ran()).toBeUndefined();
	});

	it('the RFC history from git runs no old version of a file, even one fixed since', async () => {
		const repo = await mkdtemp(path.join(tmpdir(), 'fm-history-'));
		temp.push(repo);
		const env = {
			...process.env,
			GIT_CONFIG_GLOBAL: '/dev/null',
			GIT_CONFIG_NOSYSTEM: '1',
			GIT_AUTHOR_NAME: 'T',
			GIT_AUTHOR_EMAIL: 't@example.org',
			GIT_COMMITTER_NAME: 'T',
			GIT_COMMITTER_EMAIL: 't@example.org',
		};
		const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env });
		const file = path.join(repo, 'content/rfcs/0001-x.md');
		await mkdir(path.dirname(file), { recursive: true });
		git('init', '-q', '-b', 'main');
		await writeFile(file, scripted('---js'));
		git('add', '.');
		git('commit', '-q', '-m', 'scripted');
		await writeFile(file, '---\nnumber: 1\ntitle: x\nstatus: discussion\n---\n');
		git('commit', '-q', '-am', 'fixed');
		const history = (await readRfcHistories({ root: repo, directory: 'content/rfcs' })).get('content/rfcs/0001-x.md', new Date(0));
		expect(history.source).toBe('git');
		// The scripted version says nothing about the status: it was never evaluated.
		expect(history.events.map((e) => e.kind)).toEqual(['created', 'added']);
		expect(history.events[1]).not.toHaveProperty('status', 'draft');
		expect(ran()).toBeUndefined();
	});
});
