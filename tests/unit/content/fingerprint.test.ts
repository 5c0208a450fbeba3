/**
 * The pipeline fingerprint goes into every stored entry's digest: it must
 * change when any module the loaders reach changes (found by following their
 * imports, so a new module needs no list), and only then.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFingerprint, pipelineSources } from '../../../packages/project-pages/loaders/fingerprint.ts';

const PACKAGE = path.resolve(import.meta.dirname, '../../../packages/project-pages');
const relative = (files: string[]) => files.map((f) => path.relative(PACKAGE, f));

describe('pipelineSources', () => {
	const { files, packages } = pipelineSources(['markdown-loader.ts', 'blog-loader.ts'].map((n) => path.join(PACKAGE, 'loaders', n)));

	it('follows the loaders into every module they use, however far', () => {
		expect(relative(files)).toEqual(
			expect.arrayContaining(['loaders/markdown-loader.ts', 'markdown/render.ts', 'markdown/sanitize.ts', 'utils/safe-url.ts', 'content/schemas.ts']),
		);
		// Pages and components turn no file into an entry.
		expect(relative(files).some((f) => f.startsWith('components/') || f.startsWith('routes/'))).toBe(false);
	});

	it('lists the packages those modules import, not type-only ones', () => {
		expect(packages).toEqual(expect.arrayContaining(['satteri', '@astrojs/markdown-satteri', 'gray-matter', 'yaml']));
		expect(packages).not.toContain('mdast');
	});
});

describe('computeFingerprint', () => {
	let copy: string;
	beforeAll(async () => {
		copy = await mkdtemp(path.join(tmpdir(), 'fingerprint-'));
		await cp(PACKAGE, copy, { recursive: true, filter: (source) => !source.includes('node_modules') });
	});
	afterAll(() => rm(copy, { recursive: true, force: true }));

	it('changes when a module the pipeline reaches changes, and not for one it does not', async () => {
		const loaders = path.join(copy, 'loaders');
		const before = computeFingerprint(loaders);
		expect(computeFingerprint(loaders)).toBe(before);
		const unreachable = path.join(copy, 'components/Footer.astro');
		await writeFile(unreachable, `${await readFile(unreachable, 'utf8')}\n`);
		expect(computeFingerprint(loaders)).toBe(before);
		const safeUrl = path.join(copy, 'utils/safe-url.ts');
		await writeFile(safeUrl, `${await readFile(safeUrl, 'utf8')}\n// changed\n`);
		expect(computeFingerprint(loaders)).not.toBe(before);
	});
});
