/**
 * Keyboard use: the skip link is the first Tab stop, shows itself when
 * focused and moves focus to the content; every focused control shows a
 * visible focus indicator (an outline or a box shadow).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/test.ts';

interface Focused {
	tag: string;
	text: string;
	href: string | null;
	id: string;
	outline: string;
	outlineWidth: number;
	boxShadow: string;
	inViewport: boolean;
}

function focused(page: Page): Promise<Focused> {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement;
		const style = getComputedStyle(el);
		const box = el.getBoundingClientRect();
		return {
			tag: el.tagName.toLowerCase(),
			text: (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 40),
			href: el.getAttribute('href'),
			id: el.id,
			outline: style.outlineStyle,
			outlineWidth: parseFloat(style.outlineWidth),
			boxShadow: style.boxShadow,
			inViewport: box.width > 1 && box.height > 1 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth,
		};
	});
}

const hasFocusIndicator = (f: Focused) => (f.outline !== 'none' && f.outlineWidth > 0) || (f.boxShadow !== 'none' && f.boxShadow !== '');

for (const url of ['/', '/blog/', '/rfcs/']) {
	test(`skip link is the first Tab stop on ${url} and moves focus to #main`, async ({ page }) => {
		await page.goto(url);
		await page.keyboard.press('Tab');
		const first = await focused(page);
		expect(first.href, 'first Tab stop').toBe('#main');
		expect(first.inViewport, 'the skip link is on screen when focused').toBe(true);
		expect(
			hasFocusIndicator(first),
			`skip link focus indicator: outline ${first.outline} ${first.outlineWidth}px, box-shadow ${first.boxShadow}`,
		).toBe(true);
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/#main$/);
		expect((await focused(page)).id).toBe('main');
		// The next Tab continues from the content, not from the top of the page.
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => !!document.activeElement?.closest('#main'))).toBe(true);
	});
}

for (const [url, stops] of [
	['/', 40],
	['/projects/', 40],
	['/search/', 15],
] as const) {
	test(`every Tab stop on ${url} shows a visible focus indicator`, async ({ page }) => {
		await page.goto(url);
		const seen: string[] = [];
		for (let i = 0; i < stops; i++) {
			await page.keyboard.press('Tab');
			const f = await focused(page);
			if (f.tag === 'body') break;
			const name = `${f.tag} "${f.text}" ${f.href ?? ''}`.trim();
			seen.push(name);
			expect(
				hasFocusIndicator(f),
				`focus indicator on Tab stop ${i + 1}, ${name}: outline ${f.outline} ${f.outlineWidth}px, box-shadow ${f.boxShadow}`,
			).toBe(true);
		}
		expect(seen.length, `Tab stops on ${url}`).toBeGreaterThan(5);
	});
}
