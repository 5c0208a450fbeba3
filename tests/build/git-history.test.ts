import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRfcHistories, rfcHistories } from '../../packages/project-pages/content/git-history.ts';

let base: string;
/** The repository; the project lives in its `site/` folder, as in a monorepo. */
let repo: string;
let site: string;

const ENV = {
	...process.env,
	GIT_CONFIG_GLOBAL: '/dev/null',
	GIT_CONFIG_NOSYSTEM: '1',
	GIT_AUTHOR_NAME: 'Test',
	GIT_AUTHOR_EMAIL: 'test@example.org',
	GIT_COMMITTER_NAME: 'Test',
	GIT_COMMITTER_EMAIL: 'test@example.org',
};

function git(cwd: string, args: string[], date?: string): string {
	const env = date ? { ...ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : ENV;
	return execFileSync('git', args, { cwd, env, encoding: 'utf8' });
}

function rfc(number: number, status: string, extra = ''): string {
	return `---\nnumber: ${number}\ntitle: RFC ${number}\nstatus: ${status}\nauthors: [Test]\ncreated: 2020-01-0${number}\n---\n\nBody.${extra}\n`;
}

async function commit(files: Record<string, string | null>, date: string, message = `change at ${date}`): Promise<void> {
	for (const [file, text] of Object.entries(files)) {
		const absolute = path.join(site, file);
		if (text === null) git(repo, ['rm', '-q', path.relative(repo, absolute)]);
		else {
			await mkdir(path.dirname(absolute), { recursive: true });
			await writeFile(absolute, text);
			git(repo, ['add', path.relative(repo, absolute)]);
		}
	}
	git(repo, ['commit', '-q', '-m', message], date);
}

const day = (s: string) => new Date(`${s}T12:00:00Z`);

beforeAll(async () => {
	base = await mkdtemp(path.join(tmpdir(), 'rfc-history-'));
	repo = path.join(base, 'repo');
	site = path.join(repo, 'site');
	await mkdir(site, { recursive: true });
	git(repo, ['init', '-q', '-b', 'main']);
	await commit({ 'content/rfcs/0001-first.md': rfc(1, 'draft'), 'README.md': 'x' }, '2024-01-01T12:00:00Z');
	await commit({ 'content/rfcs/0001-first.md': rfc(1, 'draft', ' Edited.') }, '2024-01-02T12:00:00Z');
	await commit({ 'content/rfcs/0001-first.md': rfc(1, 'discussion') }, '2024-01-03T12:00:00Z');
	await commit({ 'content/rfcs/0002-second.md': rfc(2, 'draft'), 'content/rfcs/0003-gone.md': rfc(3, 'draft') }, '2024-01-04T12:00:00Z');
	// A rename with a status change in the same commit: history follows the file.
	git(repo, ['mv', 'site/content/rfcs/0001-first.md', 'site/content/rfcs/0001-renamed.md']);
	await commit({ 'content/rfcs/0001-renamed.md': rfc(1, 'accepted') }, '2024-01-05T12:00:00Z');
	await commit({ 'content/rfcs/0003-gone.md': null }, '2024-01-06T12:00:00Z');
	// A pull request merged with a merge commit: the change dates from the merge.
	git(repo, ['checkout', '-q', '-b', 'proposal']);
	await commit({ 'content/rfcs/0002-second.md': rfc(2, 'discussion') }, '2024-01-07T12:00:00Z');
	git(repo, ['checkout', '-q', 'main']);
	await commit({ 'README.md': 'y' }, '2024-01-08T12:00:00Z');
	git(repo, ['merge', '-q', '--no-ff', '-m', 'Merge proposal', 'proposal'], '2024-01-09T12:00:00Z');
	// Written but never committed.
	await writeFile(path.join(site, 'content/rfcs/0004-uncommitted.md'), rfc(4, 'draft'));
});

afterAll(async () => {
	await rm(base, { recursive: true, force: true });
});

describe('readRfcHistories', () => {
	it('gives each RFC its created date, first commit and status changes, following renames and merges', async () => {
		const histories = await readRfcHistories({ root: site, directory: 'content/rfcs' });
		expect(histories.source).toBe('git');
		const first = histories.get('content/rfcs/0001-renamed.md', day('2020-01-01'));
		expect(first.source).toBe('git');
		const shown = first.events.map((e) => ({
			...e,
			date: e.date.toISOString().slice(0, 10),
			commit: typeof ('commit' in e ? e.commit : undefined),
		}));
		expect(shown).toEqual([
			{ kind: 'created', date: '2020-01-01', commit: 'undefined' },
			{ kind: 'added', date: '2024-01-01', status: 'draft', commit: 'string' },
			{ kind: 'status', date: '2024-01-03', from: 'draft', status: 'discussion', commit: 'string' },
			{ kind: 'status', date: '2024-01-05', from: 'discussion', status: 'accepted', commit: 'string' },
		]);
		const second = histories.get('content/rfcs/0002-second.md', day('2020-01-02'));
		expect(second.events.map((e) => [e.kind, e.date.toISOString().slice(0, 10), 'status' in e ? e.status : undefined])).toEqual([
			['created', '2020-01-02', undefined],
			['added', '2024-01-04', 'draft'],
			['status', '2024-01-09', 'discussion'],
		]);
	});

	it('falls back to the front matter for a file not committed yet, or deleted', async () => {
		const histories = await readRfcHistories({ root: pathToFileURL(site), directory: 'content/rfcs/' });
		expect(histories.get('content/rfcs/0004-uncommitted.md', day('2020-01-04'))).toEqual({
			events: [{ kind: 'created', date: day('2020-01-04') }],
			source: 'front-matter',
			note: 'This RFC has not been committed yet.',
		});
		expect(histories.get('content/rfcs/0003-gone.md', day('2020-01-03')).source).toBe('front-matter');
		expect(histories.get('content/rfcs/0001-first.md', day('2020-01-01')).source).toBe('front-matter');
	});

	it('uses only the front matter in a shallow clone, so pages do not all share the clone date', async () => {
		const shallow = path.join(base, 'shallow');
		git(base, ['clone', '-q', '--depth', '1', pathToFileURL(repo).href, shallow]);
		const histories = await readRfcHistories({ root: path.join(shallow, 'site'), directory: 'content/rfcs' });
		expect(histories.source).toBe('front-matter');
		expect(histories.note).toMatch(/shallow clone/);
		const a = histories.get('content/rfcs/0001-renamed.md', day('2020-01-01'));
		const b = histories.get('content/rfcs/0002-second.md', day('2020-01-02'));
		expect(a.events).toEqual([{ kind: 'created', date: day('2020-01-01') }]);
		expect(b.events).toEqual([{ kind: 'created', date: day('2020-01-02') }]);
		expect(a.note).toBe(histories.note);
	});

	it('uses only the front matter outside a git checkout', async () => {
		const plain = path.join(base, 'plain');
		await mkdir(path.join(plain, 'content/rfcs'), { recursive: true });
		const histories = await readRfcHistories({ root: plain, directory: 'content/rfcs' });
		expect(histories.source).toBe('front-matter');
		expect(histories.note).toMatch(/outside a git checkout/);
	});

	it('reads the folder once per build', async () => {
		const options = { root: site, directory: 'content/rfcs' };
		expect(rfcHistories(options)).toBe(rfcHistories({ ...options }));
	});
});
