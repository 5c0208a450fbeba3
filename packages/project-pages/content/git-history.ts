/**
 * RFC history from git: when each file was first committed and each change
 * of its `status`, read for the whole folder in two git calls (one `git log`,
 * one `git cat-file --batch`) rather than two per page.
 *
 * A shallow clone (CI's default) has only its last commit, which would give
 * every RFC the same date; there, and outside a git checkout, the history is
 * the front matter's `created` date alone, with a note that says why.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontMatter } from './front-matter.ts';

export type RfcHistoryEvent =
	/** The `created` date the front matter gives. */
	| { kind: 'created'; date: Date }
	/** The commit that first added the file, with the status it had then. */
	| { kind: 'added'; date: Date; status?: string; commit: string }
	/** A commit that changed the status. */
	| { kind: 'status'; date: Date; from: string; status: string; commit: string };

export interface RfcHistory {
	/** Oldest first; the front matter's `created` always comes first. */
	events: RfcHistoryEvent[];
	/** `git` when the events after `created` come from git. */
	source: 'git' | 'front-matter';
	/** Why there is no git history, to show on the page. */
	note?: string;
}

export interface RfcHistories {
	source: 'git' | 'front-matter';
	/** Why git was not used (shallow clone, no git checkout). */
	note?: string;
	/**
	 * The history of one RFC. `file` is relative to the project root, as in
	 * an entry's `file` field; `created` is its front matter's date.
	 */
	get(file: string, created: Date): RfcHistory;
}

export interface RfcHistoryOptions {
	/** The project root (a path or `file:` URL); `file` arguments are relative to it. */
	root: string | URL;
	/** The RFC folder relative to the root, e.g. `content/rfcs`. */
	directory: string;
	/** Upper bound for the git calls, in milliseconds. Default 30 s. */
	timeoutMs?: number;
}

interface Track {
	events: RfcHistoryEvent[];
	status?: string;
}

const cache = new Map<string, Promise<RfcHistories>>();

/** Like `readRfcHistories`, once per root and folder for the whole build. */
export function rfcHistories(options: RfcHistoryOptions): Promise<RfcHistories> {
	const key = `${rootOf(options.root)}\0${options.directory}`;
	let histories = cache.get(key);
	if (!histories) cache.set(key, (histories = readRfcHistories(options)));
	return histories;
}

export async function readRfcHistories(options: RfcHistoryOptions): Promise<RfcHistories> {
	const root = rootOf(options.root);
	const directory = options.directory.replace(/\/+$/, '');
	const run = (args: string[], input?: string) => git(root, args, input, options.timeoutMs ?? 30_000);
	let prefix: string;
	try {
		const [shallow, showPrefix = ''] = (await run(['rev-parse', '--is-shallow-repository', '--show-prefix'])).toString('utf8').split('\n');
		if (shallow === 'true') {
			return frontMatterOnly('This is a shallow clone of the repository, so git history is not available; only the created date from the front matter is shown.');
		}
		prefix = showPrefix;
	} catch {
		return frontMatterOnly('The site was built outside a git checkout, so only the created date from the front matter is shown.');
	}
	try {
		const commits = parseLog(
			(await run(['log', '--first-parent', '-m', '--reverse', '-M', '--relative', '--name-status', '--format=%x00%H%x1f%cI', '--', directory])).toString('utf8'),
		);
		const wanted = commits.flatMap((c) => c.changes.filter((ch) => ch.type !== 'D').map((ch) => `${c.sha}:${prefix}${ch.path}`));
		const blobs = wanted.length > 0 ? parseBatch(await run(['cat-file', '--batch'], `${wanted.join('\n')}\n`)) : [];
		const tracks = replay(commits, blobs);
		return {
			source: 'git',
			get(file, created) {
				const track = tracks.get(normalize(file));
				if (!track) return { events: [{ kind: 'created', date: created }], source: 'front-matter', note: 'This RFC has not been committed yet.' };
				return { events: [{ kind: 'created', date: created }, ...track.events], source: 'git' };
			},
		};
	} catch (error) {
		return frontMatterOnly(`git history could not be read (${(error as Error).message}); only the created date from the front matter is shown.`);
	}
}

function frontMatterOnly(note: string): RfcHistories {
	return {
		source: 'front-matter',
		note,
		get: (_file, created) => ({ events: [{ kind: 'created', date: created }], source: 'front-matter', note }),
	};
}

interface Change {
	/** A added, M modified, D deleted, R renamed, C copied. */
	type: string;
	path: string;
	from?: string;
}
interface Commit {
	sha: string;
	date: Date;
	changes: Change[];
}

const MARKDOWN = /\.(md|markdown)$/i;

function parseLog(output: string): Commit[] {
	const commits: Commit[] = [];
	for (const record of output.split('\0').slice(1)) {
		const [header = '', ...lines] = record.split('\n');
		const [sha = '', date = ''] = header.split('\x1f');
		const changes: Change[] = [];
		for (const line of lines) {
			const [status = '', a = '', b] = line.split('\t');
			if (!status || !a) continue;
			const type = status[0]!;
			const changed = type === 'R' || type === 'C' ? b : a;
			if (!changed || !MARKDOWN.test(changed)) continue;
			changes.push(type === 'R' ? { type, path: changed, from: a } : { type: type === 'C' ? 'A' : type, path: changed });
		}
		if (changes.length > 0) commits.push({ sha, date: new Date(date), changes });
	}
	return commits;
}

/** `git cat-file --batch` output: `<oid> blob <size>\n<bytes>\n`, or `<name> missing\n`. */
function parseBatch(output: Buffer): Array<string | undefined> {
	const out: Array<string | undefined> = [];
	let at = 0;
	while (at < output.length) {
		const eol = output.indexOf(0x0a, at);
		if (eol < 0) break;
		const header = output.subarray(at, eol).toString('utf8');
		const size = /^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1];
		if (size === undefined) {
			out.push(undefined);
			at = eol + 1;
			continue;
		}
		out.push(output.subarray(eol + 1, eol + 1 + Number(size)).toString('utf8'));
		at = eol + 1 + Number(size) + 1;
	}
	return out;
}

function statusOf(file: string, text: string | undefined): string | undefined {
	if (text === undefined) return undefined;
	try {
		const status = parseFrontMatter(file, text).data.status;
		return typeof status === 'string' ? status : undefined;
	} catch {
		// A version with broken front matter says nothing about the status.
		return undefined;
	}
}

/** Walks the commits oldest first, following renames, and keeps each file's events. */
function replay(commits: Commit[], blobs: Array<string | undefined>): Map<string, Track> {
	const tracks = new Map<string, Track>();
	let next = 0;
	for (const commit of commits) {
		const short = commit.sha.slice(0, 12);
		for (const change of commit.changes) {
			if (change.type === 'D') {
				tracks.delete(change.path);
				continue;
			}
			const status = statusOf(change.path, blobs[next++]);
			let track = change.type === 'R' ? tracks.get(change.from!) : change.type === 'A' ? undefined : tracks.get(change.path);
			if (change.type === 'R') tracks.delete(change.from!);
			if (!track) {
				track = { events: [{ kind: 'added', date: commit.date, commit: short, ...(status ? { status } : {}) }], status };
			} else if (status && track.status && status !== track.status) {
				track.events.push({ kind: 'status', date: commit.date, from: track.status, status, commit: short });
			}
			if (status) track.status = status;
			tracks.set(change.path, track);
		}
	}
	return tracks;
}

function git(cwd: string, args: string[], input: string | undefined, timeoutMs: number): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		// No pager, no prompts, no colour: output meant for a parser.
		const child = spawn('git', ['-c', 'core.quotePath=false', '-c', 'color.ui=false', ...args], {
			cwd,
			env: { ...process.env, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
			stdio: ['pipe', 'pipe', 'pipe'],
			timeout: timeoutMs,
		});
		const out: Buffer[] = [];
		let err = '';
		child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code, signal) => {
			if (code === 0) resolve(Buffer.concat(out));
			else reject(new Error(signal ? `git ${args[0]} timed out` : `git ${args[0]}: ${err.trim().split('\n')[0] || `exit ${code}`}`));
		});
		child.stdin.on('error', () => {});
		child.stdin.end(input ?? '');
	});
}

function rootOf(root: string | URL): string {
	return path.resolve(root instanceof URL || root.startsWith('file:') ? fileURLToPath(root) : root);
}

function normalize(file: string): string {
	return path.posix.normalize(file.split(path.sep).join('/')).replace(/^\.\//, '');
}
