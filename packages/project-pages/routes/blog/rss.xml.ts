import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import config from 'virtual:project-pages/config';
import { xmlChars } from '../../utils/xml-text.ts';
import { postPath, siteData } from '../../utils/site-data.ts';

export async function GET(context: APIContext) {
	const { posts } = await siteData();
	return rss({
		title: xmlChars(`${config.title} blog`),
		description: xmlChars(config.description),
		site: context.site ?? 'http://localhost/',
		items: posts.slice(0, 50).map((post) => ({
			title: xmlChars(post.data.title),
			pubDate: post.data.date,
			link: postPath(post),
			description: xmlChars(post.data.description),
			// Names only: mirage-www front matter carries e-mail addresses that must never be published.
			author: undefined,
			categories: post.data.tags.map((tag) => xmlChars(tag)),
		})),
	});
}
