import { corpusAvailable, corpusPath } from '../../helpers/corpus.ts';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectContentReferences, referencesInDocument } from '../../../packages/project-pages/ci/content-references.ts';

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
			references: ['mirage/mirage#1520', 'mirage/mirage-xen#12', 'Solo5/solo5#500'],
			repos: ['mirleft/ocaml-tls', 'mirage/mirage-tcpip', 'mirage/ocaml-dns'],
		});
	});

	it('reads front matter of many blank lines to its end', () => {
		// A front-matter pattern that backtracks would not finish on this; speed itself is `npm run bench`'s to measure.
		const doc = `---\n${' \n'.repeat(40_000)}repos: [mirage/irmin]\n---\nbody mirage/mirage#3\n`;
		expect(referencesInDocument(doc)).toEqual({ references: ['mirage/mirage#3'], repos: ['mirage/irmin'] });
	});

	it('still scans a document whose front matter is broken', () => {
		expect(referencesInDocument('---\ntitle: [unclosed\n---\nsee mirage/mirage#1\n').references).toEqual(['mirage/mirage#1']);
		expect(referencesInDocument('---\ndiscussion: [unclosed\n---\nsee mirage/mirage#2\n').references).toEqual(['mirage/mirage#2']);
	});

	it('reads fields only from front matter, quoted keys too, and other fields not at all', () => {
		const doc = '---\r\ntitle: about mirage/title#3\r\n"repos": [mirage/irmin]\r\n---\r\nBody mirage/body#4\r\n';
		expect(referencesInDocument(doc)).toEqual({ references: ['mirage/body#4'], repos: ['mirage/irmin'] });
		expect(referencesInDocument('---\ntitle: t\n---\nrepos: [mirage/not-front-matter]\n').repos).toEqual([]);
		expect(referencesInDocument('\uFEFF---\nrepos: [mirage/irmin]\n---\n').repos).toEqual(['mirage/irmin']);
	});
});

describe('collectContentReferences', () => {
	const dirs: string[] = [];
	afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

	it('walks nested folders, dedupes case-insensitively and sorts', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'ci-refs-'));
		dirs.push(dir);
		await mkdir(join(dir, 'minutes', '2025'), { recursive: true });
		await writeFile(join(dir, 'minutes', '2025', 'a.md'), 'mirage/mirage#2 and Mirage/Mirage#2');
		await writeFile(join(dir, 'b.md'), '---\nrepos: [mirage/irmin]\n---\nmirage/mirage#1');
		await writeFile(join(dir, 'notes.txt'), 'mirage/ignored#1');
		expect(await collectContentReferences(dir)).toEqual({ references: ['mirage/mirage#1', 'mirage/mirage#2'], repos: ['mirage/irmin'] });
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
