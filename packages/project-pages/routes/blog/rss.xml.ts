import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import config from 'virtual:project-pages/config';
import { xmlChars } from '../../utils/xml-text.ts';
import { siteData } from '../../utils/site-data.ts';
import { absoluteUrl, entryUrl, link, section } from '../../utils/site-urls.ts';

export async function GET(context: APIContext) {
	const { posts } = await siteData();
	return rss({
		title: xmlChars(`${config.title}: ${section('blog')!.label}`),
		description: xmlChars(config.description),
		// The channel's link is the site's home, under its base; items are resolved against it.
		site: absoluteUrl(link('/'), context.site ?? new URL('http://localhost/')),
		items: posts.slice(0, 50).map((post) => ({
			title: xmlChars(post.data.title),
			pubDate: post.data.date,
			link: entryUrl(post),
			description: xmlChars(post.data.description),
			// Names only: mirage-www front matter carries e-mail addresses that must never be published.
			author: undefined,
			categories: post.data.tags.map((tag) => xmlChars(tag)),
		})),
	});
}
