/**
 * The iCalendar file of the community's recurring call (RFC 5545): one
 * VEVENT whose RRULE repeats it, so a calendar shows every upcoming call.
 * Pure: the caller passes the clock and the site's address.
 */

export interface CallSchedule {
	/** First call, `YYYY-MM-DD`. */
	start: string;
	/** Time in UTC, `HH:MM`. */
	time: string;
	everyWeeks: number;
	durationMinutes: number;
	/** Where to join. */
	url?: string | undefined;
}

export interface CallsCalendarInput {
	schedule: CallSchedule;
	/** The project's name: "Example" gives "Example community call". */
	title: string;
	/** The minutes index, absolute; the event's URL when the schedule has none. */
	minutesUrl?: string | undefined;
	/**
	 * The calendar's and the event's names, when the site named its minutes section
	 * (`labels.minutes`): "MirageOS Weekly calls", "MirageOS Weekly call". Default: "<title> calls", "<title> community call".
	 */
	names?: { calendar: string; event: string } | undefined;
	/** The site's host, for a globally unique UID. */
	host: string;
	/** DTSTAMP: when this file was made. */
	now: Date;
}

/** `20260107T160000Z`: a UTC DATE-TIME. */
export function utcDateTime(date: Date): string {
	return date
		.toISOString()
		.replace(/\.\d{3}/, '')
		.replace(/[-:]/g, '');
}

/** RFC 5545 §3.3.6: `PT1H`, `PT1H30M`, `PT45M`. */
export function duration(minutes: number): string {
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	return `PT${h ? `${h}H` : ''}${m || !h ? `${m}M` : ''}`;
}

/**
 * RFC 5545 §3.3.11 TEXT: backslash, semicolon, comma and newlines escaped;
 * other control characters, which TEXT does not allow, removed.
 */
export function escapeText(text: string): string {
	return (
		text
			.replace(/[\\;,]/g, (c) => `\\${c}`)
			.replace(/\r?\n/g, '\\n')
			// eslint-disable-next-line no-control-regex -- CTLs but HTAB, as RFC 5545 §3.1 defines them
			.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '')
	);
}

/**
 * RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF and a
 * space; a UTF-8 character is never split.
 */
export function foldLine(line: string): string {
	const encoder = new TextEncoder();
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = encoder.encode(char).length;
		// A continuation line starts with a space, which counts towards its 75.
		if (octets + size > 75) {
			parts.push(current);
			current = ' ';
			octets = 1;
		}
		current += char;
		octets += size;
	}
	parts.push(current);
	return parts.join('\r\n');
}

/** Content lines joined with CRLF, folded, ending with CRLF. */
export function serialize(lines: readonly string[]): string {
	return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** The first call as a Date (UTC). */
export function firstCall(schedule: Pick<CallSchedule, 'start' | 'time'>): Date {
	return new Date(`${schedule.start}T${schedule.time}:00Z`);
}

export function callsCalendar({ schedule, title, minutesUrl, names, host, now }: CallsCalendarInput): string {
	const start = firstCall(schedule);
	const { calendar, event } = names ?? { calendar: `${title} calls`, event: `${title} community call` };
	const url = schedule.url ?? minutesUrl;
	const description = [schedule.url && `Join: ${schedule.url}`, minutesUrl && `Minutes of past calls: ${minutesUrl}`]
		.filter(Boolean)
		.join('\n');
	return serialize([
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		`PRODID:-//project-pages//${escapeText(calendar)}//EN`,
		'CALSCALE:GREGORIAN',
		`X-WR-CALNAME:${escapeText(calendar)}`,
		'BEGIN:VEVENT',
		// Stable across builds, so calendars update the event instead of adding another.
		`UID:call-${utcDateTime(start)}@${host}`,
		`DTSTAMP:${utcDateTime(now)}`,
		`DTSTART:${utcDateTime(start)}`,
		`DURATION:${duration(schedule.durationMinutes)}`,
		`RRULE:FREQ=WEEKLY;INTERVAL=${schedule.everyWeeks}`,
		`SUMMARY:${escapeText(event)}`,
		...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
		...(url ? [`URL:${url}`] : []),
		...(schedule.url ? [`LOCATION:${escapeText(schedule.url)}`] : []),
		'END:VEVENT',
		'END:VCALENDAR',
	]);
}
