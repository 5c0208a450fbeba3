/**
 * The Pioneer Projects filters. Without JavaScript: links to static filter
 * pages, each listing exactly the projects with that value. With it: a form
 * of checkboxes on `/projects/` that hides the other cards at once (values OR
 * within a facet, facets AND together), says how many are shown, and keeps
 * the choice in the URL. Expected results come from the cards' own `data-*`
 * attributes, which the build computes from the front matter.
 */
import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { FACET_ATTRIBUTES, type Facet } from '../../packages/project-pages/utils/project-filters.ts';
import { cardsIn, filterOf, type Card as BuiltCard } from '../site/support/project-cards.ts';
import { builtPages, readDist } from './support/built-site.ts';
import { DIST } from './support/paths.ts';
import { axeViolations, expect, gotoWithoutScripts, expectNoSidewaysScroll, test } from './support/test.ts';

/** A card as the browser shows it: its facets as built, and whether it is visible. */
interface Card extends BuiltCard {
	visible: boolean;
}

async function cards(page: Page): Promise<Card[]> {
	return page.locator('.project-card').evaluateAll(
		(elements, attributes) =>
			elements.map((el) => {
				const card = el as HTMLElement;
				const values = {} as Record<string, string[]>;
				for (const [facet, attribute] of Object.entries(attributes))
					values[facet] = (card.dataset[attribute] ?? '').split(' ').filter(Boolean);
				return { id: card.dataset.project ?? '', values: values as Card['values'], visible: card.checkVisibility() };
			}),
		FACET_ATTRIBUTES,
	);
}

const matches = (card: Card, selection: Partial<Record<Facet, string[]>>) =>
	Object.entries(selection).every(([facet, wanted]) => !wanted.length || wanted.some((v) => card.values[facet as Facet].includes(v)));

const visibleIds = (list: Card[]) =>
	list
		.filter((c) => c.visible)
		.map((c) => c.id)
		.sort();

/** The cards as built, read from dist/projects/index.html. */
const builtCards = () => cardsIn(readDist('projects/index.html'));

const FILTER_PAGES = existsSync(DIST) ? builtPages().filter((p) => p.url.startsWith('/projects/filter/')) : [];

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('/projects/ shows every project and links every filter page, each with its count', async ({ page }) => {
		await page.goto('/projects/');
		const all = await cards(page);
		expect(all.length).toBeGreaterThan(1);
		expect(all.map((c) => c.id).sort()).toEqual(
			builtCards()
				.map((c) => c.id)
				.sort(),
		);
		expect(visibleIds(all)).toEqual(all.map((c) => c.id).sort());
		await expect(page.locator('#project-filter-links')).toBeVisible();
		await expect(page.locator('#project-filter-form')).toBeHidden();
		await expect(page.locator('#project-count')).toHaveText(`${all.length} projects`);

		const links = await page
			.locator('#project-filter-links a[href^="/projects/filter/"]')
			.evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, count: Number(/\((\d+)\)/.exec(a.textContent ?? '')?.[1]) })));
		const facetsLinked = new Set(links.map((l) => l.href.split('/')[3]));
		expect([...facetsLinked].sort(), 'a filter per facet').toEqual(Object.keys(FACET_ATTRIBUTES).sort());
		expect(links.map((l) => l.href).sort(), 'a link to each filter page built, and no other').toEqual(
			FILTER_PAGES.map((p) => p.url).sort(),
		);
		for (const link of links) {
			const { facet, value } = filterOf(link.href);
			expect.soft(link.count, `${link.href}: the count in the link`).toBe(all.filter((c) => c.values[facet].includes(value)).length);
		}
	});

	test('a filter page shows the cards its HTML lists (tests/site checks each list), and "Clear filter" goes back to every project', async ({
		page,
	}) => {
		expect(FILTER_PAGES.length).toBeGreaterThan(0);
		const { url, file } = FILTER_PAGES[0]!;
		const { facet, value } = filterOf(url);
		await page.goto(url);
		const listed = cardsIn(readDist(file)).map((c) => c.id);
		expect(listed.length, `${url} lists projects`).toBeGreaterThan(0);
		expect(visibleIds(await cards(page)), `${url} shows the projects with ${facet} = ${value}`).toEqual(listed.sort());
		await page.locator('#project-filter-links a.filter-clear').click();
		await expect(page).toHaveURL('/projects/');
		expect(visibleIds(await cards(page))).toHaveLength(builtCards().length);
	});
});

test('/projects/ has no axe violation with or without JavaScript', async ({ page }) => {
	await gotoWithoutScripts(page, '/projects/');
	await expect(page.locator('#project-filter-links')).toBeVisible();
	expect.soft(await axeViolations(page), 'axe violations on /projects/ without JavaScript').toEqual([]);
	await expectNoSidewaysScroll(page, 'projects-no-js');
	await page.goto('/projects/');
	await expect(page.locator('#project-filter-form')).toBeVisible();
	expect.soft(await axeViolations(page), 'axe violations on /projects/ with JavaScript').toEqual([]);
	await expectNoSidewaysScroll(page, 'projects-js');
});

test('on a phone the filters are folded, so the first project shows on the first screen; a tap opens them; a wide screen shows them open', async ({
	page,
}) => {
	await page.setViewportSize({ width: 375, height: 740 });
	await gotoWithoutScripts(page, '/projects/');
	const links = page.locator('#project-filter-links');
	await expect(links).toBeHidden();
	await expect(page.locator('.project-card').first()).toBeInViewport();
	await page.locator('#project-filter-fold > summary').click();
	await expect(links).toBeVisible();
	await page.setViewportSize({ width: 1440, height: 900 });
	await page.goto('/projects/');
	await expect(page.locator('#project-filter-form')).toBeVisible();
	await expect(page.locator('#project-filter-fold > summary')).toBeHidden();
});

test.describe('with JavaScript', () => {
	test('checkboxes filter at once, combine, update the count and the URL, and the URL restores them', async ({ page }) => {
		await page.goto('/projects/');
		const form = page.locator('#project-filter-form');
		await expect(form).toBeVisible();
		await expect(page.locator('#project-filter-links')).toBeHidden();
		const all = await cards(page);
		const total = all.length;

		// Pick a skill that some but not all projects have, so the filter visibly narrows the list.
		const skills = [...new Set(all.flatMap((c) => c.values.skill))];
		const skill = skills.find((s) => {
			const n = all.filter((c) => c.values.skill.includes(s)).length;
			return n > 0 && n < total;
		});
		expect(skill, 'a skill shared by some projects only').toBeDefined();
		await form.locator(`input[name="skill"][value="${skill}"]`).check();
		let expected = all
			.filter((c) => matches(c, { skill: [skill!] }))
			.map((c) => c.id)
			.sort();
		expect(visibleIds(await cards(page))).toEqual(expected);
		await expect(page.locator('#project-count')).toHaveText(`${expected.length} of ${total} projects shown`);
		await expect(page).toHaveURL(`/projects/?skill=${skill}`);

		// A second facet narrows further (AND); a second value in it widens (OR).
		const statuses = [...new Set(all.flatMap((c) => c.values.status))];
		const status = statuses[0]!;
		await form.locator(`input[name="status"][value="${status}"]`).check();
		const selection = { skill: [skill!], status: [status] };
		expected = all
			.filter((c) => matches(c, selection))
			.map((c) => c.id)
			.sort();
		expect(visibleIds(await cards(page))).toEqual(expected);
		await expect(page).toHaveURL(`/projects/?skill=${skill}&status=${status}`);
		expect(statuses.length, 'projects in more than one status').toBeGreaterThan(1);
		await form.locator(`input[name="status"][value="${statuses[1]}"]`).check();
		selection.status.push(statuses[1]!);
		expected = all
			.filter((c) => matches(c, selection))
			.map((c) => c.id)
			.sort();
		expect(visibleIds(await cards(page))).toEqual(expected);

		// The URL is shareable: opening it restores the same choice.
		const shared = page.url();
		const other = await page.context().newPage();
		await other.goto(shared);
		expect(visibleIds(await cards(other))).toEqual(expected);
		for (const [facet, values] of Object.entries(selection)) {
			for (const value of values)
				await expect(other.locator(`#project-filter-form input[name="${facet}"][value="${value}"]`)).toBeChecked();
		}
		await other.close();

		// Clearing shows everything again and drops the query.
		await form.locator('button[type="reset"]').click();
		await expect(page.locator('#project-count')).toHaveText(`${total} projects`);
		expect(visibleIds(await cards(page))).toHaveLength(total);
		await expect(page).toHaveURL('/projects/');
	});

	test('a filter that matches nothing says so', async ({ page }) => {
		await page.goto('/projects/');
		const all = await cards(page);
		// A size and a skill that no project has together.
		const sizes = [...new Set(all.flatMap((c) => c.values.size))];
		const skills = [...new Set(all.flatMap((c) => c.values.skill))];
		const pair = sizes
			.flatMap((size) => skills.map((skill) => ({ size, skill })))
			.find(({ size, skill }) => !all.some((c) => matches(c, { size: [size], skill: [skill] })));
		expect(pair, 'a size and a skill that no project combines').toBeDefined();
		await page.locator(`#project-filter-form input[name="size"][value="${pair!.size}"]`).check();
		await page.locator(`#project-filter-form input[name="skill"][value="${pair!.skill}"]`).check();
		await expect(page.locator('#project-count')).toHaveText('No projects match these filters');
		expect(visibleIds(await cards(page))).toEqual([]);
	});
});
