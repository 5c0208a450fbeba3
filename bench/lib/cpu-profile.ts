// Summarises a V8 .cpuprofile (from node --cpu-prof): self time by function,
// file and package, and inclusive time of the site's own code, so the costly
// spots and the per-page work repeated across pages stand out.

export type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
export type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
export type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

export type Tally = { key: string; ms: number };
export type Summary = {
	totalMs: number;
	byFunction: Tally[];
	byFile: Tally[];
	byPackage: Tally[];
	/** Inclusive time of functions defined in `ownCode` files (each counted once per sample). */
	ownInclusive: Tally[];
	/** Inclusive time per package: how long any of its frames was on the stack. */
	packageInclusive: Tally[];
};

/** Shortens a script URL to something readable: the part from node_modules/ or src/ on. */
export function shortUrl(url: string): string {
	if (!url) return '';
	const u = url.replace(/^file:\/\//, '');
	const nm = u.lastIndexOf('/node_modules/');
	if (nm >= 0) return u.slice(nm + 1);
	const src = u.indexOf('/src/');
	if (src >= 0) return u.slice(src + 1);
	return u.split('/').slice(-3).join('/');
}

/** The package a frame belongs to: npm package, node internals, or the site's own folder. */
export function packageOf(frame: CallFrame): string {
	const { url, functionName } = frame;
	if (!url) return functionName.startsWith('(') ? functionName : '(native)';
	if (url.startsWith('node:')) return 'node:internal';
	const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
	if (m) return m[1]!;
	// The prerender bundle: pages, components and Astro's runtime after Vite
	// bundled them; named by chunk (hash dropped) to tell them apart.
	const chunk = /\/dist\/.*?([^/]+?)(?:[._-][\w-]{8})?\.mjs$/.exec(url);
	if (chunk) return `dist chunk: ${chunk[1]}`;
	const own = /\/src\/((?:[^/]+\/)?)/.exec(url);
	if (own) return `src/${own[1]}`;
	return shortUrl(url);
}

function top(map: Map<string, number>, limit: number): Tally[] {
	return [...map]
		.map(([key, us]) => ({ key, ms: us / 1000 }))
		.sort((a, b) => b.ms - a.ms)
		.slice(0, limit);
}

function add(map: Map<string, number>, key: string, us: number): void {
	map.set(key, (map.get(key) ?? 0) + us);
}

export function summarise(profile: CpuProfile, ownCode: (url: string) => boolean, limit = 25): Summary {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const fnKey = (f: CallFrame) => `${f.functionName || '(anonymous)'}  ${shortUrl(f.url)}${f.url ? `:${f.lineNumber + 1}` : ''}`;

	const byFunction = new Map<string, number>();
	const byFile = new Map<string, number>();
	const byPackage = new Map<string, number>();
	const ownInclusive = new Map<string, number>();
	const packageInclusive = new Map<string, number>();
	let total = 0;
	const { samples, timeDeltas } = profile;
	for (let i = 0; i < samples.length; i++) {
		// timeDeltas[i + 1] is the time until the next sample: what this one stands for.
		const us = timeDeltas[i + 1] ?? 0;
		const node = byId.get(samples[i]!)!;
		const f = node.callFrame;
		total += us;
		add(byFunction, fnKey(f), us);
		add(byFile, shortUrl(f.url) || f.functionName, us);
		add(byPackage, packageOf(f), us);
		const seenFns = new Set<string>();
		const seenPkgs = new Set<string>();
		for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
			const frame = byId.get(id)!.callFrame;
			seenPkgs.add(packageOf(frame));
			if (frame.url && ownCode(frame.url)) seenFns.add(fnKey(frame));
		}
		for (const k of seenFns) add(ownInclusive, k, us);
		for (const k of seenPkgs) add(packageInclusive, k, us);
	}
	return {
		totalMs: total / 1000,
		byFunction: top(byFunction, limit),
		byFile: top(byFile, limit),
		byPackage: top(byPackage, limit),
		ownInclusive: top(ownInclusive, limit),
		packageInclusive: top(packageInclusive, limit),
	};
}

export function formatSummary(title: string, s: Summary): string {
	const section = (name: string, rows: Tally[]) => [
		'',
		name,
		...rows.map((r) => `  ${r.ms.toFixed(0).padStart(7)} ms  ${((100 * r.ms) / s.totalMs).toFixed(1).padStart(5)}%  ${r.key}`),
	];
	return [
		`${title}: ${(s.totalMs / 1000).toFixed(1)} s sampled`,
		...section('Self time by package', s.byPackage),
		...section('Inclusive time by package (on the stack)', s.packageInclusive),
		...section('Self time by file', s.byFile),
		...section('Self time by function', s.byFunction),
		...section("Inclusive time of the site's own functions", s.ownInclusive),
	].join('\n');
}

/**
 * Who calls a function: for samples with `name` on the stack, the chain of
 * the nearest `depth` callers outside Node's internals, tallied by time.
 */
export function callersOf(profile: CpuProfile, name: string, depth = 4, limit = 15): Tally[] {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const chains = new Map<string, number>();
	for (let i = 0; i < profile.samples.length; i++) {
		const us = profile.timeDeltas[i + 1] ?? 0;
		let id: number | undefined = profile.samples[i];
		while (id !== undefined && byId.get(id)!.callFrame.functionName !== name) id = parent.get(id);
		if (id === undefined) continue;
		const chain: string[] = [];
		for (id = parent.get(id); id !== undefined && chain.length < depth; id = parent.get(id)) {
			const f = byId.get(id)!.callFrame;
			if (!f.url || f.url.startsWith('node:')) continue;
			chain.push(`${f.functionName || '(anonymous)'} ${shortUrl(f.url)}:${f.lineNumber + 1}`);
		}
		add(chains, chain.join('  <  '), us);
	}
	return top(chains, limit);
}
