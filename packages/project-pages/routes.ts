/**
 * Every page the integration adds, with the file that renders it: the home
 * and 404 pages, then each section that is on at its path, from the
 * registry (content/kinds.ts), the redirects at each section's old paths,
 * and the guides served at the root. Nothing here names a URL itself.
 */
import { KINDS, PAGE_SECTIONS, SITE_ROUTES, isContentKind, type KindRoute } from './content/kinds.ts';
import type { ProjectPagesOptions } from './options.ts';
import { routePattern } from './utils/sections.ts';

export interface RouteSpec {
	pattern: string;
	/** Relative to the package root. */
	entrypoint: string;
}

/** A section with one page per id (`[permalink]`, `[handle]`), whose old paths redirect each of them. */
const ENTRY_PAGE = /^\[[^\]]+\]$/;

export function routesFor(options: Pick<ProjectPagesOptions, 'sections' | 'calls'>): RouteSpec[] {
	const routes: RouteSpec[] = SITE_ROUTES.map(({ pattern, entrypoint }) => ({ pattern, entrypoint }));
	for (const [key, section] of Object.entries(options.sections)) {
		const spec = isContentKind(key) ? KINDS[key] : PAGE_SECTIONS[key as keyof typeof PAGE_SECTIONS];
		for (const route of spec.routes) {
			if ('requires' in route && route.requires && options[route.requires] === undefined) continue;
			routes.push({ pattern: routePattern(section, route), entrypoint: route.entrypoint });
		}
		const perEntry = (spec.routes as readonly KindRoute[]).some((route) => ENTRY_PAGE.test(route.pattern));
		// Sections may share an old path (mirage-www's wiki held guides and calls): one route each.
		for (const old of section.oldPaths ?? []) {
			const index = { pattern: `/${old}`, entrypoint: './routes/redirects/old-index.astro' };
			const entry = { pattern: `/${old}/[id]`, entrypoint: './routes/redirects/old-entry.astro' };
			for (const route of perEntry ? [index, entry] : [index]) if (!routes.some((r) => r.pattern === route.pattern)) routes.push(route);
		}
	}
	if (options.sections.docs?.atRoot?.length) routes.push({ pattern: '/[rootGuide]', entrypoint: './routes/docs/at-root.astro' });
	return routes;
}
