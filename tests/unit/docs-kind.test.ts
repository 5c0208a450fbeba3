/**
 * The docs kind and what came with it, as pure pieces: the docs index
 * (sections, the rest, previous/next), the options that move and redirect
 * pages (`oldPaths`, `atRoot`, `markdown`, `contributed`), the routes and
 * the checker's idea of those pages, the Atom feed and the edit link.
 */
import { describe, expect, it } from 'vitest';
import { scanBody } from '../../packages/project-pages/checker/markdown-links.ts';
import { SitePages } from '../../packages/project-pages/checker/site-pages.ts';
import { isTrusted } from '../../packages/project-pages/content/kinds.ts';
import { dialectOf } from '../../packages/project-pages/markdown/dialects.ts';
import { parseOptions } from '../../packages/project-pages/options.ts';
import { routesFor } from '../../packages/project-pages/routes.ts';
import { absoluteLinks, atomFeed } from '../../packages/project-pages/utils/atom-feed.ts';
import { docsIndexView, resolveDocsLine } from '../../packages/project-pages/utils/docs-index.ts';
import { editUrl } from '../../packages/project-pages/utils/edit-url.ts';
import { isRedirectPath } from '../../packages/project-pages/utils/redirect-paths.ts';
import { parseXml } from '../helpers/xml.ts';

const base = { title: 'T', description: 'D' };
const mirage = parseOptions({
	...base,
	paths: { minutes: 'weekly' },
	oldPaths: { docs: ['wiki'], minutes: ['wiki'], papers: ['wiki/papers'] },
	atRoot: { docs: ['security'] },
});

describe('the docs index', () => {
	const guides = ['install', 'hello-world', 'security', 'faq', 'orphan'].map((id) => ({ id }));

	it('resolves each line to a guide, a section of the site or a link, with or without the trailing slash', () => {
		const ids = new Set(guides.map((g) => g.id));
		expect(resolveDocsLine('/docs/install', mirage.sections, ids)).toEqual({ guide: 'install' });
		expect(resolveDocsLine('/docs/install/', mirage.sections, ids)).toEqual({ guide: 'install' });
		expect(resolveDocsLine('/security', mirage.sections, ids)).toEqual({ guide: 'security' });
		expect(resolveDocsLine('/papers', mirage.sections, ids)).toEqual({ title: 'Papers', href: '/papers/' });
		expect(resolveDocsLine({ title: 'Talks', href: 'https://example.org/talks' }, mirage.sections, ids)).toMatchObject({ external: true });
		expect(resolveDocsLine('/docs/nope', mirage.sections, ids)).toEqual({
			problem: '"/docs/nope" is not a guide: no guide has the permalink "nope"',
		});
		expect(resolveDocsLine('/elsewhere', mirage.sections, ids)).toHaveProperty('problem');
	});

	it('keeps the sections in order, lists the guides no section names, and links each guide to its neighbours', () => {
		const view = docsIndexView(
			{
				sections: [
					{ title: 'Start', pages: ['/docs/install', '/docs/hello-world', '/papers'] },
					{ title: 'Background', pages: ['/security', '/docs/faq'] },
				],
			},
			guides,
			mirage.sections,
			'More guides',
		);
		expect(view.sections.map((s) => s.title)).toEqual(['Start', 'Background', 'More guides']);
		expect(view.sections[2]).toMatchObject({ rest: true, items: [{ guide: { id: 'orphan' } }] });
		expect(view.neighbours.get('install')).toEqual({ section: 'Start', previous: undefined, next: { id: 'hello-world' } });
		expect(view.neighbours.get('hello-world')).toEqual({ section: 'Start', previous: { id: 'install' }, next: undefined });
		expect(view.neighbours.get('faq')).toMatchObject({ previous: { id: 'security' } });
	});

	it('names the file and the field of a line that points nowhere', () => {
		expect(() =>
			docsIndexView({ file: 'content/docs.yaml', sections: [{ title: 'A', pages: ['/docs/gone'] }] }, guides, mirage.sections, 'More'),
		).toThrow('content/docs.yaml: sections.0.pages.0: "/docs/gone" is not a guide: no guide has the permalink "gone"');
	});
});

describe('options that move pages', () => {
	it('let sections share an old path, one route each, never a path a section has', () => {
		const patterns = routesFor(mirage).map((r) => r.pattern);
		expect(patterns.filter((p) => p === '/wiki')).toHaveLength(1);
		expect(patterns.filter((p) => p === '/wiki/[id]')).toHaveLength(1);
		expect(patterns).toContain('/wiki/papers');
		expect(patterns).toContain('/[rootGuide]');
		expect(() => parseOptions({ ...base, oldPaths: { docs: ['blog'] } })).toThrow('oldPaths.docs.0: "blog" is already the path of blog');
	});

	it('refuse an old path on or above a section, or on a file the site writes, whatever its case', () => {
		expect(() => parseOptions({ ...base, oldPaths: { docs: ['community'] }, paths: { minutes: 'community/calls' } })).toThrow(
			'oldPaths.docs.0: "community" is already the path of minutes, or above it',
		);
		expect(() => parseOptions({ ...base, oldPaths: { docs: ['Wiki'] }, paths: { blog: 'wiki' } })).toThrow(
			'oldPaths.docs.0: "Wiki" is already the path of blog',
		);
		expect(() => parseOptions({ ...base, oldPaths: { docs: ['feed.xml'] } })).toThrow(
			'oldPaths.docs.0: "feed.xml" is a file the site writes',
		);
		// Under a section's own path is fine (mirage-www's /docs/papers became /papers/).
		expect(parseOptions({ ...base, oldPaths: { papers: ['docs/papers'] } }).sections.papers?.oldPaths).toEqual(['docs/papers']);
	});

	it('refuse a guide at the root where a section or a file of the build is', () => {
		expect(() => parseOptions({ ...base, atRoot: { docs: ['blog'] } })).toThrow(
			'atRoot.docs.0: "/blog/" is already a section or a file of the site',
		);
		expect(() => parseOptions({ ...base, atRoot: { docs: ['feed.xml'] } })).toThrow('atRoot.docs.0:');
		expect(() => parseOptions({ ...base, atRoot: { docs: ['a/b'] } })).toThrow('atRoot.docs.0: must be a permalink');
	});

	it('choose a dialect per site or per kind, and name the choices when one is wrong', () => {
		const options = parseOptions({ ...base, markdown: { dialect: 'commonmark', kinds: { minutes: 'gfm' } } });
		expect(dialectOf('blog', options.markdown)).toBe('commonmark');
		expect(dialectOf('minutes', options.markdown)).toBe('gfm');
		expect(dialectOf('blog', parseOptions(base).markdown)).toBe('gfm');
		expect(() => parseOptions({ ...base, markdown: { dialect: 'cmark' } })).toThrow('markdown.dialect: must be one of gfm, commonmark');
	});

	it('make a maintainer kind contributed, never a contributed one trusted', () => {
		expect(isTrusted('docs')).toBe(true);
		expect(isTrusted('docs', parseOptions({ ...base, contributed: ['docs'] }).contributed)).toBe(false);
		expect(isTrusted('minutes')).toBe(false);
		expect(() => parseOptions({ ...base, contributed: ['minutes'] })).toThrow('contributed.0: must be one of blog, docs');
	});

	it('tell redirect pages from pages, for the sitemap and the search', () => {
		expect(isRedirectPath('/wiki/install/', mirage.sections)).toBe(true);
		expect(isRedirectPath('/docs/security/', mirage.sections)).toBe(true);
		expect(isRedirectPath('/security/', mirage.sections)).toBe(false);
		expect(isRedirectPath('/docs/install/', mirage.sections)).toBe(false);
	});
});

describe('the checker under old paths', () => {
	const pages = new SitePages(mirage.sections);
	pages.add('docs', 'install');
	pages.add('minutes', 'weekly-2014-03-18');
	const none = () => false;

	it('accepts an old link to an entry of any section that shares the path, with or without the slash', () => {
		expect(pages.brokenLink('/wiki/install', none)).toBeUndefined();
		expect(pages.brokenLink('/wiki/weekly-2014-03-18#Mirage-tutorial-day', none)).toBeUndefined();
		expect(pages.brokenLink('/docs/install', none)).toBeUndefined();
		expect(pages.brokenLink('/wiki/papers', none)).toBeUndefined();
	});

	it('reports a link no section has, saying what each looked for', () => {
		expect(pages.brokenLink('/wiki/gone', none)).toBe(
			'must point at an existing page; no guide has the permalink "gone", and no minutes have the permalink "gone"',
		);
		expect(pages.brokenLink('/docs/gone/', none)).toBe('must point at an existing page; no guide has the permalink "gone"');
	});
});

describe('raw HTML sources, as the checker reads them', () => {
	it('decodes character references with any leading zeros, as a browser does', () => {
		const body =
			'<img src="&#0000000106;avascript:alert(1)">\n\n<img src="&#x000006A;avascript:alert(2)">\n\n<iframe src="/graphics/a&amp;b.html"></iframe>\n';
		expect(scanBody(body, 1).images.map((i) => i.url)).toEqual(['javascript:alert(1)', 'javascript:alert(2)', '/graphics/a&b.html']);
	});
});

describe('the Atom feed', () => {
	const site = new URL('https://example.org/');
	const post = {
		url: 'https://example.org/blog/a/',
		title: 'A <post> & "more"\u0007',
		date: new Date('2014-07-08T00:00:00Z'),
		authors: [{ name: 'Ada', uri: 'https://github.com/ada' }, { name: 'Bob' }],
		tags: ['tls'],
		html: absoluteLinks(
			'<p><a href="/docs/x">x</a> <img src="/graphics/y.png" alt=""> <a href="//cdn.test/z">z</a> <a href="https://o.test/">o</a></p>',
			site,
		),
	};

	it('is well-formed whatever a post holds, with every post, its authors and its full content', () => {
		const feed = parseXml(
			atomFeed([post], {
				title: 'T',
				subtitle: 'S',
				feedUrl: 'https://example.org/feed.xml',
				blogUrl: 'https://example.org/blog/',
				siteName: 'T',
			}),
		);
		const entry = feed.children.find((c) => c.name === 'entry')!;
		expect(entry.children.find((c) => c.name === 'title')!.text).toBe('A <post> & "more"');
		expect(entry.children.filter((c) => c.name === 'author').map((a) => a.children[0]!.text)).toEqual(['Ada', 'Bob']);
		const content = entry.children.find((c) => c.name === 'content')!.text;
		expect(content).toContain('href="https://example.org/docs/x"');
		expect(content).toContain('src="https://example.org/graphics/y.png"');
		expect(content).toContain('href="//cdn.test/z"');
		expect(content).toContain('href="https://o.test/"');
	});
});

describe('the edit link', () => {
	it('escapes each segment of the file name, which is content', () => {
		expect(editUrl('mirage/mirage-www', 'main', 'content/docs/a #b?.md')).toBe(
			'https://github.com/mirage/mirage-www/edit/main/content/docs/a%20%23b%3F.md',
		);
	});
});
