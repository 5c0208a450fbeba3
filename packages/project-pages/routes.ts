import type { ProjectPagesOptions } from './options.ts';

/** Every page the integration adds, with the file that renders it. */
export interface RouteSpec {
	pattern: string;
	/** Relative to this module. */
	entrypoint: string;
	/** Injected only when this option is set. */
	requires?: keyof ProjectPagesOptions;
}

export const ROUTES: readonly RouteSpec[] = [
	{ pattern: '/', entrypoint: './routes/index.astro' },
	{ pattern: '/404', entrypoint: './routes/404.astro' },
	{ pattern: '/blog', entrypoint: './routes/blog/index.astro' },
	{ pattern: '/blog/rss.xml', entrypoint: './routes/blog/rss.xml.ts' },
	{ pattern: '/blog/[permalink]', entrypoint: './routes/blog/[permalink].astro' },
	{ pattern: '/weekly', entrypoint: './routes/weekly/index.astro' },
	{ pattern: '/weekly/rss.xml', entrypoint: './routes/weekly/rss.xml.ts' },
	{ pattern: '/weekly/actions', entrypoint: './routes/weekly/actions.astro' },
	{ pattern: '/weekly/[permalink]', entrypoint: './routes/weekly/[permalink].astro' },
	{ pattern: '/rfcs', entrypoint: './routes/rfcs/index.astro' },
	{ pattern: '/rfcs/[id]', entrypoint: './routes/rfcs/[id].astro' },
	{ pattern: '/projects', entrypoint: './routes/projects/index.astro' },
	{ pattern: '/projects/[slug]', entrypoint: './routes/projects/[slug].astro' },
	{ pattern: '/tags', entrypoint: './routes/tags/index.astro' },
	{ pattern: '/tags/[tag]', entrypoint: './routes/tags/[tag].astro' },
	{ pattern: '/people', entrypoint: './routes/people/index.astro' },
	{ pattern: '/people/[handle]', entrypoint: './routes/people/[handle].astro' },
	{ pattern: '/status', entrypoint: './routes/status/index.astro' },
	{ pattern: '/status.json', entrypoint: './routes/status/status.json.ts' },
	{ pattern: '/status/[owner]/[repo].json', entrypoint: './routes/status/badge.json.ts' },
	{ pattern: '/status/[owner]/[repo]', entrypoint: './routes/status/repo.astro' },
	{ pattern: '/status/known-good.json', entrypoint: './routes/status/known-good.json.ts' },
	{ pattern: '/status/feed.xml', entrypoint: './routes/status/feed.xml.ts' },
	{ pattern: '/projects/filter/[facet]/[value]', entrypoint: './routes/projects/filter/[facet]/[value].astro' },
	{ pattern: '/search', entrypoint: './routes/search.astro' },
	{ pattern: '/weekly/calls.ics', entrypoint: './routes/weekly/calls.ics.ts', requires: 'calls' },
];
