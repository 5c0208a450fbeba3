// Profiles the site's cold build with --cpu-prof and prints where time goes.
//   node bench/profile.ts [--n 1000] [--site <dir>]      build, then summarise
//   node bench/profile.ts --summarise <dir-or-file>      summarise existing profiles
//   … --callers spawn --callers matter                    also: who calls these functions
// Profiles land in bench/.work/<N>/profile/. Needs the corpus: generated if missing.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from './lib/corpus.ts';
import { callersOf, formatSummary, summarise, type CpuProfile } from './lib/cpu-profile.ts';
import { buildEnv, measure } from './lib/measure.ts';
import { cleanCaches, prepareSite } from './lib/workdir.ts';

const REPO = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
	options: {
		n: { type: 'string', default: '1000' },
		site: { type: 'string' },
		summarise: { type: 'string' },
		top: { type: 'string', default: '25' },
		/** Also list who calls this function (by name), e.g. --callers spawn. */
		callers: { type: 'string', multiple: true },
	},
});

/**
 * The site's own code: its src/ as loaded from source (config, loaders), and
 * the prerender bundle in dist/ (pages and components run from there).
 */
const ownCode = (url: string) => !url.includes('/node_modules/') && (url.includes('/src/') || url.includes('/dist/'));

function profilesIn(path: string): string[] {
	if (!statSync(path).isDirectory()) return [path];
	return readdirSync(path)
		.filter((f) => f.endsWith('.cpuprofile'))
		.map((f) => join(path, f))
		.sort((a, b) => statSync(b).size - statSync(a).size);
}

function report(path: string): void {
	// The largest profile is the astro process; npx's own is tiny and skipped.
	for (const file of profilesIn(path)) {
		const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
		const s = summarise(profile, ownCode, Number(values.top));
		const idle = s.byPackage.find((t) => t.key === '(idle)')?.ms ?? 0;
		if (s.totalMs - idle < 1000) continue; // npx's own process: it only waits
		console.log(formatSummary(file, s) + '\n');
		for (const name of values.callers ?? []) {
			console.log(`Callers of ${name}:`);
			for (const t of callersOf(profile, name)) console.log(`  ${t.ms.toFixed(0).padStart(7)} ms  ${t.key}`);
			console.log('');
		}
	}
}

if (values.summarise) {
	report(resolve(values.summarise));
} else {
	const n = Number(values.n);
	const dir = join(REPO, 'bench', '.work', String(n));
	const corpus = join(dir, 'content');
	if (!existsSync(join(corpus, 'people.yaml'))) writeCorpus(corpus, n);
	const site = join(dir, 'site-profile');
	const out = join(dir, 'profile');
	rmSync(out, { recursive: true, force: true });
	mkdirSync(out, { recursive: true });
	prepareSite(values.site ? resolve(values.site) : REPO, REPO, corpus, site);
	cleanCaches(site);
	const env = buildEnv(`--cpu-prof --cpu-prof-dir=${out}`);
	const m = await measure(['npx', 'astro', 'build'], { cwd: site, env, log: join(dir, 'logs', 'profile.log') });
	console.error(`cold build with --cpu-prof: ${m.ok ? 'ok' : 'FAILED'} in ${m.seconds.toFixed(1)} s, ${m.peakMB.toFixed(0)} MB`);
	if (!m.ok) console.error(m.tail);
	report(out);
}
