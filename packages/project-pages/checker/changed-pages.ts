/**
 * Which pages a pull request adds, changes or removes: `git diff
 * --name-status` lines for the content folder, mapped to the URLs the site
 * serves them at, for the workflow's job summary.
 */
import path from 'node:path';
import { parseFrontMatter } from '../content/front-matter.ts';
import { KINDS } from '../content/kinds.ts';
import { enabledKinds, sectionPage, type Sections } from '../utils/sections.ts';
import { defaultSections, pageId } from './site-pages.ts';

export interface ChangedPage {
	change: 'added' | 'changed' | 'removed' | 'renamed';
	/** The file, relative to the project root; for a rename, its new name. */
	file: string;
	/** Site path such as `/rfcs/0007-foo/`; undefined for files that are not a page. */
	url?: string;
}

const CHANGE: Record<string, ChangedPage['change']> = { A: 'added', C: 'added', M: 'changed', T: 'changed', D: 'removed', R: 'renamed' };
const MARKDOWN = /\.(md|mdx|markdown)$/i;

/**
 * `readText(file)` returns a file's text as the pull request has it (for its
 * `permalink`), or undefined; it is not called for removed files. `sections`
 * are the site's (the options' `sections`), where each kind's pages are.
 */
export function changedPages(
	nameStatus: string,
	contentDir: string,
	readText: (file: string) => string | undefined,
	sections: Sections = defaultSections(),
): ChangedPage[] {
	const dir = contentDir.replace(/\/+$/, '');
	const pages: ChangedPage[] = [];
	for (const line of nameStatus.split('\n')) {
		const [status = '', first = '', second] = line.split('\t');
		const change = CHANGE[status[0] ?? ''];
		const file = second ?? first;
		if (!change || !file.startsWith(`${dir}/`)) continue;
		pages.push({ change, file, ...urlOf(file.slice(dir.length + 1), change === 'removed' ? undefined : () => readText(file), sections) });
	}
	return pages.sort((a, b) => (a.url ?? '\uffff').localeCompare(b.url ?? '\uffff') || a.file.localeCompare(b.file));
}

function urlOf(inContent: string, read: (() => string | undefined) | undefined, sections: Sections): { url?: string } {
	if (inContent === 'people.yaml') return sections.people ? { url: sectionPage(sections.people) } : {};
	const [folder, ...rest] = inContent.split('/');
	const kind = enabledKinds(sections).find((k) => KINDS[k].folder === folder);
	const name = rest.join('/');
	if (!kind || !MARKDOWN.test(name) || path.posix.basename(name).startsWith('_')) return {};
	const stem = path.posix.basename(name).replace(MARKDOWN, '');
	let data: Record<string, unknown> = {};
	const text = read?.();
	if (text !== undefined) {
		try {
			data = parseFrontMatter(inContent, text).data;
		} catch {
			// The checker reports broken front matter; here the file name is enough.
		}
	}
	return { url: sectionPage(sections[kind]!, pageId(kind, stem, data)) };
}

/** Markdown for `$GITHUB_STEP_SUMMARY`. */
export function formatChangedPages(pages: readonly ChangedPage[], siteUrl?: string): string {
	const heading = '### Pages this pull request adds or changes\n\n';
	if (pages.length === 0) return `${heading}No pages: nothing under the content folder changed.\n`;
	const base = siteUrl?.replace(/\/+$/, '');
	const rows = pages.map((p) => {
		const page = p.url ? (base && p.change !== 'removed' ? `[\`${p.url}\`](${base}${p.url})` : `\`${p.url}\``) : '(not a page)';
		return `| ${p.change} | ${page} | \`${p.file}\` |`;
	});
	return `${heading}| Change | Page | File |\n| --- | --- | --- |\n${rows.join('\n')}\n`;
}
