import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { removeStaleOutput } from '../../../src/project-pages/integration/keep-output.ts';

function dist(files: Record<string, 'old' | 'new'>, buildStart: number): string {
	const root = mkdtempSync(path.join(tmpdir(), 'keep-output-'));
	for (const [file, age] of Object.entries(files)) {
		const full = path.join(root, file);
		mkdirSync(path.dirname(full), { recursive: true });
		writeFileSync(full, file);
		const when = new Date(age === 'old' ? buildStart - 60_000 : buildStart + 1_000);
		utimesSync(full, when, when);
	}
	return root;
}

describe('removeStaleOutput', () => {
	const start = Date.now();
	const root = dist(
		{
			'weekly/kept/index.html': 'old', // a page Astro kept: reported in assets
			'weekly/deleted/index.html': 'old', // its entry is gone
			'_astro/site.OLDHASH.css': 'old', // last build's bundle
			'_astro/site.NEWHASH.css': 'new', // written by this build
			'favicon.svg': 'new',
		},
		start,
	);
	const url = (file: string) => pathToFileURL(path.join(root, file));
	const { removed } = removeStaleOutput(pathToFileURL(root + '/'), [[url('weekly/kept/index.html')]], start);

	it('deletes old files no route produced, and the folders they leave empty', () => {
		expect(removed).toEqual(['_astro/site.OLDHASH.css', 'weekly/deleted/index.html']);
		expect(existsSync(path.join(root, 'weekly/deleted'))).toBe(false);
	});

	it('keeps pages Astro reports and files this build wrote', () => {
		for (const file of ['weekly/kept/index.html', '_astro/site.NEWHASH.css', 'favicon.svg'])
			expect(existsSync(path.join(root, file))).toBe(true);
	});
});
