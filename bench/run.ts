// npm run bench [-- --sizes 1000,5000] [--rounds 3] [--seed 7] [--heap 8192] [--site <dir> | --ref <commit>] [--wait-idle 90]
//
// For each N: generate the corpus once, then measure (a) bare Astro cold,
// (b) this site cold, (c) this site warm with nothing changed, (d) this site
// after one minutes file changed; wall time and peak RSS of each. Builds run
// one at a time (2 cores, several GB each). With --rounds k the a–d sequence
// runs k times and each row is the median. Results: a table on stdout and
// bench/.work/results-<N>.json.

import { appendFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from './lib/corpus.ts';
import { buildEnv, measure, waitForQuiet } from './lib/measure.ts';
import { eleventyInstalled, hugoInstalled, prepareEleventy, prepareHugo } from './lib/other-tools.ts';
import { budgets, formatReport, medianRow, ratio, type Row } from './lib/report.ts';
import { cleanCaches, countPages, exportRef, prepareBaseline, prepareSite, siteExists } from './lib/workdir.ts';

const REPO = resolve(import.meta.dirname, '..');
const WORK = join(REPO, 'bench', '.work');
const ASTRO_BUILD = ['npx', 'astro', 'build'];

const { values } = parseArgs({
	options: {
		sizes: { type: 'string', default: '1000,5000' },
		seed: { type: 'string', default: '7' },
		/** Heap limit in MB for every build (NODE_OPTIONS=--max-old-space-size); Node's default otherwise. */
		heap: { type: 'string' },
		/** The site to measure (a checkout with astro.config.* and src/); this repo by default. */
		site: { type: 'string' },
		/** Measure the site as committed at this ref (git archive), not the working tree. */
		ref: { type: 'string' },
		/** Before each build, wait up to this many seconds for the load average to fall below the core count. */
		'wait-idle': { type: 'string', default: '90' },
		/** Run the a–d sequence this many times and report medians: wall times on a shared machine swing. */
		rounds: { type: 'string', default: '1' },
	},
});
const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
function siteSource(): string {
	if (values.ref) {
		const dir = join(WORK, 'ref');
		exportRef(REPO, values.ref, dir);
		return dir;
	}
	return values.site ? resolve(values.site) : REPO;
}
const SITE = siteSource();
const env = buildEnv(values.heap ? `--max-old-space-size=${values.heap}` : undefined);

function progress(msg: string): void {
	console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);
}

async function build(id: Row['id'], label: string, cwd: string, logs: string, command = ASTRO_BUILD): Promise<Row> {
	const load = await waitForQuiet(cpus().length, Number(values['wait-idle']));
	progress(`(${id}) ${label} … (load ${load.toFixed(1)})`);
	const m = await measure(command, { cwd, env, log: join(logs, `${id}.log`) });
	const pages = countPages(cwd);
	const cpu = m.cpuSeconds == null ? '' : ` (cpu ${m.cpuSeconds.toFixed(1)} s)`;
	progress(
		`(${id}) ${m.ok ? 'ok' : `FAILED exit ${m.exitCode}`}: ${m.seconds.toFixed(1)} s${cpu}, ${m.peakMB.toFixed(0)} MB, ${pages} pages`,
	);
	return { id, label, m, pages };
}

/** Appends a paragraph to one minutes file (the middle one): the (d) edit. */
function touchOneMinutes(site: string): string {
	const dir = join(site, 'content', 'minutes');
	const files = readdirSync(dir)
		.filter((f) => f.endsWith('.md'))
		.sort();
	const file = join(dir, files[Math.floor(files.length / 2)]!);
	appendFileSync(file, '\nAn extra paragraph, edited to measure a one-file rebuild.\n');
	return file;
}

/** One a–d sequence: bare Astro cold, then the site cold, warm, and after a one-file edit. */
async function measureRound(baseline: string, site: string, logs: string): Promise<Row[]> {
	const rows: Row[] = [];
	cleanCaches(baseline);
	rows.push(await build('a', 'bare Astro, cold', baseline, logs));
	if (!siteExists(SITE)) {
		rows.push({ id: 'b', label: 'site, cold', pages: 0, m: null, note: 'no astro.config.* in the repo yet' });
		return rows;
	}
	cleanCaches(site);
	const b = await build('b', 'site, cold', site, logs);
	rows.push(b);
	if (!b.m?.ok) return rows;
	rows.push(await build('c', 'site, warm (no change)', site, logs));
	progress(`edited ${touchOneMinutes(site)}`);
	rows.push(await build('d', 'site, one minutes file changed', site, logs));
	return rows;
}

async function runSize(n: number): Promise<void> {
	const dir = join(WORK, String(n));
	const logs = join(dir, 'logs');
	mkdirSync(logs, { recursive: true });
	const corpus = join(dir, 'content');
	const summary = writeCorpus(corpus, n, Number(values.seed));
	progress(`N=${n}: corpus ${JSON.stringify(summary.counts)}, ${summary.people} people → ${corpus}`);

	const baseline = join(dir, 'baseline');
	prepareBaseline(REPO, corpus, baseline);
	// Warm-up, not measured: the first Astro process of a run pays for reading
	// the toolchain from disk and filling Node's compile cache, which would
	// otherwise land on (a) alone and flatter the ratios.
	await measure(['npx', 'astro', 'sync'], { cwd: baseline, env, log: join(logs, 'warm-up.log') });
	const site = join(dir, 'site');
	if (siteExists(SITE)) prepareSite(SITE, REPO, corpus, site);

	const rounds = Math.max(1, Number(values.rounds));
	const samples: Row[][] = [];
	for (let round = 1; round <= rounds; round++) {
		if (rounds > 1) progress(`round ${round} of ${rounds}`);
		samples.push(await measureRound(baseline, site, logs));
	}
	const rows: Row[] = samples[0]!.map((row, i) => (rounds > 1 && row.m ? medianRow(samples.map((s) => s[i]!)) : row));

	if (hugoInstalled()) rows.push(await build('hugo', 'Hugo, cold', join(dir, 'hugo'), logs, prepareHugo(corpus, join(dir, 'hugo'))));
	if (eleventyInstalled(REPO)) {
		rows.push(await build('eleventy', 'Eleventy, cold', join(dir, 'eleventy'), logs, prepareEleventy(corpus, join(dir, 'eleventy'))));
	}

	console.log('\n' + formatReport(n, rows) + '\n');
	const results = {
		n,
		seed: Number(values.seed),
		date: new Date().toISOString(),
		machine: { cpu: cpus()[0]?.model, cores: cpus().length, memGB: Math.round(totalmem() / 2 ** 30), node: process.version },
		astro: JSON.parse(readFileSync(join(REPO, 'node_modules', 'astro', 'package.json'), 'utf8')).version,
		heapMB: values.heap ? Number(values.heap) : null,
		corpus: summary.counts,
		rounds: Number(values.rounds),
		rows: rows.map(({ id, label, pages, m, note, rounds }) => ({ id, label, pages, note, rounds, ...(m && { ...m, tail: undefined }) })),
		ratios: { 'b/a': ratio(rows, 'b', 'a'), 'c/a': ratio(rows, 'c', 'a'), 'd/a': ratio(rows, 'd', 'a'), 'd/b': ratio(rows, 'd', 'b') },
		cpuRatios: {
			'b/a': ratio(rows, 'b', 'a', 'cpuSeconds'),
			'c/a': ratio(rows, 'c', 'a', 'cpuSeconds'),
			'd/a': ratio(rows, 'd', 'a', 'cpuSeconds'),
			'd/b': ratio(rows, 'd', 'b', 'cpuSeconds'),
		},
		budgets: budgets(rows),
	};
	writeFileSync(join(WORK, `results-${n}.json`), JSON.stringify(results, null, 2) + '\n');
	progress(`wrote ${join(WORK, `results-${n}.json`)}`);
}

for (const n of sizes) await runSize(n);
