import { describe, expect, it } from 'vitest';
import { ContentError, parseFrontMatter } from '../../../packages/project-pages/content/front-matter.ts';
import { validateFrontMatter } from '../../../packages/project-pages/content/validate.ts';
import type { ContentKind } from '../../../packages/project-pages/content/kinds.ts';

/** Parses and validates a document the way the build does; returns the data or the error lines. */
function check(kind: ContentKind, text: string, file = `content/${kind}/x.md`) {
	try {
		const doc = parseFrontMatter(file, text);
		return { data: validateFrontMatter(kind, file, doc.data, doc.lineOf) as Record<string, unknown> };
	} catch (error) {
		if (error instanceof ContentError) return { errors: error.message.split('\n') };
		throw error;
	}
}

describe('mirage-www front matter, accepted as is', () => {
	it('maps weekly minutes: updated, author map, subject, permalink, description', () => {
		const { data, errors } = check(
			'minutes',
			`---\nupdated: 2015-02-11\nauthor:\n  name: Amir Chaudhry\n  uri: http://amirchaudhry.com\n  email: amir@example.org\nsubject: 'Weekly Meeting: 2015-02-11'\npermalink: weekly-2015-02-11\ndescription: '11th Feb 2015: Improving quality'\n---\nbody`,
		);
		expect(errors).toBeUndefined();
		expect(data).toMatchObject({
			title: 'Weekly Meeting: 2015-02-11',
			description: '11th Feb 2015: Improving quality',
			permalink: 'weekly-2015-02-11',
			author: { name: 'Amir Chaudhry', url: 'http://amirchaudhry.com' },
		});
		expect((data!.date as Date).toISOString()).toBe('2015-02-11T00:00:00.000Z');
		expect(JSON.stringify(data)).not.toContain('amir@example.org');
	});

	it('maps blog posts: unpadded dates, authors as a list of maps, a permalink unlike the file name', () => {
		const { data } = check(
			'blog',
			`---\nupdated: 2016-2-29\nauthors:\n- name: Gabriel Radanne\n  uri: https://github.com/drup\n  email: g@example.org\n- name: Thomas Gazagnaire\nsubject: "Introducing Functoria"\npermalink: introducing-functoria\n---\n`,
			'content/blog/functoria.md',
		);
		expect(data).toMatchObject({ title: 'Introducing Functoria', permalink: 'introducing-functoria', tags: [] });
		expect(data!.authors).toEqual([{ name: 'Gabriel Radanne', url: 'https://github.com/drup' }, { name: 'Thomas Gazagnaire' }]);
		expect((data!.date as Date).toISOString().slice(0, 10)).toBe('2016-02-29');
	});

	it('accepts a single author map on a post as a one-item authors list', () => {
		const { data } = check('blog', `---\nupdated: 2014-07-08\nauthor: {name: Anil, email: a@example.org}\nsubject: S\n---\n`);
		expect(data!.authors).toEqual([{ name: 'Anil' }]);
	});
});

describe('new front matter', () => {
	it('accepts a complete RFC and defaults lists', () => {
		const { data } = check(
			'rfcs',
			`---\nnumber: 1\ntitle: Error handling\nstatus: discussion\nauthors: [Thomas Leonard]\ncreated: 2015-01-28\ndiscussion: https://github.com/mirage/mirage-www/pull/274\n---\n`,
		);
		expect(data).toMatchObject({ number: 1, status: 'discussion', affects: [], supersedes: [] });
	});

	it('accepts a project with its size and difficulty', () => {
		const { data } = check(
			'projects',
			`---\ntitle: T\nsummary: S\ndifficulty: 3\nsize: large\nskills: OCaml\nmentors: [Hannes Mehnert]\nstatus: done\nprogram: GSoC\nyear: 2025\noutcome: {student: Ines, post: /blog/x/}\n---\n`,
		);
		expect(data).toMatchObject({ difficulty: 3, size: 'large', skills: ['OCaml'], outcome: { student: { name: 'Ines' }, post: '/blog/x/' } });
	});
});

describe('invalid front matter: the file, the line, the field and the rule', () => {
	it('names an unknown RFC status with the allowed values', () => {
		const { errors } = check('rfcs', `---\nnumber: 7\ntitle: Foo\nstatus: pending\nauthors: [A]\ncreated: 2015-01-01\n---\n`, 'content/rfcs/0007-foo.md');
		expect(errors).toEqual(['content/rfcs/0007-foo.md:4: status: must be one of draft, discussion, accepted, rejected, withdrawn, implemented, superseded']);
	});

	it('rejects dates that do not exist, and says which', () => {
		const { errors } = check('blog', `---\ntitle: T\ndate: 2015-02-30\n---\n`, 'content/blog/t.md');
		expect(errors).toEqual(['content/blog/t.md:3: date: must be a real calendar date (got "2015-02-30")']);
	});

	it('applies the status rules: accepted needs a discussion, superseded needs supersededBy', () => {
		expect(check('rfcs', `---\nnumber: 2\ntitle: T\nstatus: accepted\nauthors: [A]\ncreated: 2015-01-01\n---\n`, 'r.md').errors).toEqual([
			'r.md: discussion: is required when status is accepted',
		]);
		expect(check('rfcs', `---\nnumber: 2\ntitle: T\nstatus: superseded\nauthors: [A]\ncreated: 2015-01-01\n---\n`, 'r.md').errors).toEqual([
			'r.md: supersededBy: is required when status is superseded',
		]);
	});

	it('reports every problem of a project, and unknown fields by name', () => {
		const { errors } = check('projects', `---\ntitle: T\nsummary: S\ndifficulty: 4\nsize: huge\nmentors: []\nstatus: open\nprogram: GSoC\nyear: 26\nmentor: X\n---\n`, 'p.md');
		expect(errors).toEqual([
			'p.md:4: difficulty: must be 1, 2 or 3 (stars)',
			'p.md:5: size: must be one of small, medium, large (90, 175 or 350 hours)',
			'p.md:6: mentors: must name at least one mentor',
			'p.md:7: status: must be one of available, taken, done',
			'p.md:9: year: must be a year such as 2026',
			'p.md:10: mentor: is not a known field (check its spelling)',
		]);
	});

	it('says which required fields are missing, for an empty file', () => {
		expect(check('minutes', '', 'content/minutes/empty.md').errors).toEqual(['content/minutes/empty.md: date: is required']);
	});

	it('stops YAML alias bombs, non-mapping front matter and YAML syntax errors with the file name', () => {
		const bomb = `---\na: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]\n---\n`;
		expect(check('blog', bomb, 'b.md').errors![0]).toMatch(/^b\.md:2: front matter uses too many YAML aliases/);
		expect(check('blog', '---\n- a\n- b\n---\n', 'l.md').errors).toEqual(['l.md:2: front matter must be a YAML mapping of "field: value" lines']);
		expect(check('blog', '---\ntitle: [unclosed\n---\n', 'y.md').errors![0]).toMatch(/^y\.md:\d+(:\d+)?: front matter is not valid YAML/);
	});
});
