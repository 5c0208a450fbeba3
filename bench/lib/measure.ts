// Runs one build and measures its wall time and peak memory. Peak RSS is
// taken two ways: GNU time's max RSS (the largest single process, exact) and
// a /proc poll of the whole process tree's summed RSS (npx + node + any
// workers; sampled, so it can miss a short spike). We report the larger.

import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';

export type Measurement = {
	ok: boolean;
	exitCode: number | null;
	seconds: number;
	/** User + system CPU seconds (GNU time); less sensitive than wall time to other load on the machine. */
	cpuSeconds: number | null;
	/** 1-minute load average when the build started: other work skews wall times. */
	loadBefore: number;
	/** max(treeRssMB, maxRssMB) */
	peakMB: number;
	/** Largest summed RSS of the process tree seen by polling /proc. */
	treeRssMB: number;
	/** GNU time's "Maximum resident set size" (largest single process), if available. */
	maxRssMB: number | null;
	log: string;
	/** Last lines of output, to show why a build failed. */
	tail: string;
};

const GNU_TIME = '/usr/bin/time';
const POLL_MS = 100;

function childrenOf(pid: number): number[] {
	try {
		return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
			readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
		);
	} catch {
		return []; // the process ended between listing and reading
	}
}

function rssKB(pid: number): number {
	try {
		const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) : 0;
	} catch {
		return 0;
	}
}

/** Summed RSS of pid and all its descendants, in kB. */
export function treeRssKB(root: number): number {
	let total = 0;
	const stack = [root];
	while (stack.length > 0) {
		const pid = stack.pop()!;
		total += rssKB(pid);
		stack.push(...childrenOf(pid));
	}
	return total;
}

export type RunOptions = { cwd: string; env: NodeJS.ProcessEnv; log: string };

export async function measure(command: string[], opts: RunOptions): Promise<Measurement> {
	const useTime = existsSync(GNU_TIME);
	const argv = useTime ? [GNU_TIME, '-v', ...command] : command;
	const out = createWriteStream(opts.log);
	let tail = '';
	const keep = (chunk: Buffer) => {
		out.write(chunk);
		tail = (tail + chunk.toString()).slice(-8000);
	};
	const loadBefore = loadavg()[0]!;
	const started = performance.now();
	const child = spawn(argv[0]!, argv.slice(1), { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	let peakKB = 0;
	const poll = setInterval(() => {
		if (child.pid !== undefined) peakKB = Math.max(peakKB, treeRssKB(child.pid));
	}, POLL_MS);
	const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
	const seconds = (performance.now() - started) / 1000;
	clearInterval(poll);
	await new Promise((resolve) => out.end(resolve));

	const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(tail);
	const maxRssMB = m ? Number(m[1]) / 1024 : null;
	const user = /User time \(seconds\): ([\d.]+)/.exec(tail);
	const sys = /System time \(seconds\): ([\d.]+)/.exec(tail);
	const cpuSeconds = user && sys ? Number(user[1]) + Number(sys[1]) : null;
	const treeRssMB = peakKB / 1024;
	return {
		ok: exitCode === 0,
		exitCode,
		seconds,
		cpuSeconds,
		loadBefore,
		peakMB: Math.max(treeRssMB, maxRssMB ?? 0),
		treeRssMB,
		maxRssMB,
		log: opts.log,
		// The build's own last lines, without GNU time's report.
		tail: tail
			.replace(/(Command exited with non-zero status \d+\n)?\tCommand being timed:[\s\S]*$/, '')
			.split('\n')
			.slice(-30)
			.join('\n'),
	};
}

/**
 * Waits (up to `maxSeconds`) for the 1-minute load average to drop below
 * `below`, so a build does not start while other work holds the CPUs.
 * Returns the load it settled at.
 */
export async function waitForQuiet(below: number, maxSeconds: number): Promise<number> {
	// The last build wrote thousands of files (and a cold build deletes as many):
	// flush them now, or the kernel's writeback lands on the next build's time.
	spawnSync('sync');
	const until = Date.now() + maxSeconds * 1000;
	while (loadavg()[0]! >= below && Date.now() < until) await new Promise((r) => setTimeout(r, 5000));
	return loadavg()[0]!;
}

/** The environment builds run in: no telemetry, no GitHub token (offline status snapshot). */
export function buildEnv(nodeOptions?: string): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
	delete env.GITHUB_TOKEN;
	delete env.GH_TOKEN;
	if (nodeOptions) env.NODE_OPTIONS = [env.NODE_OPTIONS, nodeOptions].filter(Boolean).join(' ');
	return env;
}
