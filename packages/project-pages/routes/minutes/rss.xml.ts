import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import config from 'virtual:project-pages/config';
import { xmlChars } from '../../utils/xml-text.ts';
import { siteData } from '../../utils/site-data.ts';
import { absoluteUrl, entryUrl, link, section } from '../../utils/site-urls.ts';

export async function GET(context: APIContext) {
	const { minutes } = await siteData();
	const { label } = section('minutes')!;
	return rss({
		title: xmlChars(`${config.title}: ${label}`),
		description: xmlChars(`Minutes of the ${config.title} community calls.`),
		// The channel's link is the site's home, under its base; items are resolved against it.
		site: absoluteUrl(link('/'), context.site ?? new URL('http://localhost/')),
		items: minutes.slice(0, 50).map((call) => ({
			title: xmlChars(call.data.title),
			pubDate: call.data.date,
			link: entryUrl(call),
			description: xmlChars(call.data.description),
		})),
	});
}
