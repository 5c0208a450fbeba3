/**
 * Reading needs no JavaScript: no built page has a script element or an
 * inline event handler, except `/projects/` (the filter script) and
 * `/search/` (the search script). Read from the HTML, so it holds even where
 * the browser tests cannot run; every-page.spec.ts measures what loads.
 */
import { expect, test } from '@playwright/test';
import { builtPages, readDist } from '../e2e/support/built-site.ts';
import { parseHtml } from './support/parse-html.ts';

const SCRIPTED = new Set(['/projects/', '/search/']);
/** Script types that are data, not code. */
const DATA_TYPES = /^(application\/(ld\+)?json|importmap|speculationrules)$/i;

test('only /projects/ and /search/ have scripts; no page has inline event handlers', () => {
	const pages = builtPages();
	const found: string[] = [];
	const scripted = new Set<string>();
	for (const page of pages) {
		for (const element of parseHtml(readDist(page.file)).all()) {
			if (element.tagName === 'script' && !DATA_TYPES.test(element.attr('type') ?? '')) {
				scripted.add(page.url);
				if (!SCRIPTED.has(page.url)) found.push(`${page.url}: <script${element.attr('src') ? ` src="${element.attr('src')}"` : ''}>`);
			}
			if (element.tagName === 'link' && /\bmodulepreload\b/.test(element.attr('rel') ?? '') && !SCRIPTED.has(page.url))
				found.push(`${page.url}: <link rel="modulepreload" href="${element.attr('href')}">`);
			for (const handler of element.names().filter((name) => name.startsWith('on')))
				found.push(`${page.url}: <${element.tagName} ${handler}>`);
		}
	}
	console.log(`scripts: ${pages.length} pages checked, scripts on ${[...scripted].join(', ') || 'none'}`);
	expect(found).toEqual([]);
	// The two scripted pages do carry their script, so this test would see one anywhere else.
	expect([...scripted].sort()).toEqual([...SCRIPTED].sort());
});
