/**
 * Small guards between rendered markdown and the page: relative URLs,
 * layout ids, permalinks and tag URLs that must not clash with the site's
 * own pages, and reference badges only on real autolinks.
 */
import { describe, expect, it } from 'vitest';
import { IdRegistry, permalinkProblem } from '../../packages/project-pages/content/identity.ts';
import { slug } from '../../packages/project-pages/utils/slug.ts';
import { rebaseRelativeUrls } from '../../packages/project-pages/loaders/rebase-urls.ts';
import { avoidReservedIds } from '../../packages/project-pages/loaders/reserved-ids.ts';
import { annotateReferences } from '../../packages/project-pages/components/status/annotate-references.ts';

describe('rebaseRelativeUrls', () => {
	it('resolves relative links and images as mirage-www meant them, from the slash-less page URL', () => {
		expect(rebaseRelativeUrls('<a href="../docs/a">x</a><img src="img/p.png" alt="">', '/blog/post/')).toBe(
			'<a href="/docs/a">x</a><img src="/blog/img/p.png" alt="">',
		);
	});

	it('gives a link to a page written without its slash the slash, and never a file or an image', () => {
		const isPage = (sitePath: string) => sitePath.startsWith('/docs/') || sitePath.startsWith('/rfcs/');
		expect(
			rebaseRelativeUrls(
				'<a href="/docs/hello-world#x">a</a><img src="/rfcs/x.png" alt=""><a href="../rfcs/0001-a">b</a>',
				'/blog/post/',
				'/',
				isPage,
			),
		).toBe('<a href="/docs/hello-world/#x">a</a><img src="/rfcs/x.png" alt=""><a href="/rfcs/0001-a/">b</a>');
	});

	it('leaves absolute, root-relative and fragment URLs, and code samples, alone', () => {
		const html = '<a href="https://x.org/a">a</a><a href="/b">b</a><a href="#c">c</a><code>&lt;a href="foo.html"&gt;</code>';
		expect(rebaseRelativeUrls(html, '/weekly/x/')).toBe(html);
	});
});

describe('avoidReservedIds', () => {
	it('renames a heading that would take the layout id "main", and the in-page links to it', () => {
		expect(avoidReservedIds('<h2 id="main">Main</h2><p><a href="#main">up</a> <a href="#other">o</a></p>')).toBe(
			'<h2 id="main-section">Main</h2><p><a href="#main-section">up</a> <a href="#other">o</a></p>',
		);
	});

	it('keeps every other heading id', () => {
		const html = '<h2 id="agenda">Agenda</h2>';
		expect(avoidReservedIds(html)).toBe(html);
	});
});

describe('permalinks and tags', () => {
	it('refuses permalinks the site uses for its own pages, naming the page', () => {
		expect(permalinkProblem('minutes', 'actions', false, 'weekly')).toBe(
			'permalink "actions" is taken by the site\'s own page /weekly/actions; choose another',
		);
		expect(permalinkProblem('blog', 'rss.xml', true)).toMatch(/^the file name "rss.xml" is taken/);
		expect(permalinkProblem('blog', 'a-post', true)).toBeUndefined();
	});

	it('refuses permalinks and file names that would collide with the files the build writes, in any case', () => {
		expect(permalinkProblem('minutes', 'index.html', false, 'weekly')).toBe(
			'permalink "index.html" would collide with the file of the site\'s own page /weekly/ (weekly/index.html); choose another',
		);
		expect(permalinkProblem('projects', 'INDEX.html', true)).toBe(
			'the file name "INDEX.html" would collide with the file of the site\'s own page /projects/ (projects/index.html); rename the file, or set a permalink',
		);
		expect(permalinkProblem('blog', 'RSS.xml', false)).toBe(
			'permalink "RSS.xml" is taken by the site\'s own page /blog/rss.xml; choose another',
		);
		expect(permalinkProblem('minutes', 'index.htm', false)).toBeUndefined();
	});

	it('refuses two entries whose ids differ only in case (one file on macOS and Windows)', () => {
		const ids = new IdRegistry('permalink');
		expect(ids.claim('Call', 'content/minutes/a.md')).toBeUndefined();
		expect(ids.claim('call', 'content/minutes/b.md')?.message).toBe(
			'content/minutes/b.md: permalink "call" is already used by content/minutes/a.md; each must be unique',
		);
	});

	it('refuses file names that cannot be a URL segment when there is no permalink', () => {
		expect(permalinkProblem('projects', 'My Call', true)).toMatch(/^the file name is the page's URL/);
	});

	it('gives every tag a URL segment, keeping C# and C++ apart from C', () => {
		expect(['CI/CD', 'c#', 'C++', 'C', 'what?'].map((t) => slug(t))).toEqual(['ci-cd', 'c-sharp', 'c-plus-plus', 'c', 'what']);
		expect(slug('日本')).toMatch(/^u-[a-z0-9-]+$/);
		expect(slug('日本')).not.toBe(slug('中文'));
	});
});

describe('annotateReferences', () => {
	const status = {
		references: [{ id: 'mirage/mirage#1', url: 'https://github.com/mirage/mirage/issues/1', kind: 'issue', state: 'open' }],
	} as never;

	it('puts the state after a real autolink', () => {
		const link = '<a href="https://github.com/mirage/mirage/issues/1" class="gh-ref" data-ref="mirage/mirage#1">mirage/mirage#1</a>';
		expect(annotateReferences(link, status)).toBe(`${link} <span class="badge ref-open" data-pagefind-ignore>open</span>`);
	});

	it('gives no badge to raw HTML that imitates an autolink but goes elsewhere', () => {
		const forged = '<a href="https://evil.example/" class="gh-ref" data-ref="mirage/mirage#1">mirage/mirage#1</a>';
		expect(annotateReferences(forged, status)).toBe(forged);
	});
});
