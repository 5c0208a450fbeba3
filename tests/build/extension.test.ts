/**
 * A site that makes the integration its own without forking it: its own
 * front-matter field for minutes (validated, and read by its own page
 * through getCollection), its own name for the projects section, the RFC
 * section turned off, its own footer and its own CSS.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSite, REPO, type FixtureSite } from '../helpers/build-site.ts';
import { builtPages, distFiles } from '../e2e/support/built-site.ts';

const CONTENT_CONFIG = `import { z } from 'astro/zod';
import { projectPagesCollections } from 'astro-project-pages/collections';
export const collections = projectPagesCollections({ extend: { minutes: z.object({ venue: z.string().optional() }) } });
`;

const VENUES_PAGE = `---
import { getCollection } from 'astro:content';
import { entryUrl } from 'astro-project-pages/site';
const calls = (await getCollection('minutes')).filter((call) => call.data.venue);
---
<html lang="en"><head><title>Venues</title></head><body><ul>
{calls.map((call) => <li><a href={entryUrl(call)}>{call.data.title}</a> at <span class="venue">{call.data.venue}</span></li>)}
</ul></body></html>
`;

const FOOTER = `---
import { config, sectionUrl } from 'astro-project-pages/site';
---
<footer class="site-footer"><p>Our own footer for {config.title}: <a href={sectionUrl('projects')}>ideas</a></p></footer>
`;

const CALL = ['---', 'date: 2026-12-02', 'venue: Cambridge', '---', '', 'Met in person.', ''].join('\n');

let site: FixtureSite;

beforeAll(async () => {
	site = await buildFixtureSite({
		content: { '.': path.join(REPO, 'tests/fixtures/site/content') },
		contentConfig: CONTENT_CONFIG,
		options: {
			labels: { projects: 'Student Ideas' },
			paths: { minutes: 'weekly', rfcs: false },
			// No ci.toolchain, so no status section: the site's own strip is shown all the same.
			components: { Footer: './src/components/SiteFooter.astro', StatusStrip: './src/components/OwnStrip.astro' },
			customCss: ['./src/styles/theme.css'],
		},
		files: {
			'src/pages/venues.astro': VENUES_PAGE,
			'src/components/SiteFooter.astro': FOOTER,
			'src/components/OwnStrip.astro': '<p class="own-strip">Meetings are on Tuesdays.</p>\n',
			'src/styles/theme.css': ':root { --pp-link: #0b4f6c; }\n',
			'content/minutes/2026-12-02.md': CALL,
		},
	});
	if (site.exitCode !== 0) throw new Error(`fixture build failed:\n${site.output}`);
});

const pagesHtml = async () =>
	Promise.all(
		builtPages(site.dist).map(async (page) => ({ url: page.url, html: await readFile(path.join(site.dist, page.file), 'utf8') })),
	);

describe('a site that extends, renames, turns off and overrides', () => {
	it("reaches the site's own field through getCollection on its own page", async () => {
		const venues = await site.read('venues/index.html');
		expect(venues).toMatch(/<a href="\/weekly\/2026-12-02\/">Minutes: 2026-12-02<\/a> at <span class="venue">Cambridge<\/span>/);
	});

	it('renames the projects section everywhere: sidebar, titles, eyebrow, search, 404, home', async () => {
		const project = await site.read('projects/fixture-project/index.html');
		expect(project).toContain('<a href="/projects/" aria-current="page">Student Ideas</a>');
		expect(project).toMatch(/<p class="eyebrow">Student Idea · /);
		expect(project).toContain('data-kind="Student Idea"');
		expect(await site.read('projects/index.html')).toMatch(/<title>Student Ideas · Fixture<\/title>[\s\S]*<h1>Student Ideas<\/h1>/);
		const search = await site.read('search/index.html');
		expect(search).toContain('<option value="Student Idea">Student Ideas</option>');
		expect(search).toContain('<a href="/projects/">Student Ideas</a>: project ideas');
		expect(await site.read('404.html')).toContain('<a href="/projects/">Student Ideas</a>');
		expect(await site.read('index.html')).toContain('Available Student Ideas');
		for (const { url, html } of await pagesHtml()) {
			if (url === '/venues/') continue;
			expect(html, url).not.toMatch(/>\s*Projects\s*</);
		}
	});

	it('turns the RFC section off: no pages, no links to it, and a warning for the files left in its folder', async () => {
		expect(distFiles(site.dist).filter((f) => f.startsWith('rfcs/'))).toEqual([]);
		for (const { url, html } of await pagesHtml()) expect(html, url).not.toContain('href="/rfcs/');
		expect(site.output).toMatch(
			/content\/rfcs\/ has 2 file\(s\) \(content\/rfcs\/0001-fixture-proposal\.md, …\), but the rfcs section is off/,
		);
	});

	it("puts the site's footer on every page, in place of the integration's", async () => {
		for (const { url, html } of await pagesHtml()) {
			if (url === '/venues/') continue;
			expect(html, url).toContain('Our own footer for Fixture: <a href="/projects/">ideas</a>');
			expect(html, url).not.toContain('Blog feed');
		}
	});

	it("puts the site's own status strip on every page, although the site has no status section", async () => {
		for (const { url, html } of await pagesHtml()) {
			if (url === '/venues/') continue;
			expect(html, url).toContain('<p class="own-strip">Meetings are on Tuesdays.</p>');
		}
		expect(distFiles(site.dist).filter((f) => f.startsWith('status/'))).toEqual([]);
	});

	it("adds the site's CSS outside the integration's cascade layer, so its tokens win", async () => {
		const css = (
			await Promise.all(
				distFiles(site.dist)
					.filter((f) => f.endsWith('.css'))
					.map((f) => site.read(f)),
			)
		).join('\n');
		expect(css).toContain('@layer project-pages{');
		const own = css.indexOf('--pp-link:#0b4f6c');
		expect(own).toBeGreaterThan(-1);
		// Outside every layer block: the text before it opens as many braces as it closes.
		const before = css.slice(0, own);
		const selectorStart = before.lastIndexOf('}') + 1;
		const outer = before.slice(0, selectorStart);
		expect(outer.split('{').length).toBe(outer.split('}').length);
	});

	it("fails the build on a bad value of the site's own field, naming the file, the line and the field", async () => {
		await writeFile(path.join(site.root, 'content/minutes/2026-12-09.md'), ['---', 'date: 2026-12-09', 'venue: 42', '---', ''].join('\n'));
		const { exitCode, output } = await site.rebuild();
		expect(exitCode).not.toBe(0);
		expect(output).toMatch(/content\/minutes\/2026-12-09\.md:3:8: venue: must be string/);
	});
});
