/**
 * Under `astro dev`, pages read Astro's data store as last written to disk,
 * behind the loader's: a page may ask for the digest an edit just replaced.
 * A re-sync keeps those bodies (commit with keepEarlier); a build drops them.
 * Without this, tests/build/dev-reload.test.ts saw "its rendered body is
 * missing" under load.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HtmlStore, htmlStoreDir } from '../../../packages/project-pages/content/html-store.ts';

const minutes = (id: string, digest: string) => ({ collection: 'minutes', id, digest });

describe('HtmlStore.commit', () => {
	for (const keepEarlier of [false, true]) {
		it(`${keepEarlier ? 'keeps' : 'drops'} the body of a replaced digest ${keepEarlier ? 'with' : 'without'} keepEarlier`, () => {
			const store = new HtmlStore(htmlStoreDir(mkdtempSync(path.join(tmpdir(), 'html-store-dev-')), { dev: true }));
			store.set(minutes('a', 'v1'), '<p>first save</p>');
			store.commit('minutes', [minutes('a', 'v1')]);
			store.set(minutes('a', 'v2'), '<p>second save</p>');
			store.commit('minutes', [minutes('a', 'v2')], { keepEarlier });
			expect(store.read(minutes('a', 'v2'))).toBe('<p>second save</p>');
			expect(store.has(minutes('a', 'v1'))).toBe(keepEarlier);
		});
	}
});
