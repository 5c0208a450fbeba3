import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HtmlStore, htmlStoreDir } from '../../../src/project-pages/content/html-store.ts';

const fresh = () => new HtmlStore(htmlStoreDir(pathToFileURL(mkdtempSync(path.join(tmpdir(), 'html-store-')) + '/')));

describe('HtmlStore', () => {
	it('lives inside Astro’s cacheDir, given as a URL or a path', () => {
		expect(htmlStoreDir(new URL('file:///site/node_modules/.astro/'))).toBe(path.join('/site/node_modules/.astro', 'project-pages', 'html'));
		expect(htmlStoreDir('/cache')).toBe(path.join('/cache', 'project-pages', 'html'));
	});

	it('reads back what it wrote, per collection, id and digest', async () => {
		const store = fresh();
		const ref = { collection: 'minutes', id: '2026-11-18', digest: 'abc123' };
		expect(store.has(ref)).toBe(false);
		await store.write(ref, '<p>notes</p>');
		await store.write({ ...ref, collection: 'rfcs' }, '<p>rfc</p>');
		expect(store.has(ref)).toBe(true);
		expect(await store.read(ref)).toBe('<p>notes</p>');
		expect(await store.read({ ...ref, collection: 'rfcs' })).toBe('<p>rfc</p>');
		expect(store.has({ ...ref, digest: 'other' })).toBe(false);
	});

	it('keeps ids with odd characters inside its folder', async () => {
		const store = fresh();
		const ref = { collection: 'blog', id: '../../escape', digest: 'd1' };
		await store.write(ref, 'x');
		expect(path.dirname(store.file(ref))).toMatch(/project-pages\/html\/blog$/);
		expect(await store.read(ref)).toBe('x');
	});

	it('names the source file when a body is missing', async () => {
		const store = fresh();
		await expect(store.read({ collection: 'rfcs', id: 'x', digest: 'd', filePath: 'content/rfcs/0001-x.md' })).rejects.toThrow(
			/^content\/rfcs\/0001-x\.md: its rendered body is missing from .*build again/,
		);
		expect(() => store.file({ collection: 'rfcs', id: 'x', filePath: 'content/rfcs/0001-x.md' })).toThrow(/content\/rfcs\/0001-x\.md: the entry has no digest/);
	});

	it('prunes the bodies no current entry names, in that collection only', async () => {
		const store = fresh();
		const old = { collection: 'minutes', id: 'a', digest: 'v1' };
		const current = { collection: 'minutes', id: 'a', digest: 'v2' };
		const deleted = { collection: 'minutes', id: 'b', digest: 'v1' };
		const other = { collection: 'rfcs', id: 'a', digest: 'v1' };
		for (const ref of [old, current, deleted, other]) await store.write(ref, ref.digest);
		store.prune('minutes', [current]);
		expect(readdirSync(path.dirname(store.file(current)))).toEqual([path.basename(store.file(current))]);
		expect(existsSync(store.file(other))).toBe(true);
	});
});
