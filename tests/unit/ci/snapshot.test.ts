import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot, SnapshotError, writeSnapshot } from '../../../packages/project-pages/ci/snapshot.ts';
import type { StatusSnapshot } from '../../../packages/project-pages/ci/snapshot-schema.ts';

const snapshot: StatusSnapshot = {
	schemaVersion: 2,
	fetchedAt: '2025-06-01T14:05:00Z',
	stale: false,
	source: 'test',
	repos: [],
	references: [],
};
let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'ci-snap-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('snapshot files', () => {
	it('round-trips as indented JSON with a final newline', async () => {
		const path = join(dir, 'sub', 's.json');
		await writeSnapshot(path, snapshot);
		expect(await readFile(path, 'utf8')).toBe(`${JSON.stringify(snapshot, null, 2)}\n`);
		expect(await readSnapshot(path)).toEqual(snapshot);
	});

	it('is undefined when absent', async () => {
		expect(await readSnapshot(join(dir, 'nope.json'))).toBeUndefined();
	});

	it('names the file and the rule when the JSON is broken', async () => {
		const path = join(dir, 'bad.json');
		await writeFile(path, '{"schemaVersion": 1,');
		await expect(readSnapshot(path)).rejects.toThrow(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: must be JSON \\(`));
	});

	it('says a file from a newer version needs a newer package', async () => {
		const path = join(dir, 'shape.json');
		await writeFile(path, JSON.stringify({ ...snapshot, schemaVersion: 3 }));
		await expect(readSnapshot(path)).rejects.toThrow(
			`${path}: schemaVersion: must be one of 1, 2; a newer file needs a newer astro-project-pages; regenerate it with \`npx project-pages status-refresh\``,
		);
	});

	it('reads a version 1 file, as earlier versions of the package wrote it', async () => {
		const path = join(dir, 'v1.json');
		const v1 = {
			schemaVersion: 1,
			fetchedAt: '2025-06-01T14:05:00Z',
			stale: false,
			source: 'GitHub GraphQL API',
			requests: 2,
			repos: [
				{
					id: 'mirage/mirage',
					owner: 'mirage',
					repo: 'mirage',
					group: 'core',
					url: 'https://github.com/mirage/mirage',
					state: 'failing',
					history: [
						{
							oid: 'a'.repeat(40),
							url: `https://github.com/mirage/mirage/commit/${'a'.repeat(40)}`,
							message: 'm',
							committedAt: '2025-06-01T10:00:00Z',
							rollup: 'failure',
							checks: [{ name: 'ocaml-ci', kind: 'status', state: 'failure', url: 'https://ocaml.ci.dev/x', description: 'Failed' }],
							earlierAttempts: [{ name: 'CI / build', state: 'failure' }],
						},
						{
							oid: 'b'.repeat(40),
							url: `https://github.com/mirage/mirage/commit/${'b'.repeat(40)}`,
							message: 'n',
							committedAt: '2025-05-31T10:00:00Z',
							rollup: 'success',
							checks: [{ name: 'ocaml-ci', kind: 'status', state: 'success' }],
						},
					],
					failingSince: {
						oid: 'a'.repeat(40),
						url: `https://github.com/mirage/mirage/commit/${'a'.repeat(40)}`,
						committedAt: '2025-06-01T10:00:00Z',
						exact: true,
					},
					flakyChecks: [],
				},
			],
			references: [],
		};
		await writeFile(path, JSON.stringify(v1));
		expect(await readSnapshot(path)).toMatchObject({ schemaVersion: 1, repos: [{ id: 'mirage/mirage', history: [{}, {}] }] });
	});

	it('refuses a file that links a javascript: URL, naming the field', async () => {
		const path = join(dir, 'evil.json');
		await writeFile(
			path,
			JSON.stringify({ ...snapshot, references: [{ id: 'a/b#1', url: 'javascript:alert(1)', kind: 'issue', state: 'open' }] }),
		);
		await expect(readSnapshot(path)).rejects.toThrow(`${path}: references.0.url: must be an absolute http(s) URL`);
	});

	it('refuses to write text containing the token', async () => {
		const secret = 'ghp_SECRET_value_123';
		const path = join(dir, 'leak.json');
		await expect(writeSnapshot(path, { ...snapshot, source: `oops ${secret}` }, secret)).rejects.toBeInstanceOf(SnapshotError);
		expect(await readSnapshot(path)).toBeUndefined();
	});
});
