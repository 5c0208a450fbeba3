import { describe, expect, it } from 'vitest';
import {
	commitState,
	deriveRepo,
	failingSince,
	flakyChecks,
	formatAsOf,
	knownGood,
	repoState,
	toolchainSummary,
	transitions,
} from '../../../packages/project-pages/ci/derive.ts';
import type { Check, Commit, RepoStatus } from '../../../packages/project-pages/ci/snapshot-schema.ts';

const check = (name: string, state: Check['state'], kind: Check['kind'] = 'check-run'): Check => ({ name, kind, state });
let n = 0;
const commit = (checks: Check[], rollup?: Commit['rollup']): Commit => {
	n++;
	const c: Commit = {
		oid: `${String(n).padStart(7, '0')}abc`,
		url: `https://github.com/a/b/commit/${String(n).padStart(7, '0')}abc`,
		message: `commit ${n}`,
		committedAt: `2025-01-${String((n % 28) + 1).padStart(2, '0')}T00:00:00Z`,
		checks,
	};
	if (rollup) c.rollup = rollup;
	return c;
};
const pass = () => commit([check('CI / build', 'success'), check('ocaml-ci', 'success', 'status')]);
const fail = () => commit([check('CI / build', 'success'), check('ocaml-ci', 'failure', 'status')]);
const pending = () => commit([check('CI / build', 'pending')]);
const nothing = () => commit([]);

describe('commitState', () => {
	it("is the verdict of the latest attempts, not GitHub's rollup (which counts superseded failures)", () => {
		expect(commitState(commit([check('x', 'success')], 'failure'))).toBe('success');
		expect(commitState(commit([check('x', 'failure')], 'success'))).toBe('failure');
	});
	it('works it out from checks: failure wins, then pending, then success', () => {
		expect(commitState(commit([check('a', 'success'), check('b', 'error')]))).toBe('failure');
		expect(commitState(commit([check('a', 'success'), check('b', 'pending')]))).toBe('pending');
		expect(commitState(commit([check('a', 'success'), check('b', 'neutral')]))).toBe('success');
		expect(commitState(commit([check('a', 'neutral')]))).toBe('neutral');
		expect(commitState(nothing())).toBeUndefined();
	});
	it('uses the rollup only where the checks cannot tell: none read, or more than were fetched', () => {
		expect(commitState(commit([], 'failure'))).toBe('failure');
		expect(commitState({ ...commit([check('a', 'success')], 'failure'), checksTruncated: true })).toBe('failure');
		expect(commitState({ ...commit([check('a', 'failure')], 'success'), checksTruncated: true })).toBe('failure');
	});
});

describe('repoState', () => {
	it('reads the head', () => {
		expect(repoState([pass(), fail()])).toBe('passing');
		expect(repoState([fail(), pass()])).toBe('failing');
		expect(repoState([pending(), pass()])).toBe('pending');
		expect(repoState([commit([check('skip', 'neutral')])])).toBe('passing');
		expect(repoState([nothing(), pass()])).toBe('unknown');
		expect(repoState([])).toBe('unknown');
	});
});

describe('failingSince', () => {
	it("is the range from the last passing commit to the first failing one after it, with GitHub's comparison", () => {
		const history = [fail(), fail(), fail(), pass(), fail()];
		expect(failingSince(history, 'https://github.com/a/b')).toEqual({
			oid: history[2]!.oid,
			url: history[2]!.url,
			committedAt: history[2]!.committedAt,
			exact: true,
			lastGood: { oid: history[3]!.oid, url: history[3]!.url, committedAt: history[3]!.committedAt },
			compareUrl: `https://github.com/a/b/compare/${history[3]!.oid}...${history[2]!.oid}`,
		});
	});
	it('skips commits with no result in between (the intermediate commits of a push)', () => {
		const history = [fail(), pending(), nothing(), fail(), nothing(), pass()];
		expect(failingSince(history)).toMatchObject({ oid: history[3]!.oid, lastGood: { oid: history[5]!.oid } });
	});
	it('is "at least" the oldest failing commit when nothing in the history passes', () => {
		const history = [fail(), fail(), nothing()];
		const since = failingSince(history, 'https://github.com/a/b');
		expect(since).toMatchObject({ oid: history[1]!.oid, exact: false });
		expect(since).not.toHaveProperty('lastGood');
		expect(since).not.toHaveProperty('compareUrl');
	});
	it('is undefined when the head does not fail', () => {
		expect(failingSince([pass(), fail()])).toBeUndefined();
		expect(failingSince([pending(), fail()])).toBeUndefined();
		expect(failingSince([])).toBeUndefined();
	});
});

describe('knownGood', () => {
	it('is the newest commit whose checks all passed, how far behind the head, and what passed', () => {
		const history = [fail(), pending(), nothing(), pass(), pass()];
		expect(knownGood(history, 'https://github.com/a/b')).toEqual({
			oid: history[3]!.oid,
			url: history[3]!.url,
			committedAt: history[3]!.committedAt,
			behind: 3,
			checks: ['CI / build', 'ocaml-ci'],
			compareUrl: `https://github.com/a/b/compare/${history[3]!.oid}...${history[0]!.oid}`,
		});
	});
	it('is the head itself when it passes, with no comparison', () => {
		const history = [pass(), fail()];
		expect(knownGood(history, 'https://github.com/a/b')).toMatchObject({ oid: history[0]!.oid, behind: 0 });
		expect(knownGood(history, 'https://github.com/a/b')).not.toHaveProperty('compareUrl');
	});
	it('needs a check that succeeded: skipped-only or empty commits do not count', () => {
		expect(knownGood([fail(), commit([check('x', 'neutral')]), nothing()])).toBeUndefined();
		expect(knownGood([])).toBeUndefined();
	});
});

describe('transitions', () => {
	it('lists red and green turns newest first, skipping commits with no result; the oldest result starts none', () => {
		const history = [pass(), nothing(), fail(), pending(), fail(), pass(), fail()];
		const t = transitions({ history, url: 'https://github.com/a/b' });
		expect(t.map((x) => [x.to, x.commit.oid, x.previous.oid])).toEqual([
			['green', history[0]!.oid, history[2]!.oid],
			['red', history[4]!.oid, history[5]!.oid],
			['green', history[5]!.oid, history[6]!.oid],
		]);
		expect(t[1]!.compareUrl).toBe(`https://github.com/a/b/compare/${history[5]!.oid}...${history[4]!.oid}`);
		expect(transitions({ history: [fail(), fail()], url: 'https://github.com/a/b' })).toEqual([]);
	});
});

describe('flakyChecks', () => {
	it('finds a check that both passed and failed on the same commit', () => {
		const flaky = commit([check('CI / test', 'failure'), check('CI / test', 'success'), check('ocaml-ci', 'success', 'status')]);
		expect(flakyChecks([pass(), flaky, fail()])).toEqual([{ name: 'CI / test', oid: flaky.oid }]);
	});
	it('counts earlier attempts that the rollup no longer shows', () => {
		const rerun = { ...commit([check('CI / test', 'success')]), earlierAttempts: [{ name: 'CI / test', state: 'failure' as const }] };
		const twice = { ...commit([check('CI / lint', 'failure')]), earlierAttempts: [{ name: 'CI / lint', state: 'failure' as const }] };
		expect(flakyChecks([rerun, twice])).toEqual([{ name: 'CI / test', oid: rerun.oid }]);
	});
	it('does not flag checks that only failed, or passed and were pending', () => {
		expect(
			flakyChecks([commit([check('a', 'failure'), check('a', 'failure')]), commit([check('a', 'pending'), check('a', 'success')])]),
		).toEqual([]);
	});
});

const repo = (over: Partial<RepoStatus>): RepoStatus => ({
	id: 'a/b',
	owner: 'a',
	repo: 'b',
	url: 'https://github.com/a/b',
	state: 'unknown',
	history: [],
	flakyChecks: [],
	...over,
});

describe('deriveRepo', () => {
	it('fills state, failingSince, knownGood and flakyChecks', () => {
		const history = [fail(), pass()];
		const d = deriveRepo(repo({ history }));
		expect(d.state).toBe('failing');
		expect(d.failingSince).toMatchObject({
			oid: history[0]!.oid,
			compareUrl: `https://github.com/a/b/compare/${history[1]!.oid}...${history[0]!.oid}`,
		});
		expect(d.knownGood).toMatchObject({ oid: history[1]!.oid, behind: 1 });
		expect(d.reason).toBeUndefined();
	});
	it('keeps the reason of a repo that could not be fetched', () => {
		expect(deriveRepo(repo({ reason: 'not found', state: 'passing' }))).toMatchObject({ state: 'unknown', reason: 'not found' });
	});
	it('explains an unknown state', () => {
		expect(deriveRepo(repo({ history: [nothing()] })).reason).toBe('no CI reported on the branch head');
	});
});

describe('toolchainSummary', () => {
	const now = new Date('2025-06-01T15:00:00Z');
	const tracked = (state: RepoStatus['state']) => repo({ group: 'core', state });
	it('counts tracked repos only and says when', () => {
		const repos = [
			...Array(17)
				.fill(0)
				.map(() => tracked('passing')),
			tracked('failing'),
			tracked('failing'),
			repo({ state: 'failing' }),
		];
		const s = toolchainSummary({ repos, fetchedAt: '2025-06-01T14:05:33Z', stale: false }, now);
		expect(s.text).toBe('17/19 passing · 2 failing · as of 14:05 UTC');
		expect(s).toMatchObject({ total: 19, passing: 17, failing: 2, pending: 0, unknown: 0, stale: false });
	});
	it('names pending and unknown, and the date when not today', () => {
		const s = toolchainSummary(
			{ repos: [tracked('passing'), tracked('pending'), tracked('unknown')], fetchedAt: '2025-05-30T09:07:00Z', stale: true },
			now,
		);
		expect(s.text).toBe('1/3 passing · 1 building · 1 unknown · as of 30 May 2025, 09:07 UTC');
		expect(s.stale).toBe(true);
	});
	it('says "never fetched" when nothing was, rather than a date in 1970', () => {
		const s = toolchainSummary({ repos: [tracked('unknown')], stale: true }, now);
		expect(s.text).toBe('0/1 passing · 1 unknown · never fetched');
		expect(s.asOf).toBe('never fetched');
	});
});

describe('formatAsOf', () => {
	it('survives a bad date', () => {
		expect(formatAsOf('nope', new Date())).toBe('an unknown time');
	});
});
