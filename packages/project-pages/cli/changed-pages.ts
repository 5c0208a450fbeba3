/**
 * project-pages changed-pages [base]   (base: a ref such as origin/main)
 *
 * Prints, as markdown, the pages that HEAD adds, changes or removes compared
 * with `base`, for a pull request's job summary (PREVIEW_URL, when set,
 * makes them links). Run from the project root.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { changedPages, formatChangedPages } from '../checker/changed-pages.ts';
import { loadProjectOptions } from '../checker/project-config.ts';

const USAGE = 'usage: project-pages changed-pages [base ref, e.g. origin/main]';

export async function runChangedPages(argv: string[]): Promise<number> {
	const [base = 'origin/main', ...extra] = argv;
	if (base === '--help' || base === '-h') {
		console.log(USAGE);
		return 0;
	}
	if (extra.length > 0 || base.startsWith('-')) {
		console.error(USAGE);
		return 2;
	}
	const root = process.cwd();
	const options = await loadProjectOptions(root);
	const diff = execFileSync(
		'git',
		['-c', 'core.quotePath=false', 'diff', '--name-status', '-M', `${base}...HEAD`, '--relative', '--', options.contentDir],
		{ encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
	);
	const read = (file: string) => {
		try {
			return readFileSync(path.join(root, file), 'utf8');
		} catch {
			return undefined;
		}
	};
	process.stdout.write(formatChangedPages(changedPages(diff, options.contentDir, read, options.sections), process.env.PREVIEW_URL));
	return 0;
}
