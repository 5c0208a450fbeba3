/**
 * project-pages new <kind> [argument] [--author "Name"]   (the site's `npm run new --`)
 *
 *   rfc "Error handling"     <content>/rfcs/<next number>-error-handling.md
 *   minutes [YYYY-MM-DD]     <content>/minutes/<date>.md (default today)
 *   project "Title"          <content>/projects/<slug>.md
 *   post "Title"             <content>/blog/<slug>.md
 *
 * The kinds, their folders and templates come from the registry
 * (content/kinds.ts), and only the kinds the site has turned on are offered.
 * Writes a new file from cli/templates/, with today's date and the author
 * from `git config user.name` (or --author), and prints its path. It never
 * overwrites a file. Exit codes: 0 written, 1 the file exists, 2 bad arguments.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { isoDay, parseContentDate } from '../content/dates.ts';
import { padRfcNumber } from '../content/identity.ts';
import { CONTENT_KINDS, KINDS, type ContentKind } from '../content/kinds.ts';
import { loadProjectConfig, PROJECT_CONFIG_FILE } from '../checker/project-config.ts';
import type { ProjectPagesOptions } from '../options.ts';
import { enabledKinds } from '../utils/sections.ts';
import { hasSlugText, slug } from '../utils/slug.ts';

/** Templates sit in cli/templates/, found from the sources and from the bundle in dist/ alike. */
const TEMPLATES = new URL('../cli/templates/', import.meta.url);

class UsageError extends Error {}

interface Command {
	kind: ContentKind;
	scaffold: (typeof KINDS)[ContentKind]['scaffold'];
}

function commandsOf(options: ProjectPagesOptions): Map<string, Command> {
	return new Map(enabledKinds(options.sections).map((kind) => [KINDS[kind].scaffold.command, { kind, scaffold: KINDS[kind].scaffold }]));
}

function usage(commands: Map<string, Command>): string {
	const lines = [...commands].map(
		([name, { scaffold }]) => `  ${`${name} ${scaffold.argument === 'title' ? '"Title"' : '[YYYY-MM-DD]'}`.padEnd(22)} ${scaffold.what}`,
	);
	return `usage: project-pages new <kind> [argument] [--author "Name"]\n${lines.join('\n')}`;
}

function parse(argv: string[], commands: Map<string, Command>) {
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
	const names = [...commands.keys()];
	const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : (names[0] ?? 'nothing: every kind is off');
	const [name, argument, ...extra] = positionals;
	if (!name) throw new UsageError(`say what to create: ${list}`);
	const command = commands.get(name);
	const off = command ? undefined : CONTENT_KINDS.find((kind) => KINDS[kind].scaffold.command === name);
	if (off)
		throw new UsageError(`the ${off} section is off (paths.${off}: false), so there is no ${name} to write (say what to create: ${list})`);
	if (!command) throw new UsageError(`unknown kind "${name}"; it must be one of ${names.join(', ')}`);
	if (extra.length > 0)
		throw new UsageError(`too many arguments: ${extra.map((e) => JSON.stringify(e)).join(' ')} (quote a title that has spaces)`);
	const { scaffold } = command;
	if (scaffold.argument === 'title' && !argument?.trim())
		throw new UsageError(`${name} needs a title, e.g. project-pages new ${name} "Error handling"`);
	if (scaffold.argument === 'title' && !hasSlugText(argument!))
		throw new UsageError(`the title "${argument}" has no letters or digits to make a file name from`);
	let date = today();
	if (scaffold.argument === 'date' && argument !== undefined) {
		const parsedDate = parseContentDate(argument);
		if (!parsedDate.ok || !/^\d{4}-\d{2}-\d{2}$/.test(argument))
			throw new UsageError(`the date must be a real day written YYYY-MM-DD (got "${argument}")`);
		date = isoDay(parsedDate.date);
	}
	return {
		help: false as const,
		command,
		title: scaffold.argument === 'title' ? argument!.trim() : undefined,
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

export async function runNew(argv: string[]): Promise<number> {
	const root = process.cwd();
	const { options, file: configFile } = await loadProjectConfig(root);
	const commands = commandsOf(options);
	let args;
	try {
		args = parse(argv, commands);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		console.error(`new: ${error.message}\n${usage(commands)}`);
		return 2;
	}
	if (args.help) {
		console.log(usage(commands));
		return 0;
	}
	const author = args.author?.trim() || gitUserName();
	if (!author) {
		console.error(`new: no author: set one with git config user.name "Your Name", or pass --author "Your Name"\n${usage(commands)}`);
		return 2;
	}
	const { kind, scaffold } = args.command;
	const folder = path.posix.join(options.contentDir.replace(/\/+$/, ''), KINDS[kind].folder);
	const number = kind === 'rfcs' ? nextRfcNumber(path.join(root, folder)) : undefined;
	const stem =
		kind === 'rfcs' ? `${padRfcNumber(number!)}-${slug(args.title!)}` : scaffold.argument === 'date' ? args.date : slug(args.title!);
	const file = path.posix.join(folder, `${stem}.md`);
	const values: Record<string, string> = {
		title: scalar(args.title ?? ''),
		date: args.date,
		author: scalar(author),
		number: String(number ?? ''),
		year: args.date.slice(0, 4),
		repository: options.repository ?? 'OWNER/REPO',
		project: options.title,
		label: options.sections[kind]!.label,
	};
	const template = readFileSync(new URL(scaffold.template, TEMPLATES), 'utf8');
	const text = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
	mkdirSync(path.join(root, folder), { recursive: true });
	try {
		writeFileSync(path.join(root, file), text, { flag: 'wx' });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		console.error(`new: ${file} already exists; not overwriting it (edit it, or choose another ${scaffold.argument})`);
		return 1;
	}
	console.log(file);
	console.error(`new: wrote ${file}; edit it, then run project-pages check`);
	// Options written inline in astro.config.mjs are invisible here: say so, since labels and paths shape the file.
	if (!configFile)
		console.error(`new: no ${PROJECT_CONFIG_FILE} here, so the default options were used (section names, paths, content folder)`);
	return 0;
}
