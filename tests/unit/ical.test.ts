import { describe, expect, it } from 'vitest';
import {
	callsCalendar,
	duration,
	escapeText,
	firstCall,
	foldLine,
	serialize,
	utcDateTime,
} from '../../packages/project-pages/utils/ical.ts';
import projectPages from '../../packages/project-pages/index.ts';

const now = new Date('2026-11-27T10:11:12.345Z');
const schedule = { start: '2026-01-07', time: '16:00', everyWeeks: 2, durationMinutes: 60 };

/** Unfolds content lines (RFC 5545 §3.1) and drops the final CRLF. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n').slice(0, -1);

describe('iCalendar pieces', () => {
	it('writes UTC date-times and durations', () => {
		expect(utcDateTime(now)).toBe('20261127T101112Z');
		expect(utcDateTime(firstCall(schedule))).toBe('20260107T160000Z');
		expect(duration(60)).toBe('PT1H');
		expect(duration(90)).toBe('PT1H30M');
		expect(duration(45)).toBe('PT45M');
		expect(duration(120)).toBe('PT2H');
	});

	it('escapes TEXT values', () => {
		expect(escapeText('a, b; c\\d\nnext')).toBe('a\\, b\\; c\\\\d\\nnext');
	});

	it('folds lines at 75 octets without splitting a UTF-8 character', () => {
		expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
		const folded = foldLine('x'.repeat(200));
		const lines = folded.split('\r\n');
		expect(lines.map((l) => l.length)).toEqual([75, 75, 52]);
		expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
		const accents = foldLine(`SUMMARY:${'é'.repeat(60)}`);
		for (const line of accents.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
		expect(accents.replace(/\r\n /g, '')).toBe(`SUMMARY:${'é'.repeat(60)}`);
	});

	it('ends every line, the last included, with CRLF', () => {
		expect(serialize(['A', 'B'])).toBe('A\r\nB\r\n');
	});
});

describe('callsCalendar', () => {
	const ics = callsCalendar({
		schedule: { ...schedule, url: 'https://meet.example.org/mirage?room=a,b' },
		title: 'MirageOS',
		minutesUrl: 'https://mirage.example.org/weekly/',
		host: 'mirage.example.org',
		now,
	});

	it('is one VCALENDAR with one recurring VEVENT carrying the required properties', () => {
		expect(unfold(ics)).toEqual([
			'BEGIN:VCALENDAR',
			'VERSION:2.0',
			'PRODID:-//project-pages//MirageOS calls//EN',
			'CALSCALE:GREGORIAN',
			'X-WR-CALNAME:MirageOS calls',
			'BEGIN:VEVENT',
			'UID:call-20260107T160000Z@mirage.example.org',
			'DTSTAMP:20261127T101112Z',
			'DTSTART:20260107T160000Z',
			'DURATION:PT1H',
			'RRULE:FREQ=WEEKLY;INTERVAL=2',
			'SUMMARY:MirageOS community call',
			'DESCRIPTION:Join: https://meet.example.org/mirage?room=a\\,b\\nMinutes of past calls: https://mirage.example.org/weekly/',
			'URL:https://meet.example.org/mirage?room=a,b',
			'LOCATION:https://meet.example.org/mirage?room=a\\,b',
			'END:VEVENT',
			'END:VCALENDAR',
		]);
	});

	it('uses CRLF only and keeps every line within 75 octets', () => {
		expect(ics.endsWith('\r\n')).toBe(true);
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
		expect(ics.split('\r\n').some((l) => l.startsWith(' '))).toBe(true);
	});

	it('links the minutes when the schedule has no meeting URL, and keeps the UID stable across builds', () => {
		const plain = unfold(
			callsCalendar({
				schedule: { ...schedule, everyWeeks: 1, durationMinutes: 90 },
				title: 'X',
				minutesUrl: 'https://x.test/weekly/',
				host: 'x.test',
				now: new Date(),
			}),
		);
		expect(plain).toContain('URL:https://x.test/weekly/');
		expect(plain).toContain('RRULE:FREQ=WEEKLY;INTERVAL=1');
		expect(plain).toContain('DURATION:PT1H30M');
		expect(plain).toContain('UID:call-20260107T160000Z@x.test');
		expect(plain.some((l) => l.startsWith('LOCATION:'))).toBe(false);
	});

	it("names the calendar and the event with the site's own words for its calls", () => {
		const named = unfold(
			callsCalendar({ schedule, title: 'Rust', names: { calendar: 'Rust Lang calls', event: 'Rust Lang call' }, host: 'x.test', now }),
		);
		expect(named).toEqual(
			expect.arrayContaining(['PRODID:-//project-pages//Rust Lang calls//EN', 'X-WR-CALNAME:Rust Lang calls', 'SUMMARY:Rust Lang call']),
		);
		expect(named.join('\n')).not.toContain('community call');
	});
});

describe('the /minutes/calls.ics route', () => {
	const injected = (options: Record<string, unknown>) => {
		const patterns: string[] = [];
		const setup = projectPages({ title: 'T', description: 'D', ...options }).hooks['astro:config:setup'] as (params: unknown) => void;
		setup({
			injectRoute: ({ pattern }: { pattern: string }) => patterns.push(pattern),
			updateConfig: () => {},
			config: { integrations: [], experimental: {}, cacheDir: new URL('file:///tmp/cache/') },
		});
		return patterns;
	};

	it('is injected only when the options give a schedule', () => {
		expect(injected({ calls: schedule })).toContain('/minutes/calls.ics');
		expect(injected({})).not.toContain('/minutes/calls.ics');
		expect(injected({})).toContain('/search');
	});
});
