// Fixture folders: tests/fixtures/markdown/<case>/input.md is rendered and
// compared with output.html next to it. `options.json` may set
// `{ "trusted": true }` (the default is untrusted, the stricter mode) and
// `"dialect": "commonmark"` (the default is gfm: markdown/dialects.ts).
// Set UPDATE_FIXTURES=1 to write output.html files, then review the diff.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../packages/project-pages/markdown/render.ts';

const root = join(import.meta.dirname, '../../fixtures/markdown');
const cases = readdirSync(root, { withFileTypes: true })
	.filter((d) => d.isDirectory())
	.map((d) => d.name)
	.sort();

describe('markdown fixtures', () => {
	it('has fixture folders', () => expect(cases.length).toBeGreaterThan(5));

	for (const name of cases) {
		it(name, async () => {
			const dir = join(root, name);
			const optionsFile = join(dir, 'options.json');
			const options = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
			const { html } = await renderMarkdown(readFileSync(join(dir, 'input.md'), 'utf8'), {
				trusted: options.trusted === true,
				...(options.dialect ? { dialect: options.dialect } : {}),
			});
			const expectedFile = join(dir, 'output.html');
			if (process.env.UPDATE_FIXTURES === '1') writeFileSync(expectedFile, html);
			expect(html).toBe(readFileSync(expectedFile, 'utf8'));
		});
	}
});
