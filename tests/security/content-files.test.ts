/**
 * Content files are regular files inside the content folder. A symbolic
 * link (to a file outside, to a folder, to `/`, in a loop), a named pipe or
 * a file of many megabytes is refused with its name by the one listing and
 * reading functions (content/read-content.ts), for every kind, the people
 * file and the checker; nothing outside is read, and nothing hangs.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../packages/project-pages/checker/check-content.ts';
import { formatFinding } from '../../packages/project-pages/checker/finding.ts';
import { listContentFiles, MAX_CONTENT_BYTES, readContentText } from '../../packages/project-pages/content/read-content.ts';
import { readPeopleFile } from '../../packages/project-pages/loaders/people-loader.ts';

const SYMLINK = 'is a symbolic link; content files must be regular files inside the content folder (replace the link with the file itself)';
let base: string;
let root: string;

beforeAll(async () => {
	base = await mkdtemp(path.join(tmpdir(), 'content-files-'));
	root = path.join(base, 'site');
	const secret = path.join(base, 'secret.md');
	await writeFile(secret, '---\ndate: 2026-01-07\n---\nSECRET-OUTSIDE-CONTENT\n');
	await mkdir(path.join(root, 'content/minutes/nested'), { recursive: true });
	await mkdir(path.join(root, 'content/projects'), { recursive: true });
	await writeFile(path.join(root, 'content/minutes/2026-01-14.md'), '---\ndate: 2026-01-14\n---\nA call.\n');
	await symlink(secret, path.join(root, 'content/minutes/outside.md'));
	await symlink('/', path.join(root, 'content/minutes/root'));
	await symlink('..', path.join(root, 'content/minutes/nested/loop'));
	await symlink('2026-01-14.md', path.join(root, 'content/minutes/inside.md'));
	execFileSync('mkfifo', [path.join(root, 'content/minutes/pipe.md')]);
	await writeFile(path.join(root, 'content/minutes/huge.md'), Buffer.alloc(MAX_CONTENT_BYTES + 1, 0x61));
	// A whole kind folder replaced by a link.
	await symlink(base, path.join(root, 'content/rfcs'));
	await symlink(secret, path.join(root, 'content/people.yaml'));
});

afterAll(async () => {
	await rm(base, { recursive: true, force: true });
});

describe('listing and reading content files', () => {
	it('lists links and special files as refused, never following them', async () => {
		const files = await listContentFiles(root, 'content/minutes');
		expect(files.map((f) => [f.file, f.refused ?? 'read'])).toEqual([
			['content/minutes/2026-01-14.md', 'read'],
			['content/minutes/huge.md', 'read'],
			['content/minutes/inside.md', SYMLINK],
			['content/minutes/nested/loop', SYMLINK],
			['content/minutes/outside.md', SYMLINK],
			['content/minutes/pipe.md', 'is not a regular file; content files must be regular files inside the content folder'],
			['content/minutes/root', SYMLINK],
		]);
		expect(await listContentFiles(root, 'content/rfcs')).toEqual([expect.objectContaining({ file: 'content/rfcs', refused: SYMLINK })]);
		expect(await listContentFiles(root, 'content/blog')).toEqual([]);
	});

	it('refuses to read a refused file, and a file past the size limit, naming it', async () => {
		const files = await listContentFiles(root, 'content/minutes');
		const outcome = await Promise.all(
			files.map((f) =>
				readContentText(f).then(
					(t) => t.slice(0, 10),
					(e: Error) => e.message,
				),
			),
		);
		expect(outcome).toEqual([
			'---\ndate: ',
			'content/minutes/huge.md: is 1.0 MB; a content file may be at most 1.0 MB',
			`content/minutes/inside.md: ${SYMLINK}`,
			`content/minutes/nested/loop: ${SYMLINK}`,
			`content/minutes/outside.md: ${SYMLINK}`,
			'content/minutes/pipe.md: is not a regular file; content files must be regular files inside the content folder',
			`content/minutes/root: ${SYMLINK}`,
		]);
	});

	it('refuses a people file that is a link', async () => {
		await expect(readPeopleFile(path.join(root, 'content/people.yaml'), 'content/people.yaml')).rejects.toThrow(
			`content/people.yaml: ${SYMLINK}`,
		);
	});

	it('the checker reports each with its name, and reads nothing outside', async () => {
		const result = await checkContent({ root, contentDir: 'content' });
		const lines = result.findings.map(formatFinding);
		expect(lines).toEqual([
			'content/minutes/huge.md:1:1: is 1.0 MB; a content file may be at most 1.0 MB',
			`content/minutes/inside.md:1:1: ${SYMLINK}`,
			`content/minutes/nested/loop:1:1: ${SYMLINK}`,
			`content/minutes/outside.md:1:1: ${SYMLINK}`,
			'content/minutes/pipe.md:1:1: is not a regular file; content files must be regular files inside the content folder',
			`content/minutes/root:1:1: ${SYMLINK}`,
			`content/people.yaml:1:1: ${SYMLINK}`,
			`content/rfcs:1:1: ${SYMLINK}`,
		]);
		expect(JSON.stringify(result)).not.toContain('SECRET');
	});
});
