/**
 * Every URL that a content field puts in an href passes the one link rule
 * (utils/safe-url.ts, applied by the field schemas in content/fields.ts):
 * a project's `outcome.post`, a person's `uri`/`url` in front matter, the
 * people file's `url`, an RFC's `discussion`. Anything else is refused with
 * the file, line and field, by the build's schemas and the checker alike.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../packages/project-pages/checker/check-content.ts';
import { formatFinding } from '../../packages/project-pages/checker/finding.ts';
import { readPeopleFile } from '../../packages/project-pages/loaders/people-loader.ts';
import { linkFieldProblem } from '../../packages/project-pages/utils/safe-url.ts';

const HOSTILE = [
	'javascript:alert(1)',
	'JavaScript:alert(1)',
	' javascript:alert(1)',
	'java\tscript:alert(1)',
	'java\nscript:alert(1)',
	'\u0001javascript:alert(1)',
	'vbscript:msgbox(1)',
	'data:text/html,<script>alert(1)</script>',
	'file:///etc/passwd',
	'//evil.example/',
	'/\\evil.example/',
	'http://',
	'relative/page',
	'mailto:someone@example.org',
];

describe('linkFieldProblem', () => {
	it.each(HOSTILE)('refuses %j', (url) =>
		expect(linkFieldProblem(url)).toMatch(/^must be an http\(s\):\/\/ URL, or a path on this site starting with "\/"/),
	);

	it('keeps http(s) URLs and site paths, and mailto: where the field allows it', () => {
		for (const url of ['https://mirage.io/blog/x', 'http://example.org', '/blog/x/', '/rfcs/0001-x/#history'])
			expect(linkFieldProblem(url)).toBeUndefined();
		expect(linkFieldProblem('mailto:a@example.org', { mailto: true })).toBeUndefined();
		expect(linkFieldProblem('javascript:x', { mailto: true })).toMatch(/^must be an http\(s\):\/\/ or mailto: URL/);
	});
});

const roots: string[] = [];
afterAll(async () => {
	for (const root of roots) await rm(root, { recursive: true, force: true });
});

/** A temporary site folder, removed after the file's tests, and a writer of files in it. */
async function siteRoot(prefix: string) {
	const root = await mkdtemp(path.join(tmpdir(), prefix));
	roots.push(root);
	const write = async (file: string, text: string) => {
		await mkdir(path.dirname(path.join(root, file)), { recursive: true });
		await writeFile(path.join(root, file), text);
	};
	return { root, write };
}

describe('link fields in content', () => {
	it('are refused with the file, line and field by the checker (and the same schemas in the build)', async () => {
		const { root, write } = await siteRoot('content-urls-');
		await write(
			'content/projects/done.md',
			'---\ntitle: T\nsummary: S\ndifficulty: 1\nsize: small\nmentors: [{name: M, uri: "data:text/html,x"}]\nstatus: done\nprogram: GSoC\nyear: 2020\noutcome:\n  post: "javascript:alert(1)"\n---\n',
		);
		await write('content/minutes/2026-01-07.md', '---\ndate: 2026-01-07\nchair:\n  name: C\n  url: " JaVaScRiPt:alert(1)"\n---\n');
		await write(
			'content/rfcs/0001-x.md',
			'---\nnumber: 1\ntitle: X\nstatus: discussion\nauthors: [A]\ncreated: 2026-01-01\ndiscussion: "javascript://github.com/a/b/pull/1"\n---\n',
		);
		await write('content/people.yaml', '- name: P\n  github: p\n  url: "javascript:alert(document.cookie)"\n');
		const lines = (await checkContent({ root, contentDir: 'content' })).findings.map(formatFinding);
		const rule = 'must be an http(s):// URL, or a path on this site starting with "/"';
		expect(lines).toEqual([
			`content/minutes/2026-01-07.md:5:8: chair.url: ${rule} (got "JaVaScRiPt:alert(1)")`,
			`content/people.yaml:3:1: 0.url: ${rule} (got "javascript:alert(document.cookie)")`,
			`content/projects/done.md:6:26: mentors.0.uri: ${rule} (got "data:text/html,x")`,
			`content/projects/done.md:11:9: outcome.post: ${rule} (got "javascript:alert(1)")`,
			`content/rfcs/0001-x.md:7:13: discussion: ${rule} (got "javascript://github.com/a/b/pull/1")`,
		]);
		await expect(readPeopleFile(path.join(root, 'content/people.yaml'), 'content/people.yaml')).rejects.toThrow(
			'0.url: must be an http(s)',
		);
	});
});

describe('links and sources in a markdown body', () => {
	// The same body in a contributed file (minutes: the page drops the target) and a maintainer's (a blog
	// post: published as written). Markdown links, a reference definition, raw HTML's <a> and <area> (one in
	// character references), and srcset candidates: each unsafe one is an error at its own line and column.
	const BODY = [
		'[a](javascript:alert(1)) and [b][r], [mail](mailto:a@example.org), [web](https://mirage.io/), [here](#top).',
		'',
		'<a href="&#106;avascript:alert(2)">c</a> <area href=vbscript:x>',
		'<img src="/ok.png" srcset="/ok.png 1x, data:image/png;base64,iVBOR 2x, /later.png 3x">',
		'',
		'[r]: javascript:alert(3)',
		'',
	].join('\n');

	it('are errors with the file, line and column when unsafe, and say what the page does with them', async () => {
		const { root, write } = await siteRoot('content-body-urls-');
		await write('content/minutes/2026-01-07.md', `---\ndate: 2026-01-07\n---\n${BODY}`);
		await write(
			'content/blog/2026-01-08-post.md',
			`---\nupdated: 2026-01-08\nauthors: [{name: A}]\nsubject: S\npermalink: p\n---\n${BODY}`,
		);
		await write('public/ok.png', 'png');
		const unsafe = (await checkContent({ root, contentDir: 'content' })).findings.map(formatFinding);
		const rule = 'must be a path, a #fragment or a URL whose scheme is one of http, https, mailto, xmpp, irc, ircs';
		const findings = (file: string, first: number, fate: string) => [
			`${file}:${first}:1: link "javascript:alert(1)": ${rule}; ${fate}`,
			`${file}:${first + 2}:1: link "javascript:alert(2)": ${rule}; ${fate}`,
			`${file}:${first + 2}:42: link "vbscript:x": ${rule}; ${fate}`,
			`${file}:${first + 3}:1: image "data:image/png;base64": must be an http(s) URL or a path; ${fate.startsWith('in') ? 'raw HTML in this kind is published as written' : 'this one is dropped from the page'}`,
			`${file}:${first + 5}:1: link "javascript:alert(3)": ${rule}; ${fate}`,
		];
		expect(unsafe).toEqual([
			...findings('content/blog/2026-01-08-post.md', 7, 'in this kind it is published as written'),
			...findings('content/minutes/2026-01-07.md', 4, 'the page keeps its text and drops the link'),
		]);
	});

	it('warns when a maintainer’s body is past what the checker reads safely, since its page is rendered as written', async () => {
		const { root, write } = await siteRoot('content-body-guard-');
		const crowded = `${'&amp; '.repeat(1_001)}\n\n[x](/blog/p/)\n`;
		await write('content/minutes/2026-01-07.md', `---\ndate: 2026-01-07\n---\n${crowded}`);
		await write(
			'content/blog/2026-01-08-post.md',
			`---\nupdated: 2026-01-08\nauthors: [{name: A}]\nsubject: S\npermalink: p\n---\n${crowded}`,
		);
		expect((await checkContent({ root, contentDir: 'content' })).findings.map(formatFinding)).toEqual([
			'content/blog/2026-01-08-post.md:7:1: warning: the body has more character references, marks or tags than the checker reads safely: its links were read with them escaped, and the page, rendered as written, may have others; check its links by hand',
		]);
	});

	it('reports an MDX post that is not valid MDX at its line and column, as its build would fail', async () => {
		const { root, write } = await siteRoot('content-body-mdx-');
		await write(
			'content/blog/2026-01-09-post.mdx',
			'---\nupdated: 2026-01-09\nauthors: [{name: A}]\nsubject: S\npermalink: q\n---\nSome text {broken\n',
		);
		expect((await checkContent({ root, contentDir: 'content' })).findings.map(formatFinding)).toEqual([
			'content/blog/2026-01-09-post.mdx:7:11: is not valid MDX: Unexpected end of file in expression, expected a corresponding closing brace for `{` (mdx-jsx:unexpected-character)',
		]);
	});
});
