import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatAnnotation, formatFinding } from '../../packages/project-pages/checker/finding.ts';
import { scanBody } from '../../packages/project-pages/checker/markdown-links.ts';
import { checkProject } from '../../packages/project-pages/checker/check-project.ts';
import { SitePages } from '../../packages/project-pages/checker/site-pages.ts';

const run = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(REPO, 'tests/fixtures/broken-content');

/** Every message for the broken fixture, in the order the checker prints them. */
const EXPECTED = [
	'content/blog/links.md:7:3: warning: link /blog/nope/: must point at an existing page; no post has the permalink "nope"',
	'content/blog/links.md:8:3: warning: link /rfcs/1/: must point at an existing page; no RFC has the id "1" (did you mean /rfcs/0001-good/?)',
	'content/blog/links.md:9:3: warning: link /rfcs/0099-nothing/: must point at an existing page; no RFC has the id "0099-nothing"',
	'content/blog/links.md:10:3: warning: link /projects/nope/: must point at an existing page; no project is named "nope"',
	'content/blog/links.md:11:3: warning: link /people/nobody/: must point at an existing page; no one in people.yaml has the GitHub handle "nobody"',
	'content/blog/links.md:12:3: warning: link /tags/nothing/: must point at an existing page; no post is tagged "nothing"',
	'content/blog/links.md:13:3: warning: link /weekly/2026-01-08: must point at an existing page; no minutes have the permalink "2026-01-08"',
	'content/blog/links.md:14:3: warning: link /blog/hello-world/extra/: must point at an existing page; no post has the permalink "hello-world/extra"',
	'content/blog/links.md:16:1: warning: link /people/someone/: must point at an existing page; no one in people.yaml has the GitHub handle "someone"',
	'content/blog/links.md:18:1: image ./missing.png: must exist; on the page /blog/links/ it means /blog/missing.png, and public/blog/missing.png does not exist (write a /-rooted path to a file in public/)',
	'content/blog/second-hello.md:5:12: permalink "hello-world" is already used by content/blog/hello.md; each must be unique',
	'content/minutes/2026-01-14.md:5:5: warning: attendees.1: "Jane Unknown" is not in content/people.yaml; add them there, or write a name, GitHub handle or alias it lists',
	'content/minutes/2026-01-14.md:10:5: link /weekly/2026-01-08/: must point at an existing page; no minutes have the permalink "2026-01-08"',
	'content/minutes/2026-02-30.md:2:7: date: must be a real calendar date (got "2026-02-30")',
	'content/minutes/alias-bomb.md:2:1: front matter uses too many YAML aliases (alias expansion is limited to protect the build)',
	'content/minutes/empty.md:1:1: date: is required',
	'content/minutes/invalid-utf8.md:3:1: is not valid UTF-8 text; save the file as UTF-8',
	'content/minutes/list.md:2:1: front matter must be a YAML mapping of "field: value" lines',
	'content/people.yaml:7:11: 2.github: "hannesm" is already listed (entry 1); list each person once',
	'content/projects/bad-difficulty.md:4:13: difficulty: must be 1, 2 or 3 (stars)',
	'content/projects/fuzzing.md:12:27: image /img/missing.png: must be a file in public/ (public/img/missing.png does not exist)',
	'content/projects/relative-image.md:12:1: image diagram.png: must exist; on the page /projects/relative-image/ it means /projects/diagram.png, and public/projects/diagram.png does not exist (write a /-rooted path to a file in public/)',
	'content/rfcs/0002-no-discussion.md:4:9: discussion: is required when status is accepted',
	'content/rfcs/0003-superseded.md:4:9: supersededBy: is required when status is superseded',
	"content/rfcs/0004-wrong-number.md:2:9: number: must match the file name's number 0004 (it is 5)",
	'content/rfcs/0006-second.md:2:9: RFC number "6" is already used by content/rfcs/0006-first.md; each must be unique',
	'content/rfcs/0007-bad-status.md:4:9: status: must be one of draft, discussion, accepted, rejected, withdrawn, implemented, superseded',
	'content/rfcs/0008-yaml-error.md:4:14: front matter is not valid YAML: Missing closing "quote',
	'content/rfcs/0009-scripted.mdx:1:1: only .md files are accepted in rfcs/ (MDX runs code at build time, and rfcs arrive from outside contributors); rename it to .md',
	'content/rfcs/0010-untracked.md:7:26: warning: affects.1: someone/elsewhere is not in the tracked toolchain (ci.toolchain); check the name, or add the repo to the toolchain',
	'content/rfcs/0010-untracked.md:10:31: warning: reference someone/elsewhere#4: someone/elsewhere is not in the tracked toolchain (ci.toolchain); check the name, or add the repo to the toolchain',
	'content/rfcs/0010-untracked.md:12:1: warning: reference third/party#6: third/party is not in the tracked toolchain (ci.toolchain); check the name, or add the repo to the toolchain',
];

async function checkFixture() {
	return (await checkProject(FIXTURE)).result;
}

describe('checkContent on the broken fixture', () => {
	it('reports every problem, in a stable order', async () => {
		const result = await checkFixture();
		expect(result.findings.map(formatFinding)).toEqual(EXPECTED);
		expect(result).toMatchObject({ files: 24, errors: 19, warnings: 13 });
	});

	it('gives the same answer on a second run', async () => {
		const [a, b] = await Promise.all([checkFixture(), checkFixture()]);
		expect(b.findings).toEqual(a.findings);
	});
});

describe('project-pages check (npm run check:content)', () => {
	const bin = path.join(REPO, 'packages/project-pages/bin/project-pages.mjs');
	const exec = (env: Record<string, string>) =>
		run(process.execPath, [bin, 'check', '--root', FIXTURE], { env: { ...process.env, GITHUB_ACTIONS: '', ...env } }).then(
			(r) => ({ code: 0, ...r }),
			(e: { code: number; stdout: string; stderr: string }) => e,
		);

	it('prints path:line:column lines and exits 1 on errors', async () => {
		const { code, stdout, stderr } = await exec({});
		expect(code).toBe(1);
		expect(stdout.trimEnd().split('\n')).toEqual(EXPECTED);
		expect(stderr.trim()).toBe('check: 19 errors, 13 warnings in 24 files under content/');
	});

	it('prints GitHub annotations when GITHUB_ACTIONS=true', async () => {
		const { code, stdout } = await exec({ GITHUB_ACTIONS: 'true' });
		expect(code).toBe(1);
		const lines = stdout.trimEnd().split('\n');
		expect(lines).toHaveLength(EXPECTED.length);
		expect(lines[0]).toBe(
			'::warning file=content/blog/links.md,line=7,col=3,title=check%3Acontent::link /blog/nope/: must point at an existing page; no post has the permalink "nope"',
		);
		expect(lines.at(-1)).toMatch(
			/^::warning file=content\/rfcs\/0010-untracked.md,line=12,col=1,title=check%3Acontent::reference third\/party#6: /,
		);
	});

	it('exits 2 on an unknown option', async () => {
		const { code, stderr } = await run(process.execPath, [bin, 'check', '--nope']).catch((e) => e);
		expect(code).toBe(2);
		expect(stderr).toContain('usage: project-pages check');
	});
});

describe('formatAnnotation', () => {
	it('escapes what workflow commands treat specially', () => {
		expect(formatAnnotation({ file: 'content/a,b:c.md', line: 3, column: 1, severity: 'warning', message: '100% sure\nnext line' })).toBe(
			'::warning file=content/a%2Cb%3Ac.md,line=3,col=1,title=check%3Acontent::100%25 sure%0Anext line',
		);
	});
});

describe('scanBody', () => {
	it('locates links, images and references in file coordinates, skipping code', () => {
		const body = [
			'See [RFC 1](/rfcs/0001-a/) and mirage/mirage#12.',
			'',
			'- a list item',
			'  continued ocaml/dune#5 and `not/this#1`',
			'',
			'![x][img]',
			'',
			'[img]: /img/x.png',
		].join('\n');
		const found = scanBody(body, 10);
		expect(found.links.map((l) => [l.url, l.line, l.column])).toEqual([
			['/rfcs/0001-a/', 10, 5],
			['/img/x.png', 17, 1],
		]);
		expect(found.images.map((l) => [l.url, l.line, l.column])).toEqual([['/img/x.png', 15, 1]]);
		expect(found.references.map((r) => [r.ref.id, r.line, r.column])).toEqual([
			['mirage/mirage#12', 10, 32],
			['ocaml/dune#5', 13, 13],
		]);
	});
});

describe('SitePages.brokenLink', () => {
	const pages = new SitePages();
	pages.add('rfcs', '0007-errors');
	pages.add('tags', 'OCaml');
	const inPublic = (p: string) => p === '/blog/2016/diagram.pdf';
	it.each([
		['/rfcs/0007-errors/', undefined],
		['/rfcs/0007-errors#summary', undefined],
		['/tags/ocaml/', undefined],
		['/tags/o%43aml/', undefined],
		['/rfcs/', undefined],
		['/blog/rss.xml', undefined],
		['/blog/2016/diagram.pdf', undefined],
		['/docs/anything/', 'must point at an existing page; no guide has the permalink "anything"'],
		['/elsewhere/anything/', undefined],
		['https://example.org/rfcs/x/', undefined],
		['//example.org/rfcs/x/', undefined],
		['/rfcs/7/', 'must point at an existing page; no RFC has the id "7" (did you mean /rfcs/0007-errors/?)'],
		['/tags/%E0%A4%A/', 'is not a valid URL path (bad %-escape)'],
	])('%s', (url, expected) => {
		expect(pages.brokenLink(url, inPublic)).toBe(expected);
	});
});
