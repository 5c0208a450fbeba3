import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HtmlStore, htmlStoreDir } from '../../packages/project-pages/content/html-store.ts';

const STORE_MODULE = new URL('../../packages/project-pages/content/html-store.ts', import.meta.url).href;

const freshDir = () => htmlStoreDir(mkdtempSync(path.join(tmpdir(), 'html-store-')));
const minutes = (id: string, digest: string) => ({ collection: 'minutes', id, digest });

describe('HtmlStore', () => {
	it('lives inside Astro’s cacheDir, given as a URL or a path', () => {
		expect(htmlStoreDir(new URL('file:///site/node_modules/.astro/'))).toBe(
			path.join('/site/node_modules/.astro', 'project-pages', 'html'),
		);
		expect(htmlStoreDir('/cache')).toBe(path.join('/cache', 'project-pages', 'html'));
		expect(htmlStoreDir('/cache', { dev: true })).toBe(path.join('/cache', 'project-pages', 'html-dev'));
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

	it('saves an index and one bodies file per collection, which a later process reads back', () => {
		const dir = freshDir();
		const writer = new HtmlStore(dir);
		writer.set(minutes('a', 'v1'), 'Ä');
		writer.set(minutes('b', 'v1'), 'B');
		writer.commit('minutes', [minutes('a', 'v1'), minutes('b', 'v1')]);
		const index = JSON.parse(readFileSync(path.join(dir, 'minutes.json'), 'utf8'));
		expect(index.entries).toEqual({ 'a\nv1': [0, 2], 'b\nv1': [2, 1] });
		expect(readFileSync(path.join(dir, index.bodies), 'utf8')).toBe('ÄB');
		// Another process has its own copy of the store: it finds the bodies on disk.
		const script = `import { HtmlStore } from ${JSON.stringify(STORE_MODULE)};
			const s = new HtmlStore(${JSON.stringify(dir)});
			console.log(JSON.stringify([s.read({ collection: 'minutes', id: 'a', digest: 'v1' }), s.read({ collection: 'minutes', id: 'b', digest: 'v1' })]));`;
		const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
		expect(JSON.parse(out)).toEqual(['Ä', 'B']);
	});

	it('rewrites the bodies file when an entry changes, and removes the old one', () => {
		const dir = freshDir();
		const store = new HtmlStore(dir);
		store.set(minutes('a', 'v1'), 'one');
		store.commit('minutes', [minutes('a', 'v1')]);
		const first = JSON.parse(readFileSync(path.join(dir, 'minutes.json'), 'utf8')).bodies;
		store.set(minutes('a', 'v2'), 'two');
		store.commit('minutes', [minutes('a', 'v2')]);
		const second = JSON.parse(readFileSync(path.join(dir, 'minutes.json'), 'utf8')).bodies;
		expect(second).not.toBe(first);
		expect(readdirSync(dir).sort()).toEqual(['minutes.json', second].sort());
		expect(store.read(minutes('a', 'v2'))).toBe('two');
	});

	it('keeps only the current bodies when it commits: old digests and deleted entries go', () => {
		const dir = freshDir();
		const store = new HtmlStore(dir);
		for (const [id, digest] of [
			['a', 'v1'],
			['a', 'v2'],
			['b', 'v1'],
		])
			store.set(minutes(id!, digest!), `${id}${digest}`);
		store.set({ collection: 'rfcs', id: 'a', digest: 'v1' }, 'rfc');
		store.commit('minutes', [minutes('a', 'v2')]);
		expect(store.has(minutes('a', 'v1'))).toBe(false);
		expect(store.has(minutes('b', 'v1'))).toBe(false);
		expect(store.read(minutes('a', 'v2'))).toBe('av2');
		expect(store.has({ collection: 'rfcs', id: 'a', digest: 'v1' })).toBe(true);
		expect(existsSync(path.join(dir, 'rfcs.json'))).toBe(false);
		expect(existsSync(path.join(dir, 'minutes.json'))).toBe(true);
	});

	it('treats a damaged file as empty, so everything is rendered again', () => {
		const dir = freshDir();
		mkdirSync(dir, { recursive: true });
		writeFileSync(path.join(dir, 'blog.json'), '{ not json');
		writeFileSync(path.join(dir, 'projects.json'), JSON.stringify({ bodies: 'gone.html', entries: { 'x\nd': [0, 1] } }));
		expect(new HtmlStore(dir).has({ collection: 'projects', id: 'x', digest: 'd' })).toBe(false);
		expect(new HtmlStore(dir).has({ collection: 'blog', id: 'x', digest: 'd' })).toBe(false);
	});

	it('does not trust a bodies file cut short, nor one removed after the index was read', () => {
		const dir = freshDir();
		const writer = new HtmlStore(dir);
		writer.set(minutes('a', 'v1'), 'body');
		writer.commit('minutes', [minutes('a', 'v1')]);
		const index = JSON.parse(readFileSync(path.join(dir, 'minutes.json'), 'utf8'));
		// Another process (another copy of the module) sees the same files.
		const check = (code: string) =>
			execFileSync(
				process.execPath,
				[
					'--input-type=module',
					'-e',
					`import { HtmlStore } from ${JSON.stringify(STORE_MODULE)};\nconst s = new HtmlStore(${JSON.stringify(dir)});\n${code}`,
				],
				{ encoding: 'utf8' },
			).trim();
		writeFileSync(path.join(dir, index.bodies), 'bo');
		expect(check(`console.log(s.has({ collection: 'minutes', id: 'a', digest: 'v1' }))`)).toBe('false');
		writeFileSync(path.join(dir, index.bodies), 'body');
		const afterRemoval = check(
			`s.has({ collection: 'minutes', id: 'a', digest: 'v1' }); (await import('node:fs')).rmSync(${JSON.stringify(path.join(dir, index.bodies))});
			try { s.read({ collection: 'minutes', id: 'a', digest: 'v1', filePath: 'content/minutes/a.md' }); } catch (e) { console.log(e.message); }`,
		);
		expect(afterRemoval).toMatch(/^content\/minutes\/a\.md: its rendered body is missing/);
	});

	it('names the source file when a body is missing or cannot be keyed', () => {
		const store = new HtmlStore(freshDir());
		expect(() => store.read({ collection: 'rfcs', id: 'x', digest: 'd', filePath: 'content/rfcs/0001-x.md' })).toThrow(
			/^content\/rfcs\/0001-x\.md: its rendered body is missing from .*rfcs\.json.*build again/,
		);
		expect(() => store.has({ collection: 'rfcs', id: 'x', filePath: 'content/rfcs/0001-x.md' })).toThrow(
			/content\/rfcs\/0001-x\.md: the entry has no digest/,
		);
	});
});
