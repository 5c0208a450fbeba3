/**
 * Real mirage-www content, as is: every weekly-call file and blog post in the
 * shared corpus must build into a page at its permalink, without edits.
 * The corpus lives beside the repository and is never copied into it.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSite, type FixtureSite } from '../helpers/build-site.ts';
import { CORPUS, corpusAvailable } from '../helpers/corpus.ts';

const present = corpusAvailable('corpus build', 'minutes') && corpusAvailable('corpus build', 'blog');

async function markdownFiles(dir: string): Promise<string[]> {
	return (await readdir(dir)).filter((f) => f.endsWith('.md')).map((f) => path.join(dir, f));
}

async function permalinkOf(file: string): Promise<string> {
	const text = await readFile(file, 'utf8');
	return /^permalink:\s*['"]?([^'"\n]+?)['"]?\s*$/m.exec(text)![1]!;
}

describe.skipIf(!present)('mirage-www corpus build', () => {
	let site: FixtureSite;
	let minutes: string[];
	let posts: string[];

	beforeAll(async () => {
		minutes = await markdownFiles(path.join(CORPUS, 'minutes'));
		posts = await markdownFiles(path.join(CORPUS, 'blog'));
		site = await buildFixtureSite({ content: { minutes, blog: posts } });
		if (site.exitCode !== 0) throw new Error(`corpus build failed:\n${site.output.slice(-4000)}`);
	});

	it('has the whole corpus to build', () => {
		expect(minutes).toHaveLength(51);
		expect(posts).toHaveLength(40);
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
		for (const file of [...minutes, ...posts]) {
			for (const m of (await readFile(file, 'utf8')).matchAll(/^\s*email:\s*(\S+@\S+)/gm)) emails.add(m[1]!.replace(/['"]/g, ''));
		}
		expect(emails.size).toBeGreaterThan(5);
		const pages = (await readdir(site.dist, { recursive: true })).filter((f) => /\.(html|xml)$/.test(f));
		for (const page of pages) {
			const html = await site.read(page);
			for (const email of emails) expect(html.includes(email), `${email} in ${page}`).toBe(false);
		}
	});
});
