import { describe, expect, it } from 'vitest';
import { changedPages, formatChangedPages } from '../../packages/project-pages/checker/changed-pages.ts';
import { parseOptions } from '../../packages/project-pages/options.ts';

/** A site that moved its minutes to /weekly/, as this one does. */
const { sections } = parseOptions({ title: 'T', description: 'D', paths: { minutes: 'weekly' } });

const DIFF = [
	'A\tcontent/rfcs/0007-errors.md',
	'M\tcontent/minutes/2015-02-11.md',
	'D\tcontent/blog/old-post.md',
	'R087\tcontent/projects/old-name.md\tcontent/projects/new-name.md',
	'M\tcontent/people.yaml',
	'A\tcontent/blog/images/diagram.png',
	'M\tcontent/blog/_draft.md',
	'M\tsrc/project-pages/index.ts',
	'',
].join('\n');

const TEXTS: Record<string, string> = {
	'content/minutes/2015-02-11.md': '---\ndate: 2015-02-11\npermalink: weekly-2015-02-11\n---\n',
	'content/rfcs/0007-errors.md': '---\n- not: a mapping\n---\n',
};

describe('changedPages', () => {
	it('maps content files to the URLs the site serves them at', () => {
		const read = (file: string) => TEXTS[file];
		expect(changedPages(DIFF, 'content/', read, sections)).toEqual([
			{ change: 'removed', file: 'content/blog/old-post.md', url: '/blog/old-post/' },
			{ change: 'changed', file: 'content/people.yaml', url: '/people/' },
			{ change: 'renamed', file: 'content/projects/new-name.md', url: '/projects/new-name/' },
			// Broken front matter: the file name still gives the URL.
			{ change: 'added', file: 'content/rfcs/0007-errors.md', url: '/rfcs/0007-errors/' },
			{ change: 'changed', file: 'content/minutes/2015-02-11.md', url: '/weekly/weekly-2015-02-11/' },
			{ change: 'changed', file: 'content/blog/_draft.md' },
			{ change: 'added', file: 'content/blog/images/diagram.png' },
		]);
	});

	it('formats a job summary table, linking pages when a preview URL is known', () => {
		const pages = changedPages('A\tcontent/rfcs/0007-errors.md\nD\tcontent/blog/old.md\n', 'content', () => undefined);
		expect(formatChangedPages(pages, 'https://preview.example.org/')).toBe(
			[
				'### Pages this pull request adds or changes',
				'',
				'| Change | Page | File |',
				'| --- | --- | --- |',
				'| removed | `/blog/old/` | `content/blog/old.md` |',
				'| added | [`/rfcs/0007-errors/`](https://preview.example.org/rfcs/0007-errors/) | `content/rfcs/0007-errors.md` |',
				'',
			].join('\n'),
		);
		expect(formatChangedPages([])).toBe(
			'### Pages this pull request adds or changes\n\nNo pages: nothing under the content folder changed.\n',
		);
	});
});
