/**
 * npm run new -- rfc "Error handling"     content/rfcs/<next number>-error-handling.md
 * npm run new -- minutes [YYYY-MM-DD]     content/minutes/<date>.md (default today)
 * npm run new -- project "Title"          content/projects/<slug>.md
 * npm run new -- post "Title"             content/blog/<slug>.md
 *
 * Writes a new file from scripts/templates/, with today's date and the
 * author from `git config user.name` (or --author), and prints its path.
 * It never overwrites a file. Exit codes: 0 written, 1 the file exists,
 * 2 bad arguments.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { isoDay, parseContentDate } from '../packages/project-pages/content/dates.ts';
import { padRfcNumber, slugify } from '../packages/project-pages/content/identity.ts';
import { loadProjectOptions } from '../packages/project-pages/checker/project-config.ts';

const USAGE = `usage: npm run new -- <kind> [argument] [--author "Name"]
  rfc "Title"            a draft RFC with the next free number
  minutes [YYYY-MM-DD]   minutes of a call (default: today)
  project "Title"        a Pioneer Project
  post "Title"           a blog post`;

class UsageError extends Error {}

const KINDS = {
	rfc: { folder: 'rfcs', template: 'rfc.md', argument: 'title' },
	minutes: { folder: 'minutes', template: 'minutes.md', argument: 'date' },
	project: { folder: 'projects', template: 'project.md', argument: 'title' },
	post: { folder: 'blog', template: 'post.md', argument: 'title' },
} as const;
type Kind = keyof typeof KINDS;

function parse(argv: string[]) {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			options: { author: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
		});
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
	const { values, positionals } = parsed;
	if (values.help) return { help: true as const };
	const [kind, argument, ...extra] = positionals;
	if (!kind) throw new UsageError('say what to create: rfc, minutes, project or post');
	if (!Object.hasOwn(KINDS, kind)) throw new UsageError(`unknown kind "${kind}"; it must be one of rfc, minutes, project, post`);
	if (extra.length > 0)
		throw new UsageError(`too many arguments: ${extra.map((e) => JSON.stringify(e)).join(' ')} (quote a title that has spaces)`);
	const spec = KINDS[kind as Kind];
	if (spec.argument === 'title' && !argument?.trim())
		throw new UsageError(`${kind} needs a title, e.g. npm run new -- ${kind} "Error handling"`);
	if (spec.argument === 'title' && !slugify(argument!))
		throw new UsageError(`the title "${argument}" has no letters or digits to make a file name from`);
	let date = today();
	if (spec.argument === 'date' && argument !== undefined) {
		const parsedDate = parseContentDate(argument);
		if (!parsedDate.ok || !/^\d{4}-\d{2}-\d{2}$/.test(argument))
			throw new UsageError(`the date must be a real day written YYYY-MM-DD (got "${argument}")`);
		date = isoDay(parsedDate.date);
	}
	return {
		help: false as const,
		kind: kind as Kind,
		title: spec.argument === 'title' ? argument!.trim() : undefined,
		date,
		author: values.author,
	};
}

/** The author's calendar day, not UTC's. */
function today(): string {
	const now = new Date();
	return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function gitUserName(): string | undefined {
	try {
		return execFileSync('git', ['config', 'user.name'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
	} catch {
		return undefined;
	}
}

function nextRfcNumber(folder: string): number {
	let names: string[] = [];
	try {
		names = readdirSync(folder);
	} catch {
		// No rfcs/ yet: this is the first.
	}
	const numbers = names
		.map((n) => /^(\d+)-/.exec(n)?.[1])
		.filter((n) => n !== undefined)
		.map(Number);
	return Math.max(0, ...numbers) + 1;
}

/** A YAML scalar, quoted only when it has to be (`title: "Errors: a plan"`). */
function scalar(value: string | number): string {
	return stringify(value).trimEnd();
}

async function main(argv: string[]): Promise<number> {
	let args;
	try {
		args = parse(argv);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		console.error(`new: ${error.message}\n${USAGE}`);
		return 2;
	}
	if (args.help) {
		console.log(USAGE);
		return 0;
	}
	const author = args.author?.trim() || gitUserName();
	if (!author) {
		console.error(`new: no author: set one with git config user.name "Your Name", or pass --author "Your Name"\n${USAGE}`);
		return 2;
	}
	const root = process.cwd();
	const options = await loadProjectOptions(root);
	const spec = KINDS[args.kind];
	const folder = path.posix.join(options.contentDir.replace(/\/+$/, ''), spec.folder);
	const number = args.kind === 'rfc' ? nextRfcNumber(path.join(root, folder)) : undefined;
	const stem =
		args.kind === 'rfc' ? `${padRfcNumber(number!)}-${slugify(args.title!)}` : args.kind === 'minutes' ? args.date : slugify(args.title!);
	const file = path.posix.join(folder, `${stem}.md`);
	const values: Record<string, string> = {
		title: scalar(args.title ?? ''),
		date: args.date,
		author: scalar(author),
		number: String(number ?? ''),
		year: args.date.slice(0, 4),
		repository: options.repository ?? 'OWNER/REPO',
	};
	const template = readFileSync(new URL(`./templates/${spec.template}`, import.meta.url), 'utf8');
	const text = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
	mkdirSync(path.join(root, folder), { recursive: true });
	try {
		writeFileSync(path.join(root, file), text, { flag: 'wx' });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		console.error(`new: ${file} already exists; not overwriting it (edit it, or choose another ${spec.argument})`);
		return 1;
	}
	console.log(file);
	console.error(`new: wrote ${file}; edit it, then run npm run check:content`);
	return 0;
}

process.exitCode = await main(process.argv.slice(2));
