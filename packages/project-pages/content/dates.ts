/**
 * Calendar dates as content writes them. mirage-www writes `2016-2-29` as well
 * as `2016-02-29`, so zero padding is optional; the date must still exist
 * (`2015-02-30` is an error, not March 2nd).
 */
const DATE_SHAPE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*(Z|[+-]\d{2}:?\d{2}))?)?$/;

export type DateParseResult = { ok: true; date: Date } | { ok: false; reason: string };

export function parseContentDate(value: unknown): DateParseResult {
	if (value instanceof Date) {
		return Number.isNaN(value.getTime()) ? { ok: false, reason: 'must be a real date' } : { ok: true, date: value };
	}
	if (typeof value !== 'string') return { ok: false, reason: 'must be a date written as YYYY-MM-DD' };
	const match = DATE_SHAPE.exec(value.trim());
	if (!match) return { ok: false, reason: `must be a date written as YYYY-MM-DD (got "${value}")` };
	const [, y, m, d, hh = '0', mm = '0', ss = '0'] = match;
	const year = Number(y);
	const month = Number(m);
	const day = Number(d);
	const date = new Date(Date.UTC(year, month - 1, day, Number(hh), Number(mm), Number(ss)));
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
		return { ok: false, reason: `must be a real calendar date (got "${value}")` };
	}
	return { ok: true, date };
}

/** `YYYY-MM-DD` in UTC, the form every page prints dates in. */
export function isoDay(date: Date): string {
	return date.toISOString().slice(0, 10);
}
