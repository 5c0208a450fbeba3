/** The Pioneer Projects cards as built, read from a page's HTML: what the filters must show. */
import { FACET_ATTRIBUTES, type Facet } from '../../../packages/project-pages/utils/project-filters.ts';
import { parseHtml } from './parse-html.ts';

export interface Card {
	id: string;
	values: Record<Facet, string[]>;
}

/** Every `.project-card` of the page, with its facet values from the `data-*` attributes the build writes. */
export function cardsIn(html: string): Card[] {
	return parseHtml(html)
		.all()
		.filter((el) => (el.attr('class') ?? '').split(/\s+/).includes('project-card'))
		.map((el) => {
			const values = {} as Record<Facet, string[]>;
			for (const [facet, attribute] of Object.entries(FACET_ATTRIBUTES) as Array<[Facet, string]>)
				values[facet] = (el.attr(`data-${attribute}`) ?? '').split(' ').filter(Boolean);
			return { id: el.attr('data-project') ?? '', values };
		});
}

/** `/projects/filter/<facet>/<value>/` → its facet and value. */
export function filterOf(url: string): { facet: Facet; value: string } {
	const [, , , facet, value] = url.split('/') as [string, string, string, Facet, string];
	return { facet, value };
}
