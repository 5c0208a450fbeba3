import { describe, expect, it } from 'vitest';
import { CiOptionsSchema, trackedRepos } from '../../../packages/project-pages/ci/options.ts';

const messages = (input: unknown) => {
	const r = CiOptionsSchema.safeParse(input);
	return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('CiOptionsSchema', () => {
	it('fills the defaults', () => {
		expect(CiOptionsSchema.parse({})).toEqual({
			toolchain: {},
			snapshot: 'src/data/status-snapshot.json',
			strict: false,
			timeoutMs: 20000,
			history: 10,
			maxReferences: 300,
			freshForMinutes: 30,
		});
	});

	it('states each rule with the option path', () => {
		expect(
			messages({
				toolchain: { core: ['mirage', { repo: 'a/b', branch: 'x..y' }], 'bad/group': ['a/b'], empty: [] },
				timeoutMs: 10,
				history: 99,
				extra: 1,
			}),
		).toEqual([
			'toolchain.core.0: must look like "owner/repo" (letters, digits, "-", "." or "_")',
			'toolchain.core.1.branch: must be a branch name such as "main" (no spaces, "..", "~", "^", ":")',
			'toolchain.bad/group: group names must be 1-40 letters, digits, spaces, "-" or "_"',
			'toolchain.empty: a group must list at least one repo',
			'timeoutMs: must be at least 100 (milliseconds)',
			'history: must be between 1 and 50',
			': Unrecognized key: "extra"',
		]);
	});

	it('flattens groups, keeping the first listing of a repo', () => {
		const ci = CiOptionsSchema.parse({
			toolchain: { core: ['mirage/mirage', { repo: 'Solo5/solo5', branch: 'next' }], other: ['MIRAGE/mirage'] },
		});
		expect(trackedRepos(ci.toolchain)).toEqual([
			{ owner: 'mirage', repo: 'mirage', id: 'mirage/mirage', group: 'core' },
			{ owner: 'Solo5', repo: 'solo5', id: 'Solo5/solo5', group: 'core', branch: 'next' },
		]);
	});
});
