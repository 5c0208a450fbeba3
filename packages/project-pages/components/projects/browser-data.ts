/**
 * The facet options and each card's facet values, computed once per list of
 * projects: every static filter page shows the same browser, and computing
 * them per page made the filter pages quadratic in the number of projects.
 */
import type { PeopleIndex } from '../../utils/people.ts';
import type { Project } from '../../utils/site-data.ts';
import { facetOptions, projectFacetValues, type FacetValues } from '../../utils/project-filters.ts';

export interface BrowserData {
	options: ReturnType<typeof facetOptions>;
	cards: Array<{ project: Project; values: FacetValues }>;
}

const cache = new WeakMap<readonly Project[], BrowserData>();

export function browserData(projects: readonly Project[], people: PeopleIndex): BrowserData {
	let data = cache.get(projects);
	if (!data) {
		const mentorsOf = (project: Project) => project.data.mentors.map((m) => people.resolve(m));
		data = {
			options: facetOptions(projects.map((project) => ({ project: project.data, mentors: mentorsOf(project) }))),
			cards: projects.map((project) => ({ project, values: projectFacetValues(project.data, mentorsOf(project)) })),
		};
		cache.set(projects, data);
	}
	return data;
}
