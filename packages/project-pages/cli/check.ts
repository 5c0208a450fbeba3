/**
 * project-pages check [--root DIR]   (the site's `npm run check:content`)
 *
 * Validates all content without a build and prints `path:line:column: message`
 * lines, or GitHub annotations when GITHUB_ACTIONS=true. Exits 1 on errors
 * (warnings alone exit 0) and 2 on bad arguments. The rules live in
 * checker/; this only reads the site's options and prints.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkProject } from '../checker/check-project.ts';
import { formatAnnotation, formatFinding } from '../checker/finding.ts';
import { PROJECT_CONFIG_FILE } from '../checker/project-config.ts';

const USAGE = 'usage: project-pages check [--root <project dir>]';

export async function runCheck(argv: string[]): Promise<number> {
	let root: string;
	try {
		const { values } = parseArgs({ args: argv, options: { root: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
		if (values.help) {
			console.log(USAGE);
			return 0;
		}
		root = path.resolve(values.root ?? '.');
	} catch (error) {
		console.error(`check: ${(error as Error).message}\n${USAGE}`);
		return 2;
	}
	const { result, config } = await checkProject(root);
	if (!config.file) console.error(`check: no ${PROJECT_CONFIG_FILE} in ${root}; checking with the default options`);
	const { options } = config;
	const annotate = process.env.GITHUB_ACTIONS === 'true';
	for (const f of result.findings) console.log(annotate ? formatAnnotation(f) : formatFinding(f));
	const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
	console.error(
		`check: ${count(result.errors, 'error')}, ${count(result.warnings, 'warning')} in ${count(result.files, 'file')} under ${options.contentDir}/`,
	);
	return result.errors > 0 ? 1 : 0;
}
