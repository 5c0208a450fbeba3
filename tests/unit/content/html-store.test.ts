import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HtmlStore, htmlStoreDir } from '../../../src/project-pages/content/html-store.ts';

const freshDir = () => htmlStoreDir(mkdtempSync(path.join(tmpdir(), 'html-store-')));
const minutes = (id: string, digest: string) => ({ collection: 'minutes', id, digest });

describe('HtmlStore', () => {
	it('lives inside Astro’s cacheDir, given as a URL or a path', () => {
		expect(htmlStoreDir(new URL('file:///site/node_modules/.astro/'))).toBe(path.join('/site/node_modules/.astro', 'project-pages', 'html'));
		expect(htmlStoreDir('/cache')).toBe(path.join('/cache', 'project-pages', 'html'));
	});

	it('reads back what it holds, per collection, id and digest', () => {
		const store = new HtmlStore(freshDir());
		expect(store.has(minutes('2026-11-18', 'abc'))).toBe(false);
		store.set(minutes('2026-11-18', 'abc'), '<p>notes</p>');
		store.set({ collection: 'rfcs', id: '2026-11-18', digest: 'abc' }, '<p>rfc</p>');
		expect(store.read(minutes('2026-11-18', 'abc'))).toBe('<p>notes</p>');
		expect(store.read({ collection: 'rfcs', id: '2026-11-18', digest: 'abc' })).toBe('<p>rfc</p>');
		expect(store.has(minutes('2026-11-18', 'other'))).toBe(false);
	});

	it('saves one file per collection, which a later process reads back', () => {
		const dir = freshDir();
		const writer = new HtmlStore(dir);
		writer.set(minutes('a', 'v1'), 'A');
		writer.set(minutes('b', 'v1'), 'B');
		writer.commit('minutes', [minutes('a', 'v1'), minutes('b', 'v1')]);
		const file = path.join(dir, 'minutes.json');
		// What another process finds: the file, not this process's copy.
		expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ 'a\nv1': 'A', 'b\nv1': 'B' });
	});

	it('keeps only the current bodies when it commits: old digests and deleted entries go', () => {
		const dir = freshDir();
		const store = new HtmlStore(dir);
		for (const [id, digest] of [['a', 'v1'], ['a', 'v2'], ['b', 'v1']]) store.set(minutes(id!, digest!), `${id}${digest}`);
		store.set({ collection: 'rfcs', id: 'a', digest: 'v1' }, 'rfc');
		store.commit('minutes', [minutes('a', 'v2')]);
		expect(store.has(minutes('a', 'v1'))).toBe(false);
		expect(store.has(minutes('b', 'v1'))).toBe(false);
		expect(store.read(minutes('a', 'v2'))).toBe('av2');
		expect(store.has({ collection: 'rfcs', id: 'a', digest: 'v1' })).toBe(true);
		expect(existsSync(path.join(dir, 'rfcs.json'))).toBe(false);
	});

	it('treats a damaged file as empty, so everything is rendered again', () => {
		const dir = freshDir();
		mkdirSync(dir, { recursive: true });
		writeFileSync(path.join(dir, 'blog.json'), '{ not json');
		expect(new HtmlStore(dir).has({ collection: 'blog', id: 'x', digest: 'd' })).toBe(false);
	});

	it('names the source file when a body is missing or cannot be keyed', () => {
		const store = new HtmlStore(freshDir());
		expect(() => store.read({ collection: 'rfcs', id: 'x', digest: 'd', filePath: 'content/rfcs/0001-x.md' })).toThrow(
			/^content\/rfcs\/0001-x\.md: its rendered body is missing from .*rfcs\.json.*build again/,
		);
		expect(() => store.has({ collection: 'rfcs', id: 'x', filePath: 'content/rfcs/0001-x.md' })).toThrow(/content\/rfcs\/0001-x\.md: the entry has no digest/);
	});
});
