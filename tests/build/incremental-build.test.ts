/**
 * Astro's incremental build skips pages whose cache key is unchanged. The
 * keys must cover what each page shows: a changed call re-renders its own
 * page (and pages listing it), a changed people file re-renders everything,
 * and nothing else is rendered again. dist/ is kept between builds, so a
 * deleted entry's page must go, and rendered bodies live outside Astro's
 * store, so a cache that lost them must render them again.
 */
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSite, REPO, type FixtureSite } from '../helpers/build-site.ts';

let site: FixtureSite;

/** Pages the build log says it rendered rather than restored. */
function rendered(output: string): string[] {
	return [...output.matchAll(/├─ (\/\S+) \(\+\d+ms\)/g)].map((m) => m[1]!);
}
/** Pages the build log says it kept: left in dist/ ("cached") or copied back from Astro's cache ("restored"). */
function restored(output: string): string[] {
	return [...output.matchAll(/├─ (\/\S+) \((?:restored|cached)\)/g)].map((m) => m[1]!);
}

beforeAll(async () => {
	site = await buildFixtureSite({ content: { '.': path.join(REPO, 'tests/fixtures/site/content') }, incremental: true });
	if (site.exitCode !== 0) throw new Error(`fixture build failed:\n${site.output}`);
});

describe('incremental rebuilds', () => {
	it('keeps every keyed page when nothing changed, and removes nothing', async () => {
		const { output, exitCode } = await site.rebuild();
		expect(exitCode).toBe(0);
		expect(output).toMatch(/├─ \/weekly\/2026-11-18\/index\.html \(cached\)/);
		expect(restored(output)).toContain('/rfcs/0001-fixture-proposal/index.html');
		expect(rendered(output)).not.toContain('/weekly/2026-11-18/index.html');
		expect(output).not.toContain('no longer produces');
	});

	it('renders bodies again when the cache kept the store but lost them', async () => {
		const bodies = path.join(site.root, '.astro-cache/project-pages/html/minutes.json');
		const before = Object.keys(JSON.parse(await readFile(bodies, 'utf8')).entries).sort();
		expect(before).toHaveLength(2);
		await rm(bodies);
		const { exitCode } = await site.rebuild();
		expect(exitCode).toBe(0);
		expect(Object.keys(JSON.parse(await readFile(bodies, 'utf8')).entries).sort()).toEqual(before);
	});

	it('re-renders a changed call, with its new text, and restores the other call', async () => {
		const file = path.join(site.root, 'content/minutes/2026-11-18.md');
		await writeFile(file, (await readFile(file, 'utf8')).replace('title: Fixture call', 'title: Renamed fixture call'));
		const { output } = await site.rebuild();
		expect(rendered(output)).toContain('/weekly/2026-11-18/index.html');
		expect(restored(output)).toContain('/weekly/weekly-2015-03-04/index.html');
		expect(await site.read('weekly/2026-11-18/index.html')).toContain('Renamed fixture call');
		// The people who attended list the call by date only, so their pages are restored.
		expect(restored(output)).toContain('/people/bobbuilder/index.html');
	});

	it('re-renders every page when the people file changes', async () => {
		await appendFile(path.join(site.root, 'content/people.yaml'), '- name: Carol Unknown\n  github: carol\n');
		const { output } = await site.rebuild();
		expect(restored(output)).toEqual([]);
		// Carol attended the old call (its notes name her): she now has a page that lists it.
		expect(await site.read('people/carol/index.html')).toContain('href="/weekly/weekly-2015-03-04/"');
	});

	it('removes the page of a deleted call and its stored body, and keeps the rest', async () => {
		await rm(path.join(site.root, 'content/minutes/2015-03-04.md'));
		const { output, exitCode } = await site.rebuild();
		expect(exitCode).toBe(0);
		expect(existsSync(path.join(site.dist, 'weekly/weekly-2015-03-04/index.html'))).toBe(false);
		expect(output).toMatch(/Removed \d+ file\(s\) this build no longer produces, e\.g\. .*weekly\/weekly-2015-03-04\/index\.html/);
		const bodies = JSON.parse(await readFile(path.join(site.root, '.astro-cache/project-pages/html/minutes.json'), 'utf8'));
		expect(Object.keys(bodies.entries).map((key) => key.split('\n')[0])).toEqual(['2026-11-18']);
		expect(existsSync(path.join(site.dist, 'weekly/2026-11-18/index.html'))).toBe(true);
		expect(existsSync(path.join(site.dist, 'rfcs/0001-fixture-proposal/index.html'))).toBe(true);
		expect(await site.read('weekly/index.html')).not.toContain('/weekly/weekly-2015-03-04/');
	});

	it('refuses a permalink that would collide with a file the build writes, naming the file', async () => {
		const call = path.join(site.root, 'content/minutes/collide.md');
		await writeFile(call, '---\ndate: 2026-12-02\npermalink: index.html\n---\nA call.\n');
		const { output, exitCode } = await site.rebuild();
		expect(exitCode).not.toBe(0);
		expect(output).toContain(
			'content/minutes/collide.md:3:12: permalink "index.html" would collide with the file of the site\'s own page /weekly/ (weekly/index.html); choose another',
		);
		expect(output).not.toMatch(/EISDIR|ENOTDIR/);
		await rm(call);
	});

	it('builds over a stray folder an unfinished build left where a page file goes', async () => {
		// What a crashed build left: a folder at weekly/index.html, and its start marker.
		await rm(path.join(site.dist, 'weekly/index.html'));
		await mkdir(path.join(site.dist, 'weekly/index.html'), { recursive: true });
		await writeFile(path.join(site.dist, 'weekly/index.html/index.html'), 'stray');
		await writeFile(path.join(site.dist, '.project-pages-build-start'), '');
		const { output, exitCode } = await site.rebuild();
		expect(exitCode, output).toBe(0);
		expect(output).toContain('The last build did not finish, so its output was removed');
		expect((await stat(path.join(site.dist, 'weekly/index.html'))).isFile()).toBe(true);
		expect(await site.read('weekly/index.html')).toContain('/weekly/2026-11-18/');
	});
});
