/** Dates and small labels, formatted one way across every page. */
export { isoDay } from '../content/dates.ts';

export function yearOf(date: Date): number {
	return date.getUTCFullYear();
}

/** Groups items by a key, keeping first-seen key order. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
	const groups = new Map<K, T[]>();
	for (const item of items) {
		const k = key(item);
		const list = groups.get(k);
		if (list) list.push(item);
		else groups.set(k, [item]);
	}
	return groups;
}

export function plural(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}
