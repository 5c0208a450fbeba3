/**
 * Builds the fixture site end to end and checks that every kind's pages exist
 * with their key content, that mirage-www front matter maps onto the new
 * fields, and that untrusted markdown renders inert.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/build-site.ts';
import { sharedFixtureSite, type SharedSite } from '../helpers/fixture-sites.ts';

let site: SharedSite;

beforeAll(async () => {
	site = await sharedFixtureSite('site');
});

describe('fixture site build', () => {
	it('writes a page for every minutes file at its permalink, with the summary', async () => {
		const legacy = await site.read('weekly/weekly-2015-03-04/index.html');
		expect(legacy).toContain('Weekly Meeting: 2015-03-04');
		// Its notes open with the attendees (the chair among them): the summary box does not repeat them.
		expect(legacy).toContain('<p>Attendees: Ada Tester (chair), Bob Builder and Carol Unknown</p>');
		expect(legacy).not.toMatch(/<dt>(?:Chair|Attendees)/);
		expect(legacy).toContain('Legacy topic one');
		// Bare owner/repo#N links to GitHub with its state beside it (unknown: the fixture's status snapshot does not have it).
		expect(legacy).toMatch(
			/<a href="https:\/\/github.com\/mirage\/mirage\/issues\/101" class="gh-ref" data-ref="mirage\/mirage#101">mirage\/mirage#101<\/a> <span class="badge ref-unknown"[^>]*>unknown<\/span>/,
		);
		const fresh = await site.read('weekly/2026-11-18/index.html');
		expect(fresh).toContain('Fixture call');
		expect(fresh).toContain('rel="prev" href="/weekly/weekly-2015-03-04/"');
		expect(legacy).toContain('rel="next" href="/weekly/2026-11-18/"');
		const index = await site.read('weekly/index.html');
		expect(index).toContain('4th Mar 2015: fixture legacy call');
		expect(index.indexOf('id="y2026"')).toBeLessThan(index.indexOf('id="y2015"'));
	});

	it('never publishes e-mail addresses from mirage-www front matter', async () => {
		// The fixture's front matter has the address, so the check has something to find.
		expect(await readFile(path.join(REPO, 'tests/fixtures/site/content/minutes/2015-03-04.md'), 'utf8')).toContain('secret.example.org');
		const published = (await allFiles(site.dist)).filter((file) => /\.(html|xml|json)$/.test(file));
		expect(published.length).toBeGreaterThan(20);
		for (const file of published) {
			const text = await site.read(path.relative(site.dist, file));
			expect(text, file).not.toContain('secret.example.org');
		}
	});

	it('writes RFC pages with a header table and an index grouped by status', async () => {
		const rfc = await site.read('rfcs/0001-fixture-proposal/index.html');
		expect(rfc).toContain('RFC 0001');
		expect(rfc).toContain('Discuss on pull request #7');
		expect(rfc).toMatch(/<th scope="row">Status<\/th><td><span class="status status-discussion">discussion/);
		expect(rfc).toContain('href="/weekly/weekly-2015-03-04/"');
		const index = await site.read('rfcs/index.html');
		expect(index.indexOf('id="discussion"')).toBeLessThan(index.indexOf('id="superseded"'));
		const older = await site.read('rfcs/0002-older-idea/index.html');
		expect(older).toContain('Superseded by');
		expect(older).toContain('href="/rfcs/0001-fixture-proposal/"');
	});

	it('renders untrusted markdown inert', async () => {
		const rfc = await site.read('rfcs/0001-fixture-proposal/index.html');
		// The body as written, from its first heading to the end of the article.
		const body = /<h2 id="problem"[\s\S]*?<\/article>/.exec(rfc)?.[0];
		expect(body, 'the RFC body, from "## Problem" to </article>').toBeDefined();
		expect(body).toContain('Fixtures need a proposal.');
		expect(body).toMatch(/<img src="[^"]*x\.png"/);
		expect(body).not.toMatch(/<script/i);
		expect(body).not.toMatch(/onerror/i);
	});

	it('writes project, blog, tag, person, feed and 404 pages', async () => {
		expect(await site.read('projects/fixture-project/index.html')).toContain('175 h');
		expect(await site.read('projects/index.html')).toContain('Fixture project');
		const legacyPost = await site.read('blog/renamed-legacy-post/index.html');
		expect(legacyPost).toContain('A legacy fixture post');
		expect(legacyPost).toContain('2016-02-29');
		const mdx = await site.read('blog/mdx-post/index.html');
		expect(mdx).toContain('<aside class="note">Rendered by a component</aside>');
		expect(await site.read('tags/fixtures/index.html')).toContain('An MDX fixture post');
		const person = await site.read('people/adatester/index.html');
		expect(person).toContain('An MDX fixture post');
		expect(person).toContain('Fixture proposal');
		expect(await site.read('people/bobbuilder/index.html')).toContain('Fixture project');
		expect(await site.read('blog/rss.xml')).toContain('<link>https://fixture.test/blog/mdx-post/</link>');
		expect(await site.read('weekly/rss.xml')).toContain('Fixture call');
		expect(await site.read('404.html')).toContain('Page not found');
		expect(await site.read('sitemap-index.xml')).toContain('sitemap-0.xml');
	});

	it('gives every page a canonical URL and OpenGraph tags', async () => {
		const home = await site.read('index.html');
		expect(home).toContain('<link rel="canonical" href="https://fixture.test/">');
		expect(home).toContain('<meta property="og:title" content="MirageOS">');
		expect(await site.read('blog/mdx-post/index.html')).toContain('<meta property="og:type" content="article">');
	});
});

async function allFiles(dir: string): Promise<string[]> {
	const names = await readdir(dir, { recursive: true });
	return names.map((n) => path.join(dir, n));
}
