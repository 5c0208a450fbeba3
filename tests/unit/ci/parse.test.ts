/**
 * Mapping GitHub's GraphQL shapes to our status types, for the parts the
 * client tests against the fake server do not pin down exactly.
 */
import { describe, expect, it } from 'vitest';
import { checkRunState, parseEarlierAttempts, statusState } from '../../../packages/project-pages/ci/parse.ts';
import type { Check } from '../../../packages/project-pages/ci/snapshot-schema.ts';

const run = (name: string, conclusion: string | null, status = 'COMPLETED') => ({ __typename: 'CheckRun', name, status, conclusion });
const suite = (workflow: string | null, runs: unknown[]) => ({
	workflowRun: workflow ? { workflow: { name: workflow } } : null,
	checkRuns: { nodes: runs },
});
const latest = (name: string, state: Check['state'], kind: Check['kind'] = 'check-run'): Check => ({ name, kind, state });

describe('states', () => {
	it('maps check runs: pending until completed, neutral for skipped, failure for the rest', () => {
		expect(checkRunState('IN_PROGRESS', null)).toBe('pending');
		expect(checkRunState('COMPLETED', 'SUCCESS')).toBe('success');
		expect(checkRunState('COMPLETED', 'SKIPPED')).toBe('neutral');
		expect(checkRunState('COMPLETED', 'TIMED_OUT')).toBe('failure');
	});
	it('maps commit statuses, EXPECTED being pending', () => {
		expect([statusState('SUCCESS'), statusState('ERROR'), statusState('EXPECTED'), statusState('nonsense')]).toEqual([
			'success',
			'error',
			'pending',
			undefined,
		]);
	});
});

describe('parseEarlierAttempts', () => {
	it('keeps the attempts left once each latest check is taken away, named with their workflow', () => {
		const suites = {
			nodes: [
				suite('CI', [run('build', 'SUCCESS'), run('build', 'FAILURE'), run('lint', 'SUCCESS')]),
				suite(null, [run('DCO', 'SUCCESS')]),
			],
		};
		const checks = [
			latest('CI / build', 'success'),
			latest('CI / lint', 'success'),
			latest('DCO', 'success'),
			latest('ocaml-ci', 'success', 'status'),
		];
		expect(parseEarlierAttempts(suites, checks)).toEqual([{ name: 'CI / build', state: 'failure' }]);
	});

	it('ignores cancelled, skipped and unfinished attempts', () => {
		const suites = {
			nodes: [
				suite('CI', [run('build', 'SUCCESS'), run('build', 'CANCELLED'), run('build', 'SKIPPED'), run('build', null, 'IN_PROGRESS')]),
			],
		};
		expect(parseEarlierAttempts(suites, [latest('CI / build', 'success')])).toEqual([]);
	});

	it('copes with commits that have no suites or odd shapes', () => {
		expect(parseEarlierAttempts(undefined, [])).toEqual([]);
		expect(parseEarlierAttempts({ nodes: [null, { checkRuns: null }, suite('CI', [null, { name: 3 }])] }, [])).toEqual([]);
	});
});
