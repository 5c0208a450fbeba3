import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyOutput, removeStaleOutput } from '../../../packages/project-pages/integration/keep-output.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
function write(root: string, files: string[]): void {
	for (const file of files) {
		mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
		writeFileSync(path.join(root, file), file);
	}
}

describe('removeStaleOutput', () => {
	const root = mkdtempSync(path.join(tmpdir(), 'keep-output-'));
	const publicDir = mkdtempSync(path.join(tmpdir(), 'keep-output-public-'));
	let removed: string[] = [];

	beforeAll(async () => {
		// Left by the last build: a page Astro kept, a deleted entry's page, an old bundle,
		// a gh-pages worktree, and a public file whose copy kept its old time.
		write(root, ['weekly/kept/index.html', 'weekly/deleted/index.html', '_astro/site.OLDHASH.css', '.git/HEAD', 'robots.txt']);
		write(publicDir, ['robots.txt']);
		await sleep(20);
		const start = Date.now();
		await sleep(20);
		write(root, ['_astro/site.NEWHASH.css', 'favicon.svg']); // written by this build
		const url = (file: string) => pathToFileURL(path.join(root, file));
		({ removed } = removeStaleOutput(pathToFileURL(root + '/'), [[url('weekly/kept/index.html')]], start, publicDir));
	});

	it('deletes old files no route produced, and the folders they leave empty', () => {
		expect(removed).toEqual(['_astro/site.OLDHASH.css', 'weekly/deleted/index.html']);
		expect(existsSync(path.join(root, 'weekly/deleted'))).toBe(false);
	});

	it('keeps pages Astro reports, files this build wrote, files from public/, and .git', () => {
		for (const file of ['weekly/kept/index.html', '_astro/site.NEWHASH.css', 'favicon.svg', 'robots.txt', '.git/HEAD']) {
			expect(existsSync(path.join(root, file)), file).toBe(true);
		}
	});
});

describe('emptyOutput', () => {
	it('removes everything an unfinished build left, folders where files go included, but .git', () => {
		const root = mkdtempSync(path.join(tmpdir(), 'keep-output-empty-'));
		write(root, ['weekly/index.html/index.html', 'index.html', '.git/HEAD', '.project-pages-build-start']);
		expect(emptyOutput(root)).toBe(3);
		expect(existsSync(path.join(root, 'weekly'))).toBe(false);
		expect(existsSync(path.join(root, 'index.html'))).toBe(false);
		expect(existsSync(path.join(root, '.git/HEAD'))).toBe(true);
	});
});
