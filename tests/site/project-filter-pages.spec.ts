/**
 * Each static filter page (`/projects/filter/<facet>/<value>/`, what a reader
 * without JavaScript follows) lists exactly the projects with that value and
 * marks its own link current, one test per page, read from the built HTML.
 * The expected list comes from the cards on `/projects/`, whose `data-*`
 * attributes the build computes from the front matter. That the cards shown
 * are the cards in the HTML is checked in the browser on one filter page
 * (tests/e2e/project-filters.spec.ts).
 */
import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { builtPages, readDist } from '../e2e/support/built-site.ts';
import { DIST } from '../e2e/support/paths.ts';
import { parseHtml } from './support/parse-html.ts';
import { cardsIn, filterOf } from './support/project-cards.ts';

const FILTER_PAGES = existsSync(DIST) ? builtPages().filter((p) => p.url.startsWith('/projects/filter/')) : [];

test('the site has filter pages to check', () => {
	expect(FILTER_PAGES.length).toBeGreaterThan(0);
});

for (const page of FILTER_PAGES) {
	test(`${page.url} lists exactly the projects with that value and marks itself current`, () => {
		const { facet, value } = filterOf(page.url);
		const expected = cardsIn(readDist('projects/index.html'))
			.filter((c) => c.values[facet].includes(value))
			.map((c) => c.id)
			.sort();
		expect(expected.length, `projects with ${facet} = ${value}`).toBeGreaterThan(0);
		const html = readDist(page.file);
		expect(
			cardsIn(html)
				.map((c) => c.id)
				.sort(),
			`${page.url} lists the projects with ${facet} = ${value}`,
		).toEqual(expected);
		const current = parseHtml(html)
			.all()
			.filter((el) => el.tagName === 'a' && el.attr('href')?.startsWith('/projects/filter/') && el.attr('aria-current') === 'page')
			.map((el) => el.attr('href'));
		expect(current, `${page.url} marks its own filter link, and no other, current`).toEqual([page.url]);
	});
}
