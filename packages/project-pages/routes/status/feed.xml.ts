/** /status/feed.xml: an Atom feed of tracked repos turning red and green again (see ci/feed.ts). */
import type { APIContext } from 'astro';
import config from 'virtual:project-pages/config';
import { toolchainStatus } from '../../components/status/get-status.ts';
import { statusFeed } from '../../ci/feed.ts';
import { absoluteUrl, repoStatusUrl, sectionFileUrl, sectionUrl } from '../../utils/site-urls.ts';

export async function GET(context: APIContext): Promise<Response> {
	const status = await toolchainStatus();
	const site = context.site ?? new URL('http://localhost/');
	const xml = statusFeed(status ?? { repos: [] }, {
		title: config.title,
		feedUrl: absoluteUrl(sectionFileUrl('status', 'feed.xml'), site),
		statusUrl: absoluteUrl(sectionUrl('status'), site),
		repoUrl: (repo) => absoluteUrl(repoStatusUrl(repo)!, site),
	});
	return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
}
