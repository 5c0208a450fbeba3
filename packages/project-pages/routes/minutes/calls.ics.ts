/**
 * `/<minutes>/calls.ics`: the recurring community call as an iCalendar file.
 * Injected only when the options give a `calls` schedule (see routes.ts).
 */
import type { APIRoute } from 'astro';
import config from 'virtual:project-pages/config';
import { callsCalendar } from '../../utils/ical.ts';
import { absoluteUrl, sectionUrl } from '../../utils/site-urls.ts';

export const GET: APIRoute = ({ site }) => {
	if (!config.calls) return new Response(null, { status: 404 });
	const body = callsCalendar({
		schedule: config.calls,
		title: config.title,
		minutesUrl: site ? absoluteUrl(sectionUrl('minutes'), site) : undefined,
		host: site?.host ?? 'project-pages.invalid',
		now: new Date(),
	});
	return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
