/** The site's sections as the options settle them: names, paths, sections turned off, and the rules on paths. */
import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../packages/project-pages/options.ts';
import { feedKinds, navSections, whySectionIsOff } from '../../packages/project-pages/utils/sections.ts';

const base = { title: 'T', description: 'D' };

describe('sections', () => {
	it('are neutral by default, without a status section when no toolchain is tracked', () => {
		const { sections } = parseOptions(base);
		expect(sections).toEqual({
			blog: { path: 'blog', label: 'Blog', item: 'Post' },
			docs: { path: 'docs', label: 'Docs', item: 'Guide' },
			minutes: { path: 'minutes', label: 'Minutes', item: 'Minutes' },
			rfcs: { path: 'rfcs', label: 'RFCs', item: 'RFC' },
			projects: { path: 'projects', label: 'Projects', item: 'Project' },
			people: { path: 'people', label: 'People', item: 'People' },
			tags: { path: 'tags', label: 'Tags', item: 'Tags' },
			search: { path: 'search', label: 'Search', item: 'Search' },
			papers: { path: 'papers', label: 'Papers', item: 'Papers' },
		});
		expect(parseOptions({ ...base, ci: { toolchain: { core: ['owner/repo'] } } }).sections.status).toEqual({
			path: 'status',
			label: 'Toolchain status',
			item: 'Toolchain status',
		});
	});

	it('take a name, with the entry named from it where the default is a plural, or both', () => {
		const { sections } = parseOptions({
			...base,
			labels: { projects: 'Student Ideas', blog: 'News', minutes: { name: 'Weekly calls', item: 'Weekly call' } },
		});
		expect(sections.projects).toMatchObject({ label: 'Student Ideas', item: 'Student Idea' });
		expect(sections.blog).toMatchObject({ label: 'News', item: 'Post' });
		expect(sections.minutes).toMatchObject({ label: 'Weekly calls', item: 'Weekly call' });
	});

	it('move, nest or turn off; tags go with the blog; the sidebar and feeds follow', () => {
		const { sections } = parseOptions({
			...base,
			paths: { minutes: '/community/calls/', blog: false, rfcs: false, docs: false, papers: false },
		});
		expect(sections.minutes?.path).toBe('community/calls');
		expect(Object.keys(sections)).toEqual(['minutes', 'projects', 'people', 'search']);
		expect(navSections(sections)).toEqual(['minutes', 'projects', 'people']);
		expect(feedKinds(sections)).toEqual(['minutes']);
	});

	it('refuse a path taken by another section or by the build, naming the option', () => {
		expect(() => parseOptions({ ...base, paths: { minutes: 'a b' } })).toThrow(
			['Invalid projectPages() options:', '  paths.minutes: must be a URL path such as "calls" or "community/calls"'].join('\n'),
		);
		expect(() => parseOptions({ ...base, paths: { rfcs: 'blog', people: 'pagefind' } })).toThrow(
			[
				'Invalid projectPages() options:',
				'  paths.rfcs: "blog" is already the path of blog; give each section its own',
				'  paths.people: "pagefind" is used by the build itself',
			].join('\n'),
		);
		expect(() => parseOptions({ ...base, labels: { essays: 'Essays' } })).toThrow(/labels\.essays: /);
	});

	it('say why one is off, in the words of the option that did it', () => {
		expect(whySectionIsOff('rfcs', { paths: { rfcs: false } })).toBe('paths.rfcs: false turns it off');
		// Nobody wrote paths.status: false; the site tracks no toolchain.
		expect(whySectionIsOff('status', {})).toBe('it is on only when ci.toolchain names repositories, or paths.status gives it a path');
		expect(whySectionIsOff('tags', { paths: { blog: false } })).toBe('it belongs to the blog section, which is off (paths.blog: false)');
	});
});
