import { describe, expect, it } from 'vitest';
import {
	FACETS,
	cardMatches,
	countText,
	facetOptions,
	filterPath,
	parseSelection,
	projectFacetValues,
	selectionQuery,
	type FilterableProject,
	type ResolvedMentor,
} from '../../../packages/project-pages/utils/project-filters.ts';
import { slug } from '../../../packages/project-pages/utils/slug.ts';

const project = (over: Partial<FilterableProject> = {}): FilterableProject => ({
	difficulty: 1,
	size: 'small',
	skills: ['OCaml'],
	status: 'available',
	program: 'GSoC',
	year: 2026,
	...over,
});
const hannes: ResolvedMentor = { name: 'Hannes Mehnert', handle: 'hannesm' };
const stranger: ResolvedMentor = { name: 'Zoë Outsider' };

describe('slug, as facet values use it', () => {
	it('makes lower-case, URL-safe values, the same as tags get', () => {
		expect(slug('OCaml')).toBe('ocaml');
		expect(slug('GitHub Actions')).toBe('github-actions');
		expect(slug('Git internals')).toBe('git-internals');
		expect(slug('C++')).toBe('c-plus-plus');
		expect(slug('C#')).toBe('c-sharp');
		expect(slug('Reynir Björnsson')).toBe('reynir-bjornsson');
		expect(slug('  TLS / X.509 ')).toBe('tls-x-509');
		expect(slug('GSoC 2026')).toBe('gsoc-2026');
	});
});

describe('projectFacetValues', () => {
	it('gives each facet its slugs, mentors by GitHub handle when they have a page', () => {
		const values = projectFacetValues(
			project({ skills: ['OCaml', 'GitHub Actions', 'ocaml'], difficulty: 2, size: 'medium', status: 'done', program: 'Outreachy' }),
			[{ name: 'Hannes', handle: 'HannesM' }, stranger],
		);
		expect(values).toEqual({
			difficulty: ['2'],
			size: ['medium'],
			skill: ['ocaml', 'github-actions'],
			status: ['done'],
			mentor: ['hannesm', 'zoe-outsider'],
			program: ['outreachy-2026'],
		});
	});
});

describe('cardMatches', () => {
	const values = projectFacetValues(project({ skills: ['OCaml', 'Shell'] }), [hannes]);

	it('matches everything when nothing is selected', () => {
		expect(cardMatches(values, {})).toBe(true);
		expect(cardMatches(values, { skill: [] })).toBe(true);
	});

	it('ORs values within a facet', () => {
		expect(cardMatches(values, { skill: ['c', 'shell'] })).toBe(true);
		expect(cardMatches(values, { skill: ['c', 'tls'] })).toBe(false);
	});

	it('ANDs facets together', () => {
		expect(cardMatches(values, { skill: ['ocaml'], difficulty: ['1'] })).toBe(true);
		expect(cardMatches(values, { skill: ['ocaml'], difficulty: ['3'] })).toBe(false);
		expect(cardMatches(values, { mentor: ['hannesm'], status: ['available'], program: ['gsoc-2026'], size: ['small'] })).toBe(true);
		expect(cardMatches(values, { mentor: ['hannesm'], program: ['gsoc-2025'] })).toBe(false);
	});

	it('treats a card without a facet as not matching a selection on it', () => {
		expect(cardMatches({ skill: ['ocaml'] }, { mentor: ['hannesm'] })).toBe(false);
	});
});

describe('query string', () => {
	it('reads repeated and comma-separated values, ignoring unknown keys and duplicates', () => {
		expect(parseSelection('?skill=ocaml&difficulty=1&skill=c,ocaml&utm_source=x&status=')).toEqual({
			difficulty: ['1'],
			skill: ['ocaml', 'c'],
		});
		expect(parseSelection('')).toEqual({});
	});

	it('writes facets in a fixed order and nothing for an empty selection', () => {
		expect(selectionQuery({ skill: ['ocaml', 'c'], difficulty: ['1'] })).toBe('?difficulty=1&skill=ocaml&skill=c');
		expect(selectionQuery({ skill: [] })).toBe('');
		expect(selectionQuery({})).toBe('');
	});

	it('round-trips', () => {
		const selection = { difficulty: ['2'], mentor: ['hannesm'], program: ['gsoc-2026'] };
		expect(parseSelection(selectionQuery(selection))).toEqual(selection);
	});
});

describe('facetOptions', () => {
	const options = facetOptions([
		{ project: project({ skills: ['OCaml', 'Shell'], difficulty: 3, size: 'large', year: 2025 }), mentors: [hannes] },
		{ project: project({ skills: ['ocaml', 'C'], status: 'done', program: 'Outreachy' }), mentors: [hannes, stranger] },
		{ project: project({ skills: ['Fuzzing'], status: 'taken' }), mentors: [stranger] },
	]);

	it('lists every facet', () => {
		expect(Object.keys(options)).toEqual([...FACETS]);
	});

	it('counts each value once per project, with the first spelling as its label', () => {
		expect(options.skill).toEqual([
			{ value: 'c', label: 'C', count: 1 },
			{ value: 'fuzzing', label: 'Fuzzing', count: 1 },
			{ value: 'ocaml', label: 'OCaml', count: 2 },
			{ value: 'shell', label: 'Shell', count: 1 },
		]);
		expect(options.mentor).toEqual([
			{ value: 'hannesm', label: 'Hannes Mehnert', count: 2 },
			{ value: 'zoe-outsider', label: 'Zoë Outsider', count: 2 },
		]);
	});

	it('orders difficulty, size and status as defined, programs newest first', () => {
		expect(options.difficulty.map((o) => [o.value, o.label])).toEqual([
			['1', 'Beginner'],
			['3', 'Advanced'],
		]);
		expect(options.size.map((o) => o.label)).toEqual(['Small (90 h)', 'Large (350 h)']);
		expect(options.status.map((o) => o.value)).toEqual(['available', 'taken', 'done']);
		expect(options.program).toEqual([
			{ value: 'gsoc-2026', label: 'GSoC 2026', count: 1 },
			{ value: 'outreachy-2026', label: 'Outreachy 2026', count: 1 },
			{ value: 'gsoc-2025', label: 'GSoC 2025', count: 1 },
		]);
	});
});

describe('filterPath and countText', () => {
	it('makes the static filter page path', () => {
		expect(filterPath('skill', 'ocaml')).toBe('/projects/filter/skill/ocaml/');
	});

	it('says how many projects are shown', () => {
		expect(countText(6, 6)).toBe('6 projects');
		expect(countText(1, 1)).toBe('1 project');
		expect(countText(2, 6)).toBe('2 of 6 projects shown');
		expect(countText(0, 6)).toBe('No projects match these filters');
	});
});
