/**
 * One hostile fixture site, built once, read as a browser and a feed reader
 * read it. Its content (tests/fixtures/hostile-site/, plus seeded random
 * documents from support/vectors.ts and a minutes file past the summary
 * limit) holds one case for each class of issue 11; every assertion is on
 * what the build wrote. Then the same site is rebuilt with the files that
 * must be refused (code in front matter, links out of the content folder,
 * a permalink on a file the build writes, a `javascript:` link field): the
 * build fails naming them, quickly, and runs nothing.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../packages/project-pages/checker/check-content.ts';
import { formatFinding } from '../../packages/project-pages/checker/finding.ts';
import { buildFixtureSite, REPO, type FixtureSite } from '../helpers/build-site.ts';
import { parseXml, xmlElements } from '../helpers/xml.ts';
import { liveThings, visibleText } from './support/inert.ts';
import { hostileBody, random } from './support/vectors.ts';

type Element = DefaultTreeAdapterMap['element'];

const FIXTURE = path.join(REPO, 'tests/fixtures/hostile-site/content');
const SEEDED_PER_KIND = 4;

let content: string;
let site: FixtureSite;
/** Marker words each page must show, by page path. */
const expected = new Map<string, string[]>();

function expectOn(page: string, markers: string[]): void {
	expected.set(page, [...(expected.get(page) ?? []), ...markers]);
}

beforeAll(async () => {
	content = await mkdtemp(path.join(tmpdir(), 'hostile-content-'));
	await cp(FIXTURE, content, { recursive: true });
	for (const kind of ['minutes', 'rfcs', 'projects'] as const) {
		for (let i = 1; i <= SEEDED_PER_KIND; i++) {
			const body = hostileBody(random(1000 * i + kind.length), 12, `${kind}${i}`);
			const front = {
				minutes: `date: 2026-02-0${i}`,
				rfcs: `number: ${10 + i}\ntitle: Seeded ${i}\nstatus: draft\nauthors: [Ada Tester]\ncreated: 2026-02-01`,
				projects: `title: Seeded ${i}\nsummary: S\ndifficulty: 1\nsize: small\nmentors: [Ada Tester]\nstatus: available\nprogram: GSoC\nyear: 2026`,
			}[kind];
			const name = { minutes: `2026-02-0${i}`, rfcs: `00${10 + i}-seeded`, projects: `seeded-${i}` }[kind];
			await writeFile(path.join(content, kind, `${name}.md`), `---\n${front}\n---\n${body.markdown}\n`);
			const section = { minutes: 'weekly', rfcs: 'rfcs', projects: 'projects' }[kind];
			expectOn(`${section}/${name}/index.html`, body.markers);
		}
	}
	// Past the summary limit: its actions are not read, and the build says so.
	await writeFile(
		path.join(content, 'minutes/2026-03-04.md'),
		`---\ndate: 2026-03-04\n---\nAction: Ada to read this.\n\n${'Long notes. '.repeat(24_000)}\n`,
	);
	site = await buildFixtureSite({
		content: { '.': content },
		// The status section is on without a tracked toolchain only when asked for: its feed is checked below.
		options: {
			calls: { start: '2026-01-07', time: '16:00', everyWeeks: 2, url: 'https://meet.example/call;a,b\\c' },
			paths: { status: 'status' },
		},
		incremental: true,
	});
	if (site.exitCode !== 0) throw new Error(`hostile fixture build failed:\n${site.output}`);
});

afterAll(async () => {
	await rm(content, { recursive: true, force: true });
});

async function files(dir: string, ext: RegExp): Promise<string[]> {
	const names = await readdir(dir, { recursive: true });
	return names.filter((n) => ext.test(n)).map((n) => n.split(path.sep).join('/'));
}

function insideMain(element: Element): boolean {
	for (let node: Element | undefined = element; node; node = node.parentNode as Element | undefined)
		if (node.tagName === 'main') return true;
	return false;
}

/** The layout's own elements: its module scripts and style sheets, head metadata, the search form. */
function layoutElement(element: Element): boolean {
	if (insideMain(element)) return false;
	const attr = (name: string) => element.attrs.find((a) => a.name === name)?.value;
	switch (element.tagName) {
		case 'script':
			return attr('type') === 'module' && /^\/_astro\/[\w.-]+\.js$/.test(attr('src') ?? '') && element.childNodes.length === 0;
		case 'link':
			return /^(?:\/|https:\/\/fixture\.test\/)/.test(attr('href') ?? '');
		case 'meta':
			return attr('http-equiv') === undefined;
		case 'svg':
		case 'style':
			return true;
		default:
			return false;
	}
}

/** The site's own controls: the search and project-filter forms, their buttons, the pages' inline module scripts. */
function siteControl(element: Element): boolean {
	const attr = (name: string) => element.attrs.find((a) => a.name === name)?.value;
	switch (element.tagName) {
		case 'form':
			return isSiteForm(element);
		case 'button':
			return ancestorForm(element);
		case 'script':
			// Astro inlines the page's own small module scripts; every vector in the corpus calls alert().
			return attr('type') === 'module' && attr('src') === undefined && !/alert\(|evil/.test(textOf(element));
		default:
			return false;
	}
}

/** The sidebar's and the search page's search box, the project filter: GET forms to the site's own pages. */
function isSiteForm(form: Element): boolean {
	const attr = (name: string) => form.attrs.find((a) => a.name === name)?.value;
	return ['/search/', '/projects/'].includes(attr('action') ?? '') && attr('method') === 'get';
}

function ancestorForm(element: Element): boolean {
	for (let node = element.parentNode as Element | undefined; node; node = node.parentNode as Element | undefined) {
		if (node.tagName === 'form') return isSiteForm(node);
	}
	return false;
}

/** The text inside a parsed element. */
function textOf(node: DefaultTreeAdapterMap['node']): string {
	if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
	return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

describe('the hostile fixture site', () => {
	it('builds, and warns by name about the minutes whose summary is not read', () => {
		expect(site.output).toContain(
			'content/minutes/2026-03-04.md: the notes are over 256 KB, so no attendees, agenda, actions or decisions are read',
		);
	});

	it('has no live markup on any page: no script, handler or javascript: URL from content', async () => {
		const pages = await files(site.dist, /\.html$/);
		expect(pages.length).toBeGreaterThan(20);
		const found: string[] = [];
		for (const page of pages) {
			const allow = (element: Element) => layoutElement(element) || siteControl(element);
			for (const live of liveThings(await site.read(page), { document: true, allow })) found.push(`${page}: ${live.what} ${live.where}`);
		}
		expect(found).toEqual([]);
	});

	it('keeps every word around raw HTML that swallowed the rest of a body', async () => {
		const text = visibleText(await site.read('weekly/2026-01-07/index.html'));
		for (const tag of ['form', 'template', 'textarea', 'select', 'button', 'title', 'style', 'noscript']) {
			expect(text).toContain(`Prose naming the <${tag}> element keeps MARKER${tag} after it.`);
		}
		for (const marker of ['MARKERquote', 'MARKERcomment', 'MARKERmath', 'MARKERlinks']) expect(text).toContain(marker);
		expect(visibleText(await site.read('weekly/2026-01-14/index.html'))).toMatch(/MARKERmany[\s\S]*MARKERguard/);
		expect(visibleText(await site.read('rfcs/0001-hostile-proposal/index.html'))).toMatch(/MARKERrfc[\s\S]*MARKERdetails/);
		expect(visibleText(await site.read('projects/hostile-project/index.html'))).toContain('MARKERproject');
	});

	it('keeps every word around the seeded random vectors, in order', async () => {
		for (const [page, markers] of expected) {
			const text = visibleText(await site.read(page));
			let at = 0;
			for (const marker of markers) {
				const found = text.indexOf(marker, at);
				expect(found, `${page}: ${marker}`).toBeGreaterThanOrEqual(0);
				at = found;
			}
		}
	});

	it('shows hostile titles as the text they are, in the page title and the heading', async () => {
		const document = parse(await site.read('weekly/2026-01-07/index.html'));
		const titles: Record<string, string> = {};
		const stack: DefaultTreeAdapterMap['node'][] = [document];
		while (stack.length > 0) {
			const node = stack.pop()!;
			if ('tagName' in node && (node.tagName === 'title' || node.tagName === 'h1')) titles[node.tagName] = textOf(node);
			if ('childNodes' in node) stack.push(...node.childNodes);
		}
		const shown = "Call </title><script>alert('title')</script> & friends ]]> \u202Eevil\u202C zero\u200Bwidth";
		expect(titles.title).toContain(shown);
		expect(titles.h1).toContain(shown);
	});

	it('writes every XML file well-formed, as a strict XML parser reads it, with the hostile titles as text', async () => {
		const xml = await files(site.dist, /\.xml$/);
		expect(xml.sort()).toEqual([
			'blog/atom.xml',
			'blog/rss.xml',
			'feed.xml',
			'sitemap-0.xml',
			'sitemap-index.xml',
			'status/feed.xml',
			'weekly/rss.xml',
		]);
		for (const file of xml) {
			// Throws, naming the line, on anything not well-formed.
			const texts = xmlElements(parseXml(await site.read(file))).map((e) => e.text);
			if (file === 'weekly/rss.xml') expect(texts.join('\n')).toContain("Call </title><script>alert('title')</script> & friends ]]>");
			if (file === 'blog/rss.xml' || file === 'feed.xml')
				expect(texts.join('\n')).toContain('Feed text with ]]> and <![CDATA[ and &nbsp; and ');
		}
	});

	it('writes the calendar with its text escaped and no control characters', async () => {
		const ics = await site.read('weekly/calls.ics');
		expect(ics).toContain('LOCATION:https://meet.example/call\\;a\\,b\\\\c');
		// eslint-disable-next-line no-control-regex -- what iCalendar TEXT may not hold
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f]/);
	});
});

describe('files the build must refuse', () => {
	const MARK = 'front-matter-code-ran';
	let outside: string;

	beforeAll(async () => {
		outside = await mkdtemp(path.join(tmpdir(), 'outside-content-'));
		await writeFile(path.join(outside, 'secret.md'), '---\ndate: 2026-04-01\n---\nSECRET-OUTSIDE-CONTENT\n');
		const code = `require('node:fs').writeFileSync(${JSON.stringify(path.join(site.root, MARK))}, String(process.env.HOME))`;
		await writeFile(
			path.join(site.root, 'content/minutes/2026-04-08.md'),
			`---js\n{ date: '2026-04-08', title: (${code}, 'x') }\n---\nBody.\n`,
		);
		await symlink(path.join(outside, 'secret.md'), path.join(site.root, 'content/minutes/leak.md'));
		await symlink('/', path.join(site.root, 'content/minutes/root'));
		await writeFile(path.join(site.root, 'content/minutes/collide.md'), '---\ndate: 2026-04-15\npermalink: Index.html\n---\n');
	});

	afterAll(async () => {
		await rm(outside, { recursive: true, force: true });
	});

	// All in minutes/: Astro reports the first collection whose loader fails, so one collection shows them all.
	it('the build fails naming the files, without running the front matter or reading outside', { timeout: 180_000 }, async () => {
		const { output, exitCode } = await site.rebuild();
		expect(exitCode).not.toBe(0);
		expect(output).toContain('content/minutes/2026-04-08.md:1: front matter must be YAML: remove "js" after the opening ---');
		expect(output).toContain('content/minutes/leak.md: is a symbolic link');
		expect(output).toContain('content/minutes/root: is a symbolic link');
		expect(output).toContain(
			'content/minutes/collide.md:3:12: permalink "Index.html" would collide with the file of the site\'s own page /weekly/',
		);
		expect(output).not.toContain('SECRET-OUTSIDE-CONTENT');
		expect(existsSync(path.join(site.root, MARK))).toBe(false);
	});

	it('the checker reports every one of them with its file, line and field, in every kind', async () => {
		const project = await readFile(path.join(site.root, 'content/projects/hostile-project.md'), 'utf8');
		await writeFile(path.join(site.root, 'content/projects/index.html.md'), project);
		await writeFile(
			path.join(site.root, 'content/projects/evil-link.md'),
			project.replace('post: /blog/hostile-post/', 'post: " javascript:alert(1)"'),
		);
		const errors = (await checkContent({ root: site.root, contentDir: 'content' })).findings
			.filter((f) => f.severity === 'error')
			.map(formatFinding);
		// The hostile bodies' images are reported too, each with its line: `<img src=x onerror=…>` is
		// missing, and a javascript: or data: source is dropped from the page, which the author should hear.
		const images = errors.filter((line) =>
			/:\d+:\d+: image (?:x: must exist; |"(?:javascript|data):[^"]*": must be an http\(s\) URL or a path; )/.test(line),
		);
		expect(images.filter((line) => line.includes(': image x: ')).length).toBeGreaterThan(5);
		expect(images.filter((line) => line.includes('"javascript:')).length).toBeGreaterThan(5);
		// `<img src="&#106;&#97;…">` spells javascript: in character references; the checker reads it as a browser does.
		expect(images).toContainEqual(
			expect.stringMatching(
				/^content\/projects\/seeded-3\.md:21:\d+: image "javascript:alert\(1\)": must be an http\(s\) URL or a path; this one is dropped from the page$/,
			),
		);
		// So are their unsafe links, which keep their text on the page and lose their target.
		const links = errors.filter((line) =>
			/:\d+:\d+: link "[^"]*": must be a path, a #fragment or a URL whose scheme is one of .*; the page keeps its text and drops the link$/.test(
				line,
			),
		);
		expect(links.filter((line) => line.includes(' link "javascript:')).length).toBeGreaterThan(5);
		// A scheme spelled with a control character or a newline in it is read as a browser reads it.
		expect(links).toContain(
			'content/minutes/2026-02-03.md:43:1: link "\\u0001javascript:alert(1)": must be a path, a #fragment or a URL whose scheme is one of http, https, mailto, xmpp, irc, ircs; the page keeps its text and drops the link',
		);
		const lines = errors.filter((line) => !images.includes(line) && !links.includes(line));
		expect(lines).toEqual([
			'content/minutes/2026-04-08.md:1:1: front matter must be YAML: remove "js" after the opening ---',
			expect.stringMatching(/^content\/minutes\/collide\.md:3:12: permalink "Index\.html" would collide/),
			'content/minutes/leak.md:1:1: is a symbolic link; content files must be regular files inside the content folder (replace the link with the file itself)',
			'content/minutes/root:1:1: is a symbolic link; content files must be regular files inside the content folder (replace the link with the file itself)',
			'content/projects/evil-link.md:13:9: outcome.post: must be an http(s):// URL, or a path on this site starting with "/" (got "javascript:alert(1)")',
			expect.stringMatching(
				/^content\/projects\/index\.html\.md:1:1: the file name "index\.html" would collide with the file of the site's own page \/projects\//,
			),
		]);
		expect(existsSync(path.join(site.root, MARK))).toBe(false);
	});
});
