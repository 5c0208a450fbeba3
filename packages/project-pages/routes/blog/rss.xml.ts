import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import config from 'virtual:project-pages/config';
import { xmlText } from '../../utils/xml-text.ts';
import { postPath, siteData } from '../../utils/site-data.ts';

export async function GET(context: APIContext) {
	const { posts } = await siteData();
	return rss({
		title: xmlText(`${config.title} blog`),
		description: xmlText(config.description),
		site: context.site ?? 'http://localhost/',
		items: posts.slice(0, 50).map((post) => ({
			title: xmlText(post.data.title),
			pubDate: post.data.date,
			link: postPath(post),
			description: xmlText(post.data.description),
			// Names only: mirage-www front matter carries e-mail addresses that must never be published.
			author: undefined,
			categories: post.data.tags.map((tag) => xmlText(tag)),
		})),
	});
}
