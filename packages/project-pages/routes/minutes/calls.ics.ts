/**
 * `/<minutes>/calls.ics`: the recurring community call as an iCalendar file.
 * Injected only when the options give a `calls` schedule (see routes.ts).
 */
import type { APIRoute } from 'astro';
import config from 'virtual:project-pages/config';
import { callsCalendar } from '../../utils/ical.ts';
import { absoluteUrl, section, sectionUrl } from '../../utils/site-urls.ts';

export const GET: APIRoute = ({ site }) => {
	if (!config.calls) return new Response(null, { status: 404 });
	// The site's own name for its calls, when it gave one; "Minutes" would make a poor event name.
	const minutes = section('minutes')!;
	const names = config.labels.minutes
		? { calendar: `${config.title} ${minutes.label}`, event: `${config.title} ${minutes.item}` }
		: undefined;
	const body = callsCalendar({
		schedule: config.calls,
		title: config.title,
		minutesUrl: site ? absoluteUrl(sectionUrl('minutes'), site) : undefined,
		names,
		host: site?.host ?? 'project-pages.invalid',
		now: new Date(),
	});
	return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
