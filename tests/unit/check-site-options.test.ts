/**
 * The content checker with a site's options: moved sections, the calls
 * calendar, the project filter pages and the site's own front-matter
 * fields (`extend` in project-pages.config.mjs), as the build has them.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../packages/project-pages/checker/check-content.ts';
import { checkProject } from '../../packages/project-pages/checker/check-project.ts';
import { formatFinding } from '../../packages/project-pages/checker/finding.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/site-options');

describe('checkProject with the options of the site it checks', () => {
	it("accepts links to every fixed page the routes make, validates the site's own fields, and reports the rest", async () => {
		const { result } = await checkProject(FIXTURE);
		expect(result.findings.map(formatFinding)).toEqual([
			'content/blog/links.md:11:3: warning: link /projects/filter/skill/cobol/: must point at an existing page; no project is named "filter/skill/cobol"',
			'content/blog/links.md:12:3: warning: link /projects/filter/skill/: must point at an existing page; no project is named "filter/skill"',
			'content/minutes/2026-01-14.md:3:8: venue: must be string',
		]);
	});

	it('reports a guide served at the root that does not exist, naming the option', async () => {
		const { config } = await checkProject(FIXTURE);
		const sections = { ...config.options.sections, docs: { ...config.options.sections.docs!, atRoot: ['securty'] } };
		const result = await checkContent({ root: FIXTURE, contentDir: 'content', sections, calls: true, extensions: config.extensions });
		expect(result.findings.map(formatFinding)).toContain(
			'project-pages.config.mjs:1:1: atRoot.docs.0: no guide has the permalink "securty"',
		);
	});

	it("reports the site's own fields as unknown when the checker is not given them, as the build would", async () => {
		const { config } = await checkProject(FIXTURE);
		const result = await checkContent({ root: FIXTURE, contentDir: 'content', sections: config.options.sections, calls: true });
		expect(result.findings.map(formatFinding).filter((f) => f.includes('venue'))).toEqual([
			'content/minutes/2026-01-07.md:3:8: venue: is not a known field (check its spelling)',
			'content/minutes/2026-01-14.md:3:8: venue: is not a known field (check its spelling)',
		]);
	});

	it('knows the calendar only when the site has calls', async () => {
		const { config } = await checkProject(FIXTURE);
		const result = await checkContent({
			root: FIXTURE,
			contentDir: 'content',
			sections: config.options.sections,
			extensions: config.extensions,
		});
		expect(result.findings.map(formatFinding)).toContain(
			'content/blog/links.md:7:3: warning: link /weekly/calls.ics: must point at an existing page; no minutes have the permalink "calls.ics"',
		);
	});
});
