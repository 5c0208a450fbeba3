import { describe, expect, it } from 'vitest';
import { buildContextsPageQuery, buildStatusQuery, planBatches } from '../../../packages/project-pages/ci/query.ts';
import { parseReference, type GitHubRef } from '../../../packages/project-pages/ci/references.ts';
import type { TrackedRepo } from '../../../packages/project-pages/ci/options.ts';

const repos = (n: number): TrackedRepo[] =>
	Array.from({ length: n }, (_, i) => ({ owner: 'org', repo: `r${i}`, id: `org/r${i}`, group: 'g' }));
const refs = (n: number, perRepo = 10): GitHubRef[] =>
	Array.from({ length: n }, (_, i) => parseReference(`org/r${Math.floor(i / perRepo)}#${i + 1}`)!);

describe('planBatches', () => {
	it('fits 40 repos and 100 references in 2 requests', () => {
		const batches = planBatches(repos(40), refs(100));
		expect(batches).toHaveLength(2);
		expect(batches.map((b) => b.repos.length)).toEqual([20, 20]);
		expect(batches.flatMap((b) => b.references)).toHaveLength(100);
	});
	it('splits 200 repos into 8 requests of 25', () => {
		expect(planBatches(repos(200), []).map((b) => b.repos.length)).toEqual(Array(8).fill(25));
	});
	it('needs no request for nothing', () => {
		expect(planBatches([], [])).toEqual([]);
	});
	it('honours custom limits', () => {
		expect(planBatches(repos(10), refs(10), { maxReposPerRequest: 3, maxReferencesPerRequest: 100 })).toHaveLength(4);
	});
});

describe('buildStatusQuery', () => {
	it('passes names as variables, never in the document', () => {
		const built = buildStatusQuery(
			{ repos: [{ owner: 'evil"', repo: 'x){', id: 'evil"/x){', group: 'g', branch: 'release/1.x' }], references: [] },
			10,
		);
		expect(built.query).not.toContain('evil');
		expect(built.variables).toMatchObject({ r0o: 'evil"', r0n: 'x){', r0b: 'refs/heads/release/1.x', history: 10 });
		expect(built.query).toContain('branch: ref(qualifiedName: $r0b)');
	});
	it('groups references by repo under one alias and includes only used fragments', () => {
		const built = buildStatusQuery(
			{ repos: [], references: [parseReference('a/b#1')!, parseReference('a/b#2')!, parseReference('c/d#3')!] },
			10,
		);
		expect([...built.refAliases.keys()]).toEqual(['q0', 'q1']);
		expect([...built.refAliases.get('q0')!.keys()]).toEqual(['n1', 'n2']);
		expect(built.query).toContain('fragment RefFields');
		expect(built.query).not.toContain('fragment BranchFields');
		expect(built.query).not.toContain('$history');
	});
	it('builds a pagination follow-up per commit', () => {
		const q = buildContextsPageQuery([{ commitId: 'C_1', after: 'Y3Vyc29yOjQ5' }]);
		expect(q.variables).toEqual({ p0id: 'C_1', p0c: 'Y3Vyc29yOjQ5' });
		expect(q.query).toContain('contexts(first: 100, after: $p0c)');
	});
});
