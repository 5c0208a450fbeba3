/**
 * Every old address (`oldPaths`, `atRoot`) is a redirect page, read from the
 * built HTML, one test per page: it sends the browser, at once, to a page
 * that exists and is not itself a redirect, names that page as canonical,
 * keeps search engines off itself, and links the new address for a reader
 * whose browser does not follow the refresh. That a browser follows one is
 * checked for each kind of old address in tests/e2e/every-page.spec.ts.
 */
import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { builtPages, readDist } from '../e2e/support/built-site.ts';
import { DIST } from '../e2e/support/paths.ts';
import { parseHtml } from './support/parse-html.ts';

const PAGES = existsSync(DIST) ? builtPages() : [];
const REDIRECTS = PAGES.filter((p) => p.redirectsTo);

test('the site has redirect pages to check', () => {
	expect(REDIRECTS.length).toBeGreaterThan(0);
});

for (const page of REDIRECTS) {
	test(`${page.url} sends the reader to ${page.redirectsTo}, a page of the site`, () => {
		const target = PAGES.find((p) => p.url === page.redirectsTo);
		expect(target, `${page.redirectsTo} is built`).toBeDefined();
		expect(target!.redirectsTo, `${page.redirectsTo} is a page, not another redirect`).toBeUndefined();
		const elements = parseHtml(readDist(page.file)).all();
		const attr = (tag: string, key: string, value: string, wanted: string) =>
			elements.filter((el) => el.tagName === tag && el.attr(key) === value).map((el) => el.attr(wanted));
		expect(attr('meta', 'http-equiv', 'refresh', 'content')).toEqual([`0; url=${page.redirectsTo}`]);
		expect(attr('meta', 'name', 'robots', 'content')).toEqual(['noindex']);
		const [canonical] = attr('link', 'rel', 'canonical', 'href');
		expect(canonical && new URL(canonical).pathname, 'the canonical address').toBe(page.redirectsTo);
		expect(
			elements.filter((el) => el.tagName === 'a').map((el) => el.attr('href')),
			'a link to the new address',
		).toEqual([page.redirectsTo]);
	});
}
