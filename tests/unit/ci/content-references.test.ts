import { corpusAvailable, corpusPath } from '../../helpers/corpus.ts';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectContentReferences, referencesInDocument } from '../../../packages/project-pages/ci/content-references.ts';
import { MAX_CONTENT_BYTES } from '../../../packages/project-pages/content/read-content.ts';

describe('referencesInDocument', () => {
	it('reads discussion, repos, affects and body references, skipping code', () => {
		const doc = [
			'---',
			'discussion: https://github.com/mirage/mirage/pull/1520',
			'affects: [mirage/mirage-tcpip, "mirage/ocaml-dns"]',
			'repos: mirleft/ocaml-tls',
			'affected_repos: [not a repo]',
			'---',
			'We merged mirage/mirage-xen#12 and https://github.com/Solo5/solo5/issues/500.',
			'',
			'```sh',
			'git fetch origin mirage/hidden#1',
			'```',
			'Not `mirage/inline#2` either.',
		].join('\n');
		expect(referencesInDocument(doc)).toEqual({
			fields: ['mirage/mirage#1520'],
			body: ['mirage/mirage-xen#12', 'Solo5/solo5#500'],
			repos: ['mirleft/ocaml-tls', 'mirage/mirage-tcpip', 'mirage/ocaml-dns'],
		});
	});

	it('reads front matter of many blank lines to its end', () => {
		// A front-matter pattern that backtracks would not finish on this; speed itself is `npm run bench`'s to measure.
		const doc = `---\n${' \n'.repeat(40_000)}repos: [mirage/irmin]\n---\nbody mirage/mirage#3\n`;
		expect(referencesInDocument(doc)).toEqual({ fields: [], body: ['mirage/mirage#3'], repos: ['mirage/irmin'] });
	});

	it('still scans a document whose front matter is broken', () => {
		expect(referencesInDocument('---\ntitle: [unclosed\n---\nsee mirage/mirage#1\n').body).toEqual(['mirage/mirage#1']);
		expect(referencesInDocument('---\ndiscussion: [unclosed\n---\nsee mirage/mirage#2\n').body).toEqual(['mirage/mirage#2']);
	});

	it('reads fields only from front matter, quoted keys too, and other fields not at all', () => {
		const doc = '---\r\ntitle: about mirage/title#3\r\n"repos": [mirage/irmin]\r\n---\r\nBody mirage/body#4\r\n';
		expect(referencesInDocument(doc)).toEqual({ fields: [], body: ['mirage/body#4'], repos: ['mirage/irmin'] });
		expect(referencesInDocument('---\ntitle: t\n---\nrepos: [mirage/not-front-matter]\n').repos).toEqual([]);
		expect(referencesInDocument('\uFEFF---\nrepos: [mirage/irmin]\n---\n').repos).toEqual(['mirage/irmin']);
	});

	it('dates a document by its date or created field, else by its file name', () => {
		expect(referencesInDocument('---\ntitle: t\ndate: 2016-2-9\n---\n').date).toBe('2016-02-09');
		expect(referencesInDocument("---\ncreated: '2021-11-30'\n---\n").date).toBe('2021-11-30');
		expect(referencesInDocument('no front matter', '2015-03-04.md').date).toBe('2015-03-04');
		expect(referencesInDocument('---\ntitle: t\n---\nbody date: 2020-01-01', 'notes.md').date).toBeUndefined();
	});
});

describe('collectContentReferences', () => {
	const dirs: string[] = [];
	afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

	it('walks nested folders, dedupes case-insensitively, and orders references as a build fetches them', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'ci-refs-'));
		dirs.push(dir);
		await mkdir(join(dir, 'minutes', '2025'), { recursive: true });
		await mkdir(join(dir, 'rfcs'));
		await writeFile(join(dir, 'minutes', '2025', '2025-01-08.md'), 'mirage/mirage#2 and Mirage/Mirage#2');
		await writeFile(join(dir, 'minutes', '2025', '2025-03-05.md'), 'mirage/mirage#3');
		await writeFile(join(dir, 'b.md'), '---\nrepos: [mirage/irmin]\n---\nmirage/mirage#1');
		await writeFile(join(dir, 'rfcs', '0001-x.md'), '---\ncreated: 2019-01-01\ndiscussion: mirage/rfcs#9\n---\nmirage/mirage#4');
		await writeFile(join(dir, 'notes.txt'), 'mirage/ignored#1');
		// Front-matter fields first, then prose of the newest content first, undated last.
		expect(await collectContentReferences(dir)).toEqual({
			references: ['mirage/rfcs#9', 'mirage/mirage#3', 'mirage/mirage#2', 'mirage/mirage#4', 'mirage/mirage#1'],
			repos: ['mirage/irmin'],
		});
	});

	it('reads content files as the loaders do: no symbolic link followed, nothing past the size cap', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'ci-refs-links-'));
		const outside = await mkdtemp(join(tmpdir(), 'ci-refs-outside-'));
		dirs.push(dir, outside);
		await writeFile(join(outside, 'secret.md'), 'mirage/outside#1');
		await writeFile(join(dir, 'kept.md'), 'mirage/kept#1');
		await symlink(join(outside, 'secret.md'), join(dir, 'linked.md'));
		await symlink(outside, join(dir, 'linked-folder'));
		await symlink('/', join(dir, 'root'));
		// Past the content size cap a file is refused by the loaders, so it names nothing to fetch.
		await writeFile(join(dir, 'huge.md'), `mirage/huge#1\n${'x'.repeat(MAX_CONTENT_BYTES)}`);
		expect(await collectContentReferences(dir)).toEqual({ references: ['mirage/kept#1'], repos: [] });
	});

	it('returns nothing for a missing folder', async () => {
		expect(await collectContentReferences(join(tmpdir(), 'no-such-content-dir-xyz'))).toEqual({ references: [], repos: [] });
	});

	it.skipIf(!corpusAvailable('content references in the corpus', 'minutes'))(
		'finds the references in the real mirage-www minutes',
		async () => {
			const found = await collectContentReferences(corpusPath('minutes'));
			expect(found.references.length).toBeGreaterThan(20);
			expect(found.references).toContain('mirage/mirage-tcpip#152');
			expect(found.references.every((r) => /^[\w.-]+\/[\w.-]+#\d+$/.test(r))).toBe(true);
		},
	);
});
