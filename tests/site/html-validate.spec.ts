/**
 * Every built page is valid HTML by html-validate's recommended rules
 * (.htmlvalidate.json), one test per page. Each rule relaxed there is listed here with the
 * reason it does not fit generated HTML, and a test keeps the two in step.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FileSystemConfigLoader, HtmlValidate, type Message } from 'html-validate';
import { builtPages } from '../e2e/support/built-site.ts';
import { DIST, REPO } from '../e2e/support/paths.ts';

/** Rules .htmlvalidate.json changes from html-validate:recommended, and why. */
const RELAXED: Record<string, string> = {
	'no-inline-style':
		"Shiki's syntax highlighting writes each token's colour and weight as an inline style; only those properties are allowed.",
};

test('.htmlvalidate.json relaxes only the rules listed with a reason', () => {
	const config = JSON.parse(readFileSync(path.join(REPO, '.htmlvalidate.json'), 'utf8')) as { extends: string[]; rules?: object };
	expect(config.extends).toEqual(['html-validate:recommended']);
	expect(Object.keys(config.rules ?? {}).sort()).toEqual(Object.keys(RELAXED).sort());
});

// One test per page, listed when the file loads (the web server has built the site by then).
const PAGES = existsSync(DIST) ? builtPages() : [];
const validator = new HtmlValidate(new FileSystemConfigLoader());

test('html-validate has the built site to check', () => {
	expect(PAGES.map((p) => p.url)).toEqual(expect.arrayContaining(['/', '/404.html']));
});

for (const page of PAGES) {
	test(`${page.url} passes html-validate with no errors`, async () => {
		const report = await validator.validateFile(path.join(DIST, page.file));
		const problems = report.results.flatMap((result) =>
			(result.messages as Message[])
				.filter((message) => message.severity >= 2)
				.map(
					(message) =>
						`dist/${page.file}:${message.line}:${message.column} ${message.ruleId}: ${message.message} (${message.selector ?? ''})`,
				),
		);
		expect(problems).toEqual([]);
	});
}
