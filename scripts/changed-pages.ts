/**
 * node scripts/changed-pages.ts [base]   (base: a ref such as origin/main)
 *
 * Prints, as markdown, the pages that HEAD adds, changes or removes compared
 * with `base`, for a pull request's job summary. Run from the project root.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { changedPages, formatChangedPages } from '../packages/project-pages/checker/changed-pages.ts';
import { loadProjectOptions } from '../packages/project-pages/checker/project-config.ts';

const [base = 'origin/main', ...extra] = process.argv.slice(2);
if (extra.length > 0 || base.startsWith('-')) {
	console.error('usage: node scripts/changed-pages.ts [base ref, e.g. origin/main]');
	process.exit(2);
}
const root = process.cwd();
const options = await loadProjectOptions(root);
const diff = execFileSync(
	'git',
	['-c', 'core.quotePath=false', 'diff', '--name-status', '-M', `${base}...HEAD`, '--relative', '--', options.contentDir],
	{
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	},
);
const read = (file: string) => {
	try {
		return readFileSync(path.join(root, file), 'utf8');
	} catch {
		return undefined;
	}
};
process.stdout.write(formatChangedPages(changedPages(diff, options.contentDir, read), process.env.PREVIEW_URL));
