/**
 * The Pioneer Projects filters, as pure functions shared by the build (static
 * filter pages, card attributes, the filter bar) and the browser script (the
 * instant filters), so both agree on what matches. The browser bundle keeps
 * only what it imports: `FACETS`, `FACET_ATTRIBUTES`, `cardMatches`,
 * `parseSelection`, `selectionQuery`, `countText`.
 *
 * A facet value is a URL-safe slug (utils/slug.ts: `ocaml`, `gsoc-2026`, a lower-cased GitHub
 * handle), used alike in `/projects/filter/<facet>/<value>/`, in a card's
 * `data-*` attribute and in the query string (`?skill=ocaml&difficulty=1`).
 */
import {
	DIFFICULTY_LABELS,
	PROJECT_SIZE_HOURS,
	PROJECT_SIZES,
	PROJECT_STATUSES,
	type ProjectDifficulty,
	type ProjectSize,
} from '../content/constants.ts';
import { slug } from './slug.ts';

/** The facets in the order the filter bar shows them. */
export const FACETS = ['difficulty', 'size', 'skill', 'status', 'mentor', 'program'] as const;
export type Facet = (typeof FACETS)[number];

/** The card attribute (`data-<name>`) holding each facet's space-separated values. */
export const FACET_ATTRIBUTES: Record<Facet, string> = {
	difficulty: 'difficulty',
	size: 'size',
	skill: 'skills',
	status: 'status',
	mentor: 'mentors',
	program: 'program',
};

export const FACET_LABELS: Record<Facet, string> = {
	difficulty: 'Difficulty',
	size: 'Size',
	skill: 'Skill',
	status: 'Status',
	mentor: 'Mentor',
	program: 'Program',
};

/** Selected values per facet; a facet absent or empty does not filter. */
export type Selection = Partial<Record<Facet, string[]>>;
/** A project's values per facet. */
export type FacetValues = Record<Facet, string[]>;

/**
 * Values OR within a facet, facets AND together: `skill=ocaml&skill=c` is
 * "OCaml or C", `skill=ocaml&difficulty=1` is "OCaml and beginner".
 */
export function cardMatches(values: Partial<FacetValues>, selection: Selection): boolean {
	return FACETS.every((facet) => {
		const wanted = selection[facet];
		return !wanted?.length || wanted.some((v) => values[facet]?.includes(v));
	});
}

/** Reads `?difficulty=1&skill=ocaml&skill=c`; unknown keys are ignored. */
export function parseSelection(search: string): Selection {
	const params = new URLSearchParams(search);
	const selection: Selection = {};
	for (const facet of FACETS) {
		const values = [
			...new Set(
				params
					.getAll(facet)
					.flatMap((v) => v.split(','))
					.filter(Boolean),
			),
		];
		if (values.length) selection[facet] = values;
	}
	return selection;
}

/** The query string for a selection, in facet order: `?difficulty=1&skill=ocaml`, or `''` when nothing is selected. */
export function selectionQuery(selection: Selection): string {
	const params = new URLSearchParams();
	for (const facet of FACETS) for (const value of selection[facet] ?? []) params.append(facet, value);
	const query = params.toString();
	return query ? `?${query}` : '';
}

/** What the filters need of a project. */
export interface FilterableProject {
	difficulty: ProjectDifficulty;
	size: ProjectSize;
	skills: readonly string[];
	status: string;
	program: string;
	year: number;
}

/** A mentor as the people index resolves them: `handle` when they have a page here. */
export interface ResolvedMentor {
	name: string;
	handle?: string;
}

export interface FacetOption {
	value: string;
	label: string;
	/** How many projects have this value. */
	count: number;
}

/** One value with its label, for one project and one facet. */
function facetEntries(
	project: FilterableProject,
	mentors: readonly ResolvedMentor[],
): Record<Facet, Array<{ value: string; label: string }>> {
	return {
		difficulty: [{ value: String(project.difficulty), label: DIFFICULTY_LABELS[project.difficulty] }],
		size: [{ value: project.size, label: `${capitalize(project.size)} (${PROJECT_SIZE_HOURS[project.size]} h)` }],
		skill: project.skills.map((s) => ({ value: slug(s), label: s })),
		status: [{ value: project.status, label: capitalize(project.status) }],
		mentor: mentors.map((m) => ({ value: m.handle ? m.handle.toLowerCase() : slug(m.name), label: m.name })),
		program: [{ value: slug(`${project.program} ${project.year}`), label: `${project.program} ${project.year}` }],
	};
}

/** A project's values per facet, deduplicated, for its card's `data-*` attributes. */
export function projectFacetValues(project: FilterableProject, mentors: readonly ResolvedMentor[]): FacetValues {
	const entries = facetEntries(project, mentors);
	const values = {} as FacetValues;
	for (const facet of FACETS) values[facet] = [...new Set(entries[facet].map((e) => e.value).filter(Boolean))];
	return values;
}

/**
 * Every value that occurs, per facet, with its label (the first spelling
 * seen) and count. Order: difficulty, size and status in their defined order;
 * programs newest year first; skills and mentors alphabetically.
 */
// One collator: localeCompare with options builds a new one on every call.
const LABEL_ORDER = new Intl.Collator('en', { sensitivity: 'base' });

export function facetOptions(
	projects: ReadonlyArray<{ project: FilterableProject; mentors: readonly ResolvedMentor[] }>,
): Record<Facet, FacetOption[]> {
	const found = {} as Record<Facet, Map<string, FacetOption & { year: number }>>;
	for (const facet of FACETS) found[facet] = new Map();
	for (const { project, mentors } of projects) {
		const entries = facetEntries(project, mentors);
		for (const facet of FACETS) {
			const seen = new Set<string>();
			for (const { value, label } of entries[facet]) {
				if (!value || seen.has(value)) continue;
				seen.add(value);
				const option = found[facet].get(value);
				if (option) option.count++;
				else found[facet].set(value, { value, label, count: 1, year: project.year });
			}
		}
	}
	const byLabel = (a: FacetOption, b: FacetOption) => LABEL_ORDER.compare(a.label, b.label);
	const inOrder = (order: readonly string[]) => (a: FacetOption, b: FacetOption) => order.indexOf(a.value) - order.indexOf(b.value);
	const sorters: Record<Facet, (a: FacetOption & { year: number }, b: FacetOption & { year: number }) => number> = {
		difficulty: (a, b) => Number(a.value) - Number(b.value),
		size: inOrder(PROJECT_SIZES),
		skill: byLabel,
		status: inOrder(PROJECT_STATUSES),
		mentor: byLabel,
		program: (a, b) => b.year - a.year || byLabel(a, b),
	};
	const options = {} as Record<Facet, FacetOption[]>;
	for (const facet of FACETS)
		options[facet] = [...found[facet].values()].sort(sorters[facet]).map(({ value, label, count }) => ({ value, label, count }));
	return options;
}

/** The static page for one facet value, as a site path (before `base`), under the projects section's path. */
export function filterPath(facet: Facet, value: string, projectsPath = 'projects'): string {
	return `/${projectsPath}/filter/${facet}/${value}/`;
}

/** What the live region says: "6 projects", "2 of 6 projects shown", "No projects match these filters". */
export function countText(shown: number, total: number): string {
	if (shown === 0) return 'No projects match these filters';
	if (shown === total) return total === 1 ? '1 project' : `${total} projects`;
	return `${shown} of ${total} projects shown`;
}

function capitalize(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}
