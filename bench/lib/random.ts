// A tiny seeded PRNG so the corpus is byte-identical across runs and machines:
// benchmark figures are only comparable if every run builds the same pages.

export type Random = {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [min, max], both inclusive. */
	int(min: number, max: number): number;
	/** True with probability p. */
	chance(p: number): boolean;
	pick<T>(items: readonly T[]): T;
	/** k distinct items, in a random order (k is clamped to items.length). */
	sample<T>(items: readonly T[], k: number): T[];
};

/** mulberry32: small, fast and good enough for synthetic text. */
export function createRandom(seed: number): Random {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
	return {
		next,
		int,
		chance: (p) => next() < p,
		pick: (items) => items[Math.floor(next() * items.length)]!,
		sample: (items, k) => {
			const pool = [...items];
			const out = [];
			for (let i = 0; i < Math.min(k, pool.length); i++) {
				const j = int(i, pool.length - 1);
				[pool[i], pool[j]] = [pool[j]!, pool[i]!];
				out.push(pool[i]!);
			}
			return out;
		},
	};
}
