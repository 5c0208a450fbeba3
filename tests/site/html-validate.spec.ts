/**
 * Every built page is valid HTML by html-validate's recommended rules
 * (.htmlvalidate.json). Each rule relaxed there is listed here with the
 * reason it does not fit generated HTML, and a test keeps the two in step.
 */
import { readFileSync } from 'node:fs';
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

test('every built page passes html-validate with no errors', async () => {
	const pages = builtPages();
	expect(pages.map((p) => p.url)).toEqual(expect.arrayContaining(['/', '/404.html']));
	const validator = new HtmlValidate(new FileSystemConfigLoader());
	const problems: string[] = [];
	for (const page of pages) {
		const report = await validator.validateFile(path.join(DIST, page.file));
		for (const result of report.results) {
			for (const message of result.messages as Message[]) {
				if (message.severity < 2) continue;
				problems.push(
					`dist/${page.file}:${message.line}:${message.column} ${message.ruleId}: ${message.message} (${message.selector ?? ''})`,
				);
			}
		}
	}
	console.log(`html-validate: ${pages.length} pages checked, ${problems.length} errors`);
	expect(problems, `html-validate errors in ${pages.length} pages`).toEqual([]);
});
