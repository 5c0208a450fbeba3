/**
 * Internal links and `#anchors` across the whole built site, with zero
 * broken (support/check-links.ts; link-checker.spec.ts shows it catching
 * each kind of break). External links are not fetched.
 */
import { expect, test } from '@playwright/test';
import { DIST } from '../e2e/support/paths.ts';
import { checkLinks } from './support/check-links.ts';

test('every internal link and #anchor in the built site resolves', () => {
	const report = checkLinks(DIST);
	console.log(`links: ${report.pages} pages, ${report.checked} internal links checked, ${report.broken.length} broken`);
	expect(report.checked).toBeGreaterThan(report.pages);
	expect(report.broken).toEqual([]);
});
