/**
 * Real mirage-www content, as is: every weekly-call file and blog post in the
 * corpus (tests/helpers/corpus.ts: the shared copy, or a mirage-www checkout
 * in CI) must build into a page at its permalink, without edits.
 */
import { readdir, readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSite, type FixtureSite } from '../helpers/build-site.ts';
import { corpusAvailable, corpusCount, corpusMarkdown } from '../helpers/corpus.ts';

const present = corpusAvailable('corpus build', 'minutes', 'blog');

async function permalinkOf(file: string): Promise<string> {
	const text = await readFile(file, 'utf8');
	return /^permalink:\s*['"]?([^'"\n]+?)['"]?\s*$/m.exec(text)![1]!;
}

describe.skipIf(!present)('mirage-www corpus build', () => {
	let site: FixtureSite;
	let minutes: string[];
	let posts: string[];

	beforeAll(async () => {
		minutes = corpusMarkdown('minutes');
		posts = corpusMarkdown('blog');
		site = await buildFixtureSite({ content: { minutes, blog: posts } });
		if (site.exitCode !== 0) throw new Error(`corpus build failed:\n${site.output.slice(-4000)}`);
	});

	it('has the whole corpus to build', () => {
		expect(minutes).toHaveLength(corpusCount('minutes'));
		expect(posts).toHaveLength(corpusCount('blog'));
	});

	it('builds every weekly call at /weekly/<permalink>/', async () => {
		for (const file of minutes) {
			const html = await site.read(`weekly/${await permalinkOf(file)}/index.html`);
			expect(html, file).toContain('<article class="prose"');
		}
	});

	it('builds every blog post at /blog/<permalink>/, permalinks that differ from file names included', async () => {
		for (const file of posts) {
			const html = await site.read(`blog/${await permalinkOf(file)}/index.html`);
			expect(html, file).toContain('<article class="prose"');
		}
		expect(await site.read('blog/bitcoin-pinata-results/index.html')).toContain('By ');
	});

	it('keeps the front matter e-mail addresses out of every page', async () => {
		const emails = new Set<string>();
		const bodies: string[] = [];
		for (const file of [...minutes, ...posts]) {
			const text = await readFile(file, 'utf8');
			const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(text);
			expect(frontMatter, file).not.toBeNull();
			for (const m of frontMatter![1]!.matchAll(/^\s*email:\s*(\S+@\S+)/gm)) emails.add(m[1]!.replace(/['"]/g, ''));
			bodies.push(text.slice(frontMatter![0].length));
		}
		// An address the author wrote into the text itself (a mailto: link in a post) is theirs to publish.
		for (const email of emails) if (bodies.some((body) => body.includes(email))) emails.delete(email);
		expect(emails.size).toBeGreaterThan(5);
		const pages = (await readdir(site.dist, { recursive: true })).filter((f) => /\.(html|xml)$/.test(f));
		expect(pages.length).toBeGreaterThan(minutes.length + posts.length);
		for (const page of pages) {
			const html = await site.read(page);
			for (const email of emails) expect(html.includes(email), `${email} in ${page}`).toBe(false);
		}
	});
});
