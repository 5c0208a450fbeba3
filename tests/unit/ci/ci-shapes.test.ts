/**
 * The CI shapes the OCaml world sends, one by one: each scenario is a small
 * fake repo, answered by graphql-js executing the client's own query against
 * GitHub's published schema (so every value, and every null, is where
 * GitHub puts it), then parsed and derived as a build does.
 */
import { describe, expect, it } from 'vitest';
import { answerGraphQL } from '../../helpers/fake-github.ts';
import type { FakeCheckRun, FakeCommit, FakeContext, FakeRepo } from '../../helpers/fake-github/model.ts';
import { ocamlCiLine, ocamlCiRun } from '../../helpers/fake-github/toolchain-fixture.ts';
import { buildStatusQuery } from '../../../packages/project-pages/ci/query.ts';
import { parseStatusData, type GraphQLError } from '../../../packages/project-pages/ci/parse.ts';
import { deriveRepo } from '../../../packages/project-pages/ci/derive.ts';
import type { RepoStatus } from '../../../packages/project-pages/ci/snapshot-schema.ts';

const ID = 'mirage/mirage';
const oid = (i: number) => (i.toString(16) + 'a'.repeat(40)).slice(0, 40);
const day = (i: number) => `2025-06-${String(20 - i).padStart(2, '0')}T12:00:00Z`;
const later = (i: number, minutes: number) => new Date(Date.parse(day(i)) + minutes * 60_000).toISOString().replace('.000', '');

const commit = (i: number, contexts: FakeContext[]): FakeCommit => ({
	oid: oid(i),
	message: `commit ${i}`,
	committedDate: day(i),
	contexts,
});
const job = (name: string, conclusion: FakeCheckRun['conclusion'], startedAt: string, extra: Partial<FakeCheckRun> = {}): FakeCheckRun => ({
	type: 'check-run',
	workflow: 'CI',
	name,
	status: 'COMPLETED',
	conclusion,
	startedAt,
	detailsUrl: `https://github.com/${ID}/actions/runs/1/job/${name.length}`,
	...extra,
});
const passed = (i: number) => ocamlCiRun(ID, oid(i), day(i), { 'debian-12-5.3_opam-2.3': 'passed', 'alpine-3.21-5.3_opam-2.3': 'passed' });
const failed = (i: number) =>
	ocamlCiRun(ID, oid(i), day(i), { 'debian-12-5.3_opam-2.3': 'passed', 'alpine-3.21-5.3_opam-2.3': { failed: 'Exit code 2' } });

/** The repo as a build sees it: fetched through the real query, parsed and derived. */
async function fetchRepo(commits: FakeCommit[], over: Partial<FakeRepo> = {}): Promise<RepoStatus> {
	const repo: FakeRepo = { owner: 'mirage', name: 'mirage', defaultBranch: 'main', branches: { main: commits }, issues: [], ...over };
	const built = buildStatusQuery({ repos: [{ owner: 'mirage', repo: 'mirage', id: ID, group: 'core' }], references: [] }, 10);
	const { answer } = await answerGraphQL({ repos: [repo] }, built.query, built.variables);
	expect(answer.errors ?? []).toEqual([]);
	const parsed = parseStatusData(built, answer.data!, (answer.errors ?? []) as GraphQLError[]);
	return deriveRepo(parsed.repos[0]!.status);
}
const ocamlCi = (repo: RepoStatus, i = 0) => repo.history[i]!.checks.find((c) => c.name === 'ocaml-ci')!;

describe('ocaml-ci: one check run per commit, one summary line per variant', () => {
	it('passes with its variants, each linking to its job; a skipped lint and an experimental failure do not fail it', async () => {
		const run = ocamlCiRun(ID, oid(0), day(0), {
			'(lint-doc)': 'skipped',
			'(lint-fmt)': 'passed',
			'debian-12-5.3_opam-2.3': 'passed',
			'windows-5.3_opam-2.3': { experimental: 'Exit code 1' },
		});
		const repo = await fetchRepo([commit(0, [run])]);
		expect(repo.state).toBe('passing');
		expect(ocamlCi(repo)).toMatchObject({ kind: 'check-run', state: 'success', url: run.detailsUrl });
		expect(ocamlCi(repo).variants!.map((v) => [v.name, v.state, v.experimental ?? false])).toEqual([
			['(lint-doc)', 'neutral', false],
			['(lint-fmt)', 'success', false],
			['debian-12-5.3_opam-2.3', 'success', false],
			['windows-5.3_opam-2.3', 'failure', true],
		]);
		expect(ocamlCi(repo).variants![1]!.url).toBe(`https://ocaml.ci.dev/github/${ID}/commit/${oid(0)}/variant/(lint-fmt)/-/refs/heads/main`);
	});

	it('fails with the variants that failed and why', async () => {
		const repo = await fetchRepo([commit(0, [failed(0)]), commit(1, [passed(1)])]);
		expect(repo.state).toBe('failing');
		expect(ocamlCi(repo).variants!.filter((v) => v.state === 'failure')).toEqual([
			{
				name: 'alpine-3.21-5.3_opam-2.3',
				state: 'failure',
				detail: 'Exit code 2',
				url: `https://ocaml.ci.dev/github/${ID}/commit/${oid(0)}/variant/alpine-3.21-5.3_opam-2.3/-/refs/heads/main`,
			},
		]);
	});

	it('is building, not unknown, while queued with variants active (some already done)', async () => {
		const run = ocamlCiRun(ID, oid(0), day(0), { 'debian-12-5.3_opam-2.3': 'passed', 'alpine-3.21-5.3_opam-2.3': 'active' });
		expect(run.status).toBe('QUEUED');
		const repo = await fetchRepo([commit(0, [run]), commit(1, [passed(1)])]);
		expect(repo.state).toBe('pending');
		expect(ocamlCi(repo)).toMatchObject({
			state: 'pending',
			variants: [{ state: 'success' }, { name: 'alpine-3.21-5.3_opam-2.3', state: 'pending' }],
		});
		expect(repo.knownGood).toMatchObject({ oid: oid(1), behind: 1 });
	});

	it('keeps variants for the head only: older commits carry outcomes, which is all history needs', async () => {
		const repo = await fetchRepo([commit(0, [passed(0)]), commit(1, [failed(1)])]);
		expect(ocamlCi(repo, 1)).toEqual({ name: 'ocaml-ci', kind: 'check-run', state: 'failure' });
	});
});

describe('GitHub Actions re-runs', () => {
	it('takes the latest attempt by start time for the verdict, and marks the job flaky, though the rollup still says FAILURE', async () => {
		const repo = await fetchRepo([
			commit(0, [job('build', 'FAILURE', later(0, 5)), job('build', 'SUCCESS', later(0, 40)), passed(0)]),
			// GitHub's order is not the attempts' order: here the re-run is listed first.
			commit(1, [job('build', 'SUCCESS', later(1, 40)), job('build', 'FAILURE', later(1, 5)), passed(1)]),
		]);
		expect(repo.history[0]!.rollup).toBe('failure');
		expect(repo.state).toBe('passing');
		expect(repo.history[0]!.checks.filter((c) => c.name === 'CI / build').map((c) => c.state)).toEqual(['success']);
		expect(repo.history[1]!.checks.filter((c) => c.name === 'CI / build').map((c) => c.state)).toEqual(['success']);
		expect(repo.flakyChecks).toEqual([
			{ name: 'CI / build', oid: oid(0) },
			{ name: 'CI / build', oid: oid(1) },
		]);
		expect(repo.failingSince).toBeUndefined();
	});

	it('fails when the re-run failed again, and does not call that flaky', async () => {
		const repo = await fetchRepo([
			commit(0, [job('build', 'FAILURE', later(0, 5)), job('build', 'FAILURE', later(0, 40))]),
			commit(1, [passed(1)]),
		]);
		expect(repo.state).toBe('failing');
		expect(repo.flakyChecks).toEqual([]);
	});

	it('is building while a re-run waits for a runner (startedAt null)', async () => {
		const waiting = job('build', undefined, later(0, 1), { status: 'QUEUED' });
		delete waiting.startedAt;
		const repo = await fetchRepo([commit(0, [job('build', 'FAILURE', later(0, 5)), waiting, passed(0)])]);
		expect(repo.history[0]!.checks.find((c) => c.name === 'CI / build')).toMatchObject({ state: 'pending' });
		expect(repo.state).toBe('pending');
	});

	it('does not count a cancelled attempt as a failure', async () => {
		const repo = await fetchRepo([commit(0, [job('build', 'CANCELLED', later(0, 5)), job('build', 'SUCCESS', later(0, 20))])]);
		expect(repo.flakyChecks).toEqual([]);
		expect(repo.state).toBe('passing');
	});
});

describe('classic commit statuses (opam-repo-ci, other external CIs)', () => {
	const status = (context: string, state: 'SUCCESS' | 'FAILURE' | 'ERROR' | 'PENDING' | 'EXPECTED', description?: string): FakeContext => ({
		type: 'status',
		context,
		state,
		targetUrl: `https://opam.ci.ocaml.org/github/${ID}/commit/x/variant/${context}`,
		...(description ? { description } : {}),
	});

	it('reads each state, with the status link and description', async () => {
		const repo = await fetchRepo([commit(0, [status('opam-ci', 'SUCCESS', 'Passed'), status('ci.ocamllabs.io', 'EXPECTED')])]);
		expect(repo.history[0]!.checks).toEqual([
			{
				name: 'opam-ci',
				kind: 'status',
				state: 'success',
				url: 'https://opam.ci.ocaml.org/github/mirage/mirage/commit/x/variant/opam-ci',
				description: 'Passed',
			},
			{
				name: 'ci.ocamllabs.io',
				kind: 'status',
				state: 'pending',
				url: 'https://opam.ci.ocaml.org/github/mirage/mirage/commit/x/variant/ci.ocamllabs.io',
			},
		]);
		expect(repo.state).toBe('pending');
		expect((await fetchRepo([commit(0, [status('opam-ci', 'ERROR', 'Build error')])])).state).toBe('failing');
	});

	it('sit beside ocaml-ci and Actions on one commit', async () => {
		const repo = await fetchRepo([commit(0, [job('build', 'SUCCESS', later(0, 1)), passed(0), status('opam-ci', 'FAILURE', 'Failed')])]);
		expect(repo.history[0]!.checks.map((c) => [c.kind, c.name, c.state])).toEqual([
			['check-run', 'CI / build', 'success'],
			['check-run', 'ocaml-ci', 'success'],
			['status', 'opam-ci', 'failure'],
		]);
		expect(repo.state).toBe('failing');
	});
});

describe('commits no CI ran on', () => {
	it('come with a null rollup and are skipped by "failing since", known-good and the history verdicts', async () => {
		const repo = await fetchRepo([commit(0, [failed(0)]), commit(1, []), commit(2, []), commit(3, [passed(3)]), commit(4, [])]);
		expect(repo.history.map((c) => [c.checks.length, c.rollup])).toEqual([
			[1, 'failure'],
			[0, undefined],
			[0, undefined],
			[1, 'success'],
			[0, undefined],
		]);
		expect(repo.failingSince).toMatchObject({
			oid: oid(0),
			exact: true,
			lastGood: { oid: oid(3) },
			compareUrl: `https://github.com/${ID}/compare/${oid(3)}...${oid(0)}`,
		});
		expect(repo.knownGood).toMatchObject({ oid: oid(3), behind: 3 });
	});

	it('leave a head with nothing reported unknown, with the reason', async () => {
		const repo = await fetchRepo([commit(0, []), commit(1, [passed(1)])]);
		expect(repo).toMatchObject({ state: 'unknown', reason: 'no CI reported on the branch head' });
	});
});

describe('URLs from GitHub', () => {
	it('keep only absolute http(s) links: others are dropped where the answer is parsed', async () => {
		const evil = 'javascript:alert(document.domain)';
		const run = ocamlCiRun(ID, oid(0), day(0), { a: 'passed' });
		run.detailsUrl = evil;
		run.summary = ocamlCiLine('debian', { failed: 'x' }, 'data:text/html,<script>alert(1)</script>');
		const repo = await fetchRepo(
			[
				{ ...commit(0, [run, { type: 'status', context: 'opam-ci', state: 'SUCCESS', targetUrl: ' JaVaScRiPt:alert(1)' }]), url: evil },
				{ ...commit(1, [passed(1)]), url: '/relative/commit' },
			],
			{ url: 'vbscript:msgbox(1)' },
		);
		expect(repo.url).toBe(`https://github.com/${ID}`);
		expect(repo.history.map((c) => c.url)).toEqual([
			`https://github.com/${ID}/commit/${oid(0)}`,
			`https://github.com/${ID}/commit/${oid(1)}`,
		]);
		expect(repo.history[0]!.checks.map((c) => c.url)).toEqual([undefined, undefined]);
		expect(ocamlCi(repo).variants).toEqual([{ name: 'debian', state: 'failure', detail: 'x' }]);
		expect(JSON.stringify(repo)).not.toMatch(/javascript:|data:|vbscript:/i);
	});
});
