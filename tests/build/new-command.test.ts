import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../packages/project-pages/checker/check-project.ts';
import { formatFinding } from '../../packages/project-pages/checker/finding.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(REPO, 'packages/project-pages/bin/project-pages.mjs');
const run = promisify(execFile);

let dir: string;
let env: NodeJS.ProcessEnv;

/** Runs `project-pages new …` (`npm run new -- …`) in the temporary project; never throws. */
async function runNew(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	return run(process.execPath, [BIN, 'new', ...args], { cwd: dir, env }).then(
		(r) => ({ code: 0, ...r }),
		(e: { code: number; stdout: string; stderr: string }) => e,
	);
}

function today(): string {
	const now = new Date();
	return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'new-'));
	await cp(path.join(REPO, 'project-pages.config.mjs'), path.join(dir, 'project-pages.config.mjs'));
	await mkdir(path.join(dir, 'content/rfcs'), { recursive: true });
	// The site's options serve the security guide at the root (atRoot), which the checker wants to exist.
	await mkdir(path.join(dir, 'content/docs'), { recursive: true });
	await writeFile(path.join(dir, 'content/docs/security.md'), '---\ntitle: Security\ndate: 2026-01-01\n---\n\nHow to report a problem.\n');
	await writeFile(path.join(dir, 'content/people.yaml'), '- name: Ada Author\n  github: ada\n');
	await writeFile(
		path.join(dir, 'content/rfcs/0003-existing.md'),
		'---\nnumber: 3\ntitle: Existing\nstatus: draft\nauthors: [Ada Author]\ncreated: 2026-01-01\n---\n',
	);
	// The author comes from git config; give the script its own, whatever the machine's is.
	const gitconfig = path.join(dir, '.gitconfig');
	await writeFile(gitconfig, '[user]\n\tname = Ada Author\n');
	env = { ...process.env, GIT_CONFIG_GLOBAL: gitconfig, GIT_CONFIG_NOSYSTEM: '1', GIT_DIR: path.join(dir, 'no-repo') };
});

afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe('npm run new', () => {
	it('writes an RFC with the next number, today and the git author, and prints its path', async () => {
		const { code, stdout } = await runNew('rfc', 'Error handling');
		expect(code).toBe(0);
		expect(stdout).toBe('content/rfcs/0004-error-handling.md\n');
		const text = await readFile(path.join(dir, 'content/rfcs/0004-error-handling.md'), 'utf8');
		expect(text).toContain(`---\nnumber: 4\ntitle: Error handling\nstatus: draft\nauthors:\n  - Ada Author\ncreated: ${today()}\n`);
		expect(text).toContain('## Summary');
	});

	it('quotes a title that YAML would misread', async () => {
		const { stdout } = await runNew('rfc', 'Errors: a plan');
		expect(stdout).toBe('content/rfcs/0005-errors-a-plan.md\n');
		expect(await readFile(path.join(dir, 'content/rfcs/0005-errors-a-plan.md'), 'utf8')).toContain('title: "Errors: a plan"\n');
	});

	it('writes minutes for today by default, or for the date given, with their sections', async () => {
		expect((await runNew('minutes')).stdout).toBe(`content/minutes/${today()}.md\n`);
		expect((await runNew('minutes', '2026-03-04')).stdout).toBe('content/minutes/2026-03-04.md\n');
		const text = await readFile(path.join(dir, 'content/minutes/2026-03-04.md'), 'utf8');
		expect(text).toMatch(/^---\ndate: 2026-03-04\n/);
		expect(text.match(/^## .*/gm)).toEqual(['## Agenda', '## Attendees', '## Notes', '## Actions', '## Decisions']);
	});

	it('writes a project and a post', async () => {
		expect((await runNew('project', 'Fuzz the TCP stack')).stdout).toBe('content/projects/fuzz-the-tcp-stack.md\n');
		expect((await runNew('post', 'Hello, world', '--author', 'ada')).stdout).toBe('content/blog/hello-world.md\n');
		expect(await readFile(path.join(dir, 'content/blog/hello-world.md'), 'utf8')).toContain('authors:\n  - ada\n');
	});

	it('writes a guide, whose "##" headings make its table of contents', async () => {
		expect((await runNew('guide', 'Deploying with Docker', '--author', 'ada')).stdout).toBe('content/docs/deploying-with-docker.md\n');
		const text = await readFile(path.join(dir, 'content/docs/deploying-with-docker.md'), 'utf8');
		expect(text).toMatch(/^---\ntitle: Deploying with Docker\ndate: \d{4}-\d{2}-\d{2}\nauthors:\n {2}- ada\n/);
		expect(text.match(/^## .*/gm)).toEqual(['## Before you start', '## Steps', '## Next']);
	});

	it('refuses to overwrite', async () => {
		const file = path.join(dir, 'content/minutes/2026-03-04.md');
		await writeFile(file, 'edited by hand\n');
		const { code, stdout, stderr } = await runNew('minutes', '2026-03-04');
		expect(code).toBe(1);
		expect(stdout).toBe('');
		expect(stderr).toContain('content/minutes/2026-03-04.md already exists; not overwriting it');
		expect(await readFile(file, 'utf8')).toBe('edited by hand\n');
		await rm(file);
	});

	it.each([
		[[], 'say what to create: post, guide, minutes, rfc or project'],
		[['essay', 'x'], 'unknown kind "essay"; it must be one of post, guide, minutes, rfc, project'],
		[['rfc'], 'rfc needs a title, e.g. project-pages new rfc "Error handling"'],
		[['post', '  '], 'post needs a title'],
		[['project', '!!!'], 'the title "!!!" has no letters or digits to make a file name from'],
		[['rfc', 'Error', 'handling'], 'too many arguments: "handling" (quote a title that has spaces)'],
		[['minutes', '2026-02-30'], 'the date must be a real day written YYYY-MM-DD (got "2026-02-30")'],
		[['minutes', 'tomorrow'], 'the date must be a real day written YYYY-MM-DD (got "tomorrow")'],
		[['rfc', 'x', '--force'], "Unknown option '--force'"],
	])('exits 2 with a usage error for %j', { concurrent: true }, async (args, message) => {
		const { code, stdout, stderr } = await runNew(...args);
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toContain(`new: ${message}`);
		expect(stderr).toContain('usage: project-pages new <kind>');
	});

	it('says that a section is off, rather than that its kind is unknown', async () => {
		const off = await mkdtemp(path.join(tmpdir(), 'new-off-'));
		await writeFile(
			path.join(off, 'project-pages.config.mjs'),
			"export default { title: 'T', description: 'D', paths: { rfcs: false } };\n",
		);
		const result = await run(process.execPath, [BIN, 'new', 'rfc', 'A plan'], { cwd: off, env }).then(
			() => ({ code: 0, stderr: '' }),
			(e: { code: number; stderr: string }) => e,
		);
		await rm(off, { recursive: true, force: true });
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(
			'new: the rfcs section is off (paths.rfcs: false), so there is no rfc to write (say what to create: post, guide, minutes or project)',
		);
	});

	it('says when there is no project-pages.config.mjs, whose labels and paths it would have used', async () => {
		const bare = await mkdtemp(path.join(tmpdir(), 'new-bare-'));
		const result = await run(process.execPath, [BIN, 'new', 'post', 'Hello', '--author', 'ada'], { cwd: bare, env });
		await rm(bare, { recursive: true, force: true });
		expect(result.stdout).toBe('content/blog/hello.md\n');
		expect(result.stderr).toContain(
			'new: no project-pages.config.mjs here, so the default options were used (section names, paths, content folder)',
		);
		const configured = await runNew('post', 'Configured', '--author', 'ada');
		expect(configured.stderr).not.toContain('no project-pages.config.mjs');
		await rm(path.join(dir, 'content/blog/configured.md'));
	});

	it('exits 2 when there is no author to put in the file', async () => {
		const empty = path.join(dir, 'empty.gitconfig');
		await writeFile(empty, '');
		const { code, stderr } = await run(process.execPath, [BIN, 'new', 'post', 'Anonymous'], {
			cwd: dir,
			env: { ...env, GIT_CONFIG_GLOBAL: empty },
		}).catch((e) => e);
		expect(code).toBe(2);
		expect(stderr).toContain('new: no author: set one with git config user.name "Your Name", or pass --author "Your Name"');
	});

	it('writes files that pass the content checker as they are', async () => {
		const { result } = await checkProject(dir);
		expect(result.findings.map(formatFinding)).toEqual([]);
		expect(result.files).toBe(9);
	});
});
