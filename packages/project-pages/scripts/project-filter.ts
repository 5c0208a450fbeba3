/**
 * Instant, combinable project filters on `/projects/`. Without this script
 * the page shows the filter links to the static pages; with it, the form
 * replaces them, hides the cards that don't match, says how many are shown,
 * and keeps the choice in the query string so the URL can be shared.
 */
import {
	FACETS,
	FACET_ATTRIBUTES,
	cardMatches,
	countText,
	parseSelection,
	selectionQuery,
	type FacetValues,
	type Selection,
} from '../utils/project-filters.ts';

const form = document.querySelector<HTMLFormElement>('#project-filter-form');
const count = document.querySelector('#project-count');

if (form && count) {
	const cards = [...document.querySelectorAll<HTMLElement>('.project-card')].map((card) => {
		const values = {} as FacetValues;
		for (const facet of FACETS) values[facet] = (card.dataset[FACET_ATTRIBUTES[facet]] ?? '').split(' ');
		return { item: card.parentElement ?? card, values };
	});
	const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];

	const apply = () => {
		const selection: Selection = {};
		for (const box of boxes) if (box.checked) (selection[box.name as keyof Selection] ??= []).push(box.value);
		let shown = 0;
		for (const { item, values } of cards) {
			item.hidden = !cardMatches(values, selection);
			if (!item.hidden) shown++;
		}
		for (const section of document.querySelectorAll('[data-project-section]')) {
			const none = section.querySelector<HTMLElement>('.project-none');
			if (none) none.hidden = !!section.querySelector('.project-grid > li:not([hidden])');
		}
		count.textContent = countText(shown, cards.length);
		history.replaceState(history.state, '', location.pathname + selectionQuery(selection) + location.hash);
	};

	const initial = parseSelection(location.search);
	for (const box of boxes) box.checked = initial[box.name as keyof Selection]?.includes(box.value) ?? false;
	// A shared link that filters: show which filters are on, folded or not.
	const fold = document.querySelector<HTMLDetailsElement>('#project-filter-fold');
	if (fold && boxes.some((box) => box.checked)) fold.open = true;
	form.addEventListener('change', apply);
	// `reset` fires before the boxes are cleared.
	form.addEventListener('reset', () => setTimeout(apply));
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		apply();
	});
	const links = document.querySelector<HTMLElement>('#project-filter-links');
	if (links) links.hidden = true;
	form.hidden = false;
	apply();
}
