/**
 * Every page the integration adds, with the file that renders it: the home
 * and 404 pages, then each section that is on at its path, from the
 * registry (content/kinds.ts). Nothing here names a URL itself.
 */
import { KINDS, PAGE_SECTIONS, SITE_ROUTES, isContentKind } from './content/kinds.ts';
import type { ProjectPagesOptions } from './options.ts';
import { routePattern } from './utils/sections.ts';

export interface RouteSpec {
	pattern: string;
	/** Relative to the package root. */
	entrypoint: string;
}

export function routesFor(options: Pick<ProjectPagesOptions, 'sections' | 'calls'>): RouteSpec[] {
	const routes: RouteSpec[] = SITE_ROUTES.map(({ pattern, entrypoint }) => ({ pattern, entrypoint }));
	for (const [key, section] of Object.entries(options.sections)) {
		const spec = isContentKind(key) ? KINDS[key] : PAGE_SECTIONS[key as keyof typeof PAGE_SECTIONS];
		for (const route of spec.routes) {
			if ('requires' in route && route.requires && options[route.requires] === undefined) continue;
			routes.push({ pattern: routePattern(section, route), entrypoint: route.entrypoint });
		}
	}
	return routes;
}
