import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import config from 'virtual:project-pages/config';
import { postPath, siteData } from '../../utils/site-data.ts';

export async function GET(context: APIContext) {
	const { posts } = await siteData();
	return rss({
		title: `${config.title} blog`,
		description: config.description,
		site: context.site ?? 'http://localhost/',
		items: posts.slice(0, 50).map((post) => ({
			title: post.data.title,
			pubDate: post.data.date,
			link: postPath(post),
			description: post.data.description,
			// Names only: mirage-www front matter carries e-mail addresses that must never be published.
			author: undefined,
			categories: post.data.tags,
		})),
	});
}
