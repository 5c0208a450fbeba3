import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot, SnapshotError, writeSnapshot } from '../../../packages/project-pages/ci/snapshot.ts';
import type { StatusSnapshot } from '../../../packages/project-pages/ci/snapshot-schema.ts';

const snapshot: StatusSnapshot = {
	schemaVersion: 1,
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

	it('names the field when the shape is wrong', async () => {
		const path = join(dir, 'shape.json');
		await writeFile(path, JSON.stringify({ ...snapshot, schemaVersion: 2 }));
		await expect(readSnapshot(path)).rejects.toThrow(
			`${path}: schemaVersion: Invalid input: expected 1; regenerate it with \`npm run status:refresh\``,
		);
	});

	it('refuses to write text containing the token', async () => {
		const secret = 'ghp_SECRET_value_123';
		const path = join(dir, 'leak.json');
		await expect(writeSnapshot(path, { ...snapshot, source: `oops ${secret}` }, secret)).rejects.toBeInstanceOf(SnapshotError);
		expect(await readSnapshot(path)).toBeUndefined();
	});
});
