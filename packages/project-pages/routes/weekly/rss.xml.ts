import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import config from 'virtual:project-pages/config';
import { xmlChars } from '../../utils/xml-text.ts';
import { minutesPath, siteData } from '../../utils/site-data.ts';

export async function GET(context: APIContext) {
	const { minutes } = await siteData();
	return rss({
		title: xmlChars(`${config.title} weekly calls`),
		description: xmlChars(`Minutes of the ${config.title} community calls.`),
		site: context.site ?? 'http://localhost/',
		items: minutes.slice(0, 50).map((call) => ({
			title: xmlChars(call.data.title),
			pubDate: call.data.date,
			link: minutesPath(call),
			description: xmlChars(call.data.description),
		})),
	});
}
