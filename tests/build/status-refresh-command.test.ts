/**
 * `project-pages status-refresh`, the package's command for the deploy
 * pattern (fetch with the token, then build without it): against the fake
 * GitHub, it writes the snapshot the build reads; without a token it says
 * how to give one and leaves the file alone. An adopter has this command
 * from the package; the repository's `npm run status:refresh` calls it.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.ts';
import { toolchainFixture } from '../helpers/fake-github/toolchain-fixture.ts';

const BIN = path.resolve(import.meta.dirname, '../../packages/project-pages/bin/project-pages.mjs');
const TOKEN = 'ghp_REFRESHtoken0123456789abcdefghijklmnop';
const run = promisify(execFile);
let fake: FakeGitHub;
let dir: string;

const refresh = (env: Record<string, string>) =>
	run(process.execPath, [BIN, 'status-refresh'], { cwd: dir, env: { ...process.env, GITHUB_TOKEN: '', ...env } }).then(
		(r) => ({ code: 0, ...r }),
		(e: { code: number; stdout: string; stderr: string }) => e,
	);

beforeAll(async () => {
	fake = await startFakeGitHub({ data: toolchainFixture(new Date()), token: TOKEN });
	dir = await mkdtemp(path.join(tmpdir(), 'status-refresh-'));
	await writeFile(
		path.join(dir, 'project-pages.config.mjs'),
		"export default { title: 'T', description: 'D', ci: { toolchain: { core: ['mirage/mirage'] }, snapshot: 'status.json' } };\n",
	);
});
afterAll(async () => {
	await fake.close();
	await rm(dir, { recursive: true, force: true });
});

describe('project-pages status-refresh', () => {
	it('without a token, says how to give one and writes nothing', async () => {
		const result = await refresh({});
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('status-refresh: GITHUB_TOKEN is not set.');
		expect(existsSync(path.join(dir, 'status.json'))).toBe(false);
	});

	it('writes the snapshot of the tracked toolchain, without the token in it', async () => {
		const result = await refresh({ GITHUB_TOKEN: TOKEN, GITHUB_API_URL: fake.url });
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^status-refresh: asking .+ for 1 repos and 0 references/);
		const text = await readFile(path.join(dir, 'status.json'), 'utf8');
		const snapshot = JSON.parse(text) as { stale: boolean; fetchedAt: string; repos: { id: string; group: string }[] };
		expect(snapshot).toMatchObject({ stale: false, repos: [{ id: 'mirage/mirage', group: 'core' }] });
		expect(Number.isNaN(Date.parse(snapshot.fetchedAt))).toBe(false);
		expect(text).not.toContain(TOKEN);
	});
});
