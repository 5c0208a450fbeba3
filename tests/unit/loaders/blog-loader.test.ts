/**
 * The blog loader on a site without @astrojs/mdx (the minimal adopter):
 * an `.mdx` post is an error naming the file and the fix, where Astro's glob
 * loader would skip it with a warning; and a blog of `.md` posts only runs
 * no glob for MDX, which would warn that it found no files.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { blogLoader } from '../../../packages/project-pages/loaders/blog-loader.ts';

function site(files: Record<string, string>, integrations: string[] = []) {
	const root = mkdtempSync(path.join(tmpdir(), 'blog-loader-'));
	for (const [file, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
		writeFileSync(path.join(root, file), text);
	}
	const entries = new Map<string, { id: string; filePath?: string; data: Record<string, unknown> }>();
	const warnings: string[] = [];
	const store = {
		get: (id: string) => entries.get(id),
		set: (entry: { id: string; data: Record<string, unknown> }) => (entries.set(entry.id, entry), true),
		delete: (id: string) => void entries.delete(id),
		has: (id: string) => entries.has(id),
		clear: () => entries.clear(),
		keys: () => [...entries.keys()],
		values: () => [...entries.values()],
		entries: () => [...entries.entries()],
		addModuleImport: () => {},
	};
	const context = {
		collection: 'blog',
		store,
		config: { root: pathToFileURL(`${root}/`), integrations: integrations.map((name) => ({ name, hooks: {} })) },
		logger: { warn: (m: string) => warnings.push(m), info: () => {}, error: () => {}, debug: () => {} },
		generateDigest: (s: string) => String(s.length),
		parseData: async ({ data }: { data: unknown }) => data,
	} as unknown as LoaderContext;
	const loader = blogLoader({ directory: 'content/blog', bodies: path.join(root, 'bodies') });
	return { load: () => loader.load(context), entries, warnings };
}

const post = '---\ntitle: Hello\ndate: 2026-01-08\n---\n\nFirst post.\n';

describe('blogLoader without @astrojs/mdx', () => {
	it('fails on an .mdx post, naming the file and how to fix it', async () => {
		const { load } = site({ 'content/blog/hello.md': post, 'content/blog/fancy.mdx': post });
		await expect(load()).rejects.toThrow(
			'Invalid content in blog (1 file):\ncontent/blog/fancy.mdx: an .mdx post needs the @astrojs/mdx integration: run `npx astro add mdx`',
		);
	});

	it('loads .md posts without a word about MDX', async () => {
		const { load, entries, warnings } = site({ 'content/blog/hello.md': post });
		await load();
		expect([...entries.keys()]).toEqual(['hello']);
		expect(warnings).toEqual([]);
	});
});
