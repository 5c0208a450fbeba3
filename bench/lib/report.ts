// The benchmark's table and budget lines, from the measured rows.

import type { Measurement } from './measure.ts';

export type RowId = 'a' | 'b' | 'c' | 'd' | 'hugo' | 'eleventy';
export type Row = { id: RowId; label: string; pages: number; m: Measurement | null; note?: string; rounds?: number[] };
export type Budget = { rule: string; value: number | null; limit: number; pass: boolean | null; cpu?: number | null };

const fmt = (x: number | null | undefined, digits = 2) => (x == null || !Number.isFinite(x) ? '—' : x.toFixed(digits));

function ok(row: Row | undefined): Measurement | null {
	return row?.m?.ok ? row.m : null;
}

export function byId(rows: readonly Row[], id: RowId): Row | undefined {
	return rows.find((r) => r.id === id);
}

const median = (xs: number[]) => {
	const s = [...xs].sort((x, y) => x - y);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/**
 * One row from the same build measured in several rounds: the median of each
 * figure, so a burst of other work on the machine moves no result. A failed
 * round fails the row.
 */
export function medianRow(samples: readonly Row[]): Row {
	const first = samples[0]!;
	const ms = samples.map((r) => r.m);
	if (ms.some((m) => !m?.ok)) return samples.find((r) => !r.m?.ok) ?? first;
	const ok = ms as Measurement[];
	const cpu = ok.map((m) => m.cpuSeconds).filter((x): x is number => x != null);
	const m: Measurement = {
		...ok[0]!,
		seconds: median(ok.map((x) => x.seconds)),
		cpuSeconds: cpu.length ? median(cpu) : null,
		peakMB: median(ok.map((x) => x.peakMB)),
		treeRssMB: median(ok.map((x) => x.treeRssMB)),
		maxRssMB: ok.every((x) => x.maxRssMB != null) ? median(ok.map((x) => x.maxRssMB!)) : null,
		loadBefore: Math.max(...ok.map((x) => x.loadBefore)),
	};
	return { ...first, m, rounds: ok.map((x) => x.seconds) };
}

/** Ratios of wall time (and peak memory) against a reference row. */
export function ratio(rows: readonly Row[], num: RowId, den: RowId, field: 'seconds' | 'cpuSeconds' | 'peakMB' = 'seconds'): number | null {
	const n = ok(byId(rows, num))?.[field];
	const d = ok(byId(rows, den))?.[field];
	return n != null && d ? n / d : null;
}

/** The issue's budget (set at N = 5,000). */
export function budgets(rows: readonly Row[]): Budget[] {
	const check = (rule: string, value: number | null, limit: number, cpu?: number | null): Budget => ({
		rule,
		value,
		limit,
		pass: value == null ? null : value <= limit,
		...(cpu !== undefined && { cpu }),
	});
	return [
		check('b/a ≤ 1.3 (site cold vs bare Astro cold)', ratio(rows, 'b', 'a'), 1.3, ratio(rows, 'b', 'a', 'cpuSeconds')),
		check('d ≤ 0.25 × b (one minutes file changed vs cold)', ratio(rows, 'd', 'b'), 0.25, ratio(rows, 'd', 'b', 'cpuSeconds')),
		check('peak(b) ≤ peak(a) (memory)', ratio(rows, 'b', 'a', 'peakMB'), 1),
	];
}

function pad(cells: readonly string[], widths: readonly number[]): string {
	const text = (i: number) => i < 2 || i === cells.length - 1;
	return cells
		.map((c, i) => (text(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
		.join('  ')
		.trimEnd();
}

export function formatReport(n: number, rows: readonly Row[]): string {
	const header = ['', 'build', 'wall s', 'cpu s', 'peak MB', 'pages', 'time/a', 'cpu/a', 'mem/a', 'load', ''];
	const dashes = (k: number) => Array<string>(k).fill('—');
	const body = rows.map((r) => {
		if (!r.m) return [r.id, r.label, ...dashes(8), r.note ?? 'skipped'];
		if (!r.m.ok) return [r.id, r.label, fmt(r.m.seconds, 1), ...dashes(7), `FAILED (exit ${r.m.exitCode})`];
		const cells = [
			fmt(r.m.seconds, 1),
			fmt(r.m.cpuSeconds, 1),
			fmt(r.m.peakMB, 0),
			String(r.pages),
			fmt(ratio(rows, r.id, 'a')),
			fmt(ratio(rows, r.id, 'a', 'cpuSeconds')),
			fmt(ratio(rows, r.id, 'a', 'peakMB')),
			fmt(r.m.loadBefore, 1),
		];
		return [r.id, r.label, ...cells, r.note ?? ''];
	});
	const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => row[i]!.length)));
	const lines = [`N = ${n} entries`, pad(header, widths), ...body.map((row) => pad(row, widths))];
	const rounds = rows.find((r) => r.rounds && r.rounds.length > 1)?.rounds?.length;
	if (rounds) {
		lines.push('', `Medians of ${rounds} rounds ("load" is the highest seen). Wall seconds per round:`);
		for (const r of rows) if (r.rounds) lines.push(`  ${r.id}: ${r.rounds.map((x) => x.toFixed(1)).join(', ')}`);
		// Builds of one round ran minutes apart, so their ratio moves less with the machine than either time.
		const a = byId(rows, 'a')?.rounds;
		const b = byId(rows, 'b')?.rounds;
		if (a && b && a.length === b.length) {
			const perRound = b.map((x, i) => x / a[i]!);
			lines.push(`  b/a per round: ${perRound.map((x) => fmt(x)).join(', ')} (median ${fmt(median(perRound))})`);
		}
	}
	lines.push('', `d/b = ${fmt(ratio(rows, 'd', 'b'))} (cpu: ${fmt(ratio(rows, 'd', 'b', 'cpuSeconds'))})`);
	lines.push(
		'Ratios are of wall time; "load" is the 1-minute load average at the start (2 cores: above ~2, other work skews wall times).',
		'',
	);
	lines.push(n === 5000 ? 'Budget:' : 'Budget (set at N = 5000; shown for reference):');
	for (const b of budgets(rows)) {
		const verdict = b.pass == null ? 'n/a ' : b.pass ? 'PASS' : 'FAIL';
		lines.push(`  ${verdict}  ${b.rule}: ${fmt(b.value)}${b.cpu == null ? '' : ` (cpu time: ${fmt(b.cpu)})`}`);
	}
	const failed = rows.filter((r) => r.m && !r.m.ok);
	for (const r of failed) lines.push('', `(${r.id}) failed; log: ${r.m!.log}`, r.m!.tail);
	return lines.join('\n');
}
