/**
 * Mapping GitHub's GraphQL values to our status types, for the parts the
 * schema-shaped CI scenarios (ci-shapes.test.ts) do not pin down one by one.
 */
import { describe, expect, it } from 'vitest';
import { checkRunState, latestAttempts, statusState } from '../../../packages/project-pages/ci/parse.ts';
import type { Check } from '../../../packages/project-pages/ci/snapshot-schema.ts';

const attempt = (name: string, state: Check['state'], startedAt?: string, description?: string): Check => ({
	name,
	kind: 'check-run',
	state,
	...(startedAt ? { startedAt } : {}),
	...(description ? { description } : {}),
});

describe('states', () => {
	it('maps check runs: pending until completed, neutral for skipped, failure for the rest', () => {
		expect(checkRunState('IN_PROGRESS', null)).toBe('pending');
		expect(checkRunState('QUEUED', null)).toBe('pending');
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

describe('latestAttempts', () => {
	it('keeps the attempt that started last, wherever GitHub lists it, and the outcomes of the others', () => {
		const { checks, earlier } = latestAttempts([
			attempt('CI / build', 'success', '2025-06-01T10:30:00Z'),
			attempt('CI / build', 'failure', '2025-06-01T10:00:00Z'),
			attempt('CI / lint', 'success', '2025-06-01T10:00:00Z'),
		]);
		expect(checks.map((c) => [c.name, c.state])).toEqual([
			['CI / build', 'success'],
			['CI / lint', 'success'],
		]);
		expect(earlier).toEqual([{ name: 'CI / build', state: 'failure' }]);
	});

	it('counts an attempt that has not started yet (queued, startedAt null) as the newest', () => {
		const { checks, earlier } = latestAttempts([
			attempt('CI / build', 'pending'),
			attempt('CI / build', 'failure', '2025-06-01T10:00:00Z'),
		]);
		expect(checks.map((c) => c.state)).toEqual(['pending']);
		expect(earlier).toEqual([{ name: 'CI / build', state: 'failure' }]);
	});

	it("breaks a tie in start time by GitHub's order, and drops cancelled, skipped and unfinished attempts from the outcomes", () => {
		const t = '2025-06-01T10:00:00Z';
		const { checks, earlier } = latestAttempts([
			attempt('x', 'failure', t, 'cancelled'),
			attempt('x', 'neutral', t, 'skipped'),
			attempt('x', 'success', t),
		]);
		expect(checks.map((c) => c.state)).toEqual(['success']);
		expect(earlier).toEqual([]);
	});

	it('keeps one status per context, and a check run and a status of the same name apart', () => {
		const status: Check = { name: 'ocaml-ci', kind: 'status', state: 'failure' };
		const { checks } = latestAttempts([status, { ...status, state: 'success' }, attempt('ocaml-ci', 'success', '2025-06-01T10:00:00Z')]);
		expect(checks.map((c) => [c.kind, c.state])).toEqual([
			['status', 'failure'],
			['check-run', 'success'],
		]);
	});
});
