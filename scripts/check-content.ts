/**
 * npm run check:content [-- --root DIR]
 *
 * Validates all content without a build and prints `path:line:column: message`
 * lines, or GitHub annotations when GITHUB_ACTIONS=true. Exits 1 on errors
 * (warnings alone exit 0) and 2 on bad arguments. The rules live in
 * packages/project-pages/checker/; this only prints.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '../packages/project-pages/checker/check-content.ts';
import { formatAnnotation, formatFinding } from '../packages/project-pages/checker/finding.ts';
import { knownRepos, loadProjectOptions } from '../packages/project-pages/checker/project-config.ts';

const USAGE = 'usage: npm run check:content [-- --root <project dir>]';

let root: string;
try {
	const { values } = parseArgs({ options: { root: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
	if (values.help) {
		console.log(USAGE);
		process.exit(0);
	}
	root = path.resolve(values.root ?? '.');
} catch (error) {
	console.error(`check:content: ${(error as Error).message}\n${USAGE}`);
	process.exit(2);
}

const options = await loadProjectOptions(root);
const result = await checkContent({ root, contentDir: options.contentDir, knownRepos: knownRepos(options) });
const annotate = process.env.GITHUB_ACTIONS === 'true';
for (const f of result.findings) console.log(annotate ? formatAnnotation(f) : formatFinding(f));
const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
console.error(
	`check:content: ${count(result.errors, 'error')}, ${count(result.warnings, 'warning')} in ${count(result.files, 'file')} under ${options.contentDir}/`,
);
process.exitCode = result.errors > 0 ? 1 : 0;
