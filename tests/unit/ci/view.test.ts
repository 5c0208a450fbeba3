import { describe, expect, it } from 'vitest';
import {
	checkColumns,
	checkFamily,
	findReferenceStatus,
	findRepoStatus,
	matrixColumns,
	reposByGroup,
	shieldsEndpoint,
	timeAgo,
} from '../../../packages/project-pages/ci/view.ts';
import type { RepoStatus } from '../../../packages/project-pages/ci/snapshot-schema.ts';

const repo = (id: string, group: string | undefined, checks: RepoStatus['history'][number]['checks']): RepoStatus => ({
	id,
	owner: id.split('/')[0]!,
	repo: id.split('/')[1]!,
	url: '',
	state: 'passing',
	flakyChecks: [],
	history: [{ oid: '1234567', url: '', message: '', committedAt: '', checks }],
	...(group ? { group } : {}),
});

describe('view helpers', () => {
	it('makes shields.io endpoint JSON', () => {
		expect(shieldsEndpoint({ state: 'passing' })).toEqual({ schemaVersion: 1, label: 'CI', message: 'passing', color: 'brightgreen' });
		expect(shieldsEndpoint({ state: 'failing' }, true)).toEqual({
			schemaVersion: 1,
			label: 'CI',
			message: 'failing (stale)',
			color: 'red',
		});
		expect(shieldsEndpoint({ state: 'unknown' }).color).toBe('lightgrey');
	});

	it('says how long ago', () => {
		const now = new Date('2025-06-01T12:00:00Z');
		expect(timeAgo('2025-06-01T11:59:30Z', now)).toBe('just now');
		expect(timeAgo('2025-06-01T11:59:00Z', now)).toBe('1 minute ago');
		expect(timeAgo('2025-06-01T09:00:00Z', now)).toBe('3 hours ago');
		expect(timeAgo('2025-05-28T12:00:00Z', now)).toBe('4 days ago');
	});

	it('groups checks into columns, worst state first, linking the failing run', () => {
		expect(checkFamily({ name: 'CI / build (ubuntu)', kind: 'check-run' })).toBe('CI');
		expect(checkFamily({ name: 'opam-ci - debian-12-ocaml-5.2', kind: 'status' })).toBe('opam-ci');
		expect(checkFamily({ name: 'ci.ocamllabs.io', kind: 'status' })).toBe('ci.ocamllabs.io');
		const cols = checkColumns([
			{ name: 'CI / a', kind: 'check-run', state: 'success', url: 'https://a' },
			{ name: 'CI / b', kind: 'check-run', state: 'failure', url: 'https://b' },
			{ name: 'ocaml-ci', kind: 'status', state: 'pending' },
		]);
		expect(cols.map((c) => [c.name, c.state, c.url, c.checks.length])).toEqual([
			['CI', 'failure', 'https://b', 2],
			['ocaml-ci', 'pending', undefined, 1],
		]);
	});

	it('finds repos and references case-insensitively, by either reference form', () => {
		const snapshot = {
			repos: [repo('Solo5/solo5', 'backends', [{ name: 'ocaml-ci', kind: 'status', state: 'success' }]), repo('a/b', undefined, [])],
			references: [{ id: 'mirage/mirage#1', url: '', kind: 'issue' as const, state: 'open' as const }],
		};
		expect(findRepoStatus(snapshot, 'solo5/SOLO5')?.id).toBe('Solo5/solo5');
		expect(findReferenceStatus(snapshot, 'https://github.com/mirage/mirage/pull/1')?.state).toBe('open');
		expect(reposByGroup(snapshot).map((g) => [g.group, g.repos.length])).toEqual([['backends', 1]]);
		expect(matrixColumns(snapshot.repos)).toEqual(['ocaml-ci']);
	});
});
