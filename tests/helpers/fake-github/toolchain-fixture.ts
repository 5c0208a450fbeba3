/**
 * A realistic fake GitHub for the site's tracked toolchain: mostly passing,
 * two failing (one with a clear "failing since", one failing throughout
 * the history), one pending, one flaky check, opam-repository with more
 * checks than one page (so the client paginates), and external CIs
 * (ocaml-ci, ci.ocamllabs.io, opam-repo-ci) reporting commit statuses
 * beside GitHub Actions check runs. Deterministic for a given `now`.
 */
import { createHash } from 'node:crypto';
import type { FakeCheckRun, FakeCommit, FakeContext, FakeGitHubData, FakeIssue, FakeRepo } from './model.ts';

/** The site's tracked toolchain, grouped as in astro.config.mjs. */
export const TOOLCHAIN: Record<string, string[]> = {
	core: ['mirage/mirage', 'mirage/mirage-skeleton', 'mirage/functoria'],
	network: ['mirage/mirage-tcpip', 'mirage/ocaml-dns', 'mirage/ocaml-cohttp', 'mirleft/ocaml-tls', 'mirage/mirage-net-xen'],
	storage: ['mirage/irmin', 'mirage/mirage-block-unix', 'mirage/ocaml-git'],
	backends: ['Solo5/solo5', 'mirage/mirage-xen', 'mirage/mirage-unix', 'mirage/ocaml-solo5'],
	tooling: ['mirage/mirage-crypto', 'mirage/ocaml-cstruct', 'ocaml/opam-repository'],
};

type Scenario = 'passing' | 'failing-since' | 'failing-throughout' | 'pending' | 'flaky';
const SCENARIOS: Record<string, Scenario> = {
	'mirage/mirage-tcpip': 'failing-since',
	'mirage/mirage-xen': 'failing-throughout',
	'mirage/irmin': 'pending',
	'mirage/ocaml-dns': 'flaky',
};

const MESSAGES = [
	'Merge pull request #%N from hannesm/update-ci',
	'Bump ocamlformat to 0.26.2',
	'Fix compilation with OCaml 5.3',
	'CHANGES: prepare release',
	'Remove dependency on Lwt_unix in tests',
	'Merge pull request #%N from samoht/opam-lint',
	'Use Cstruct.sub instead of Cstruct.shift',
	'ci: test on macOS and FreeBSD',
	'Update opam files for dune 3.16',
	'Merge pull request #%N from dinosaure/fix-leak',
];

const sha = (s: string) => createHash('sha1').update(s).digest('hex');
const num = (s: string, mod: number) => parseInt(sha(s).slice(0, 8), 16) % mod;

function checksFor(id: string, oid: string, index: number, failing: boolean, pending: boolean): FakeContext[] {
	const run = (n: number) =>
		`https://github.com/${id}/actions/runs/${9_000_000_000 + num(`${oid}${n}`, 99_999_999)}/job/${20_000_000_000 + num(`${oid}j${n}`, 999_999_999)}`;
	if (id === 'ocaml/opam-repository') {
		// opam-repo-ci reports one status per platform and compiler: 64 of them.
		const variants = [
			'debian-12',
			'ubuntu-24.04',
			'alpine-3.20',
			'fedora-40',
			'opensuse-15.6',
			'freebsd-14.1',
			'macos-homebrew',
			'windows-mingw',
		];
		const compilers = ['4.08', '4.14', '5.0', '5.1', '5.2', '5.3', '5.4', 'trunk'];
		return variants.flatMap((v) =>
			compilers.map((c): FakeContext => ({
				type: 'status',
				context: `opam-ci - ${v}-ocaml-${c}`,
				state: 'SUCCESS',
				targetUrl: `https://opam.ci.ocaml.org/github/ocaml/opam-repository/commit/${oid}/variant/${v}-${c}`,
				description: 'Passed',
			})),
		);
	}
	const checks: FakeContext[] = [
		{
			type: 'check-run',
			workflow: 'CI',
			name: 'build (ubuntu-latest, 4.14)',
			status: 'COMPLETED',
			conclusion: 'SUCCESS',
			detailsUrl: run(1),
		},
		{
			type: 'check-run',
			workflow: 'CI',
			name: 'build (macos-latest, 5.2)',
			status: 'COMPLETED',
			conclusion: 'SUCCESS',
			detailsUrl: run(2),
		},
		{
			type: 'status',
			context: 'ocaml-ci',
			state: 'SUCCESS',
			targetUrl: `https://ocaml.ci.dev/github/${id}/commit/${oid}`,
			description: 'Passed',
		},
	];
	if (id.startsWith('mirage/') && num(id, 3) === 0) {
		checks.push({
			type: 'status',
			context: 'ci.ocamllabs.io',
			state: 'SUCCESS',
			targetUrl: `https://ci.ocamllabs.io/github/${id}/commit/${oid}`,
			description: 'Passed',
		});
	}
	if (id === 'mirage/mirage-skeleton') {
		checks.push({
			type: 'check-run',
			workflow: 'CI',
			name: 'unikernels (xen)',
			status: 'COMPLETED',
			conclusion: 'SKIPPED',
			detailsUrl: run(3),
		});
	}
	if (failing) {
		// External CI catches what the Actions matrix does not.
		const ocamlCi = checks.find((c) => c.type === 'status' && c.context === 'ocaml-ci');
		if (ocamlCi && ocamlCi.type === 'status') Object.assign(ocamlCi, { state: 'FAILURE', description: 'Failed: debian-12-5.3_opam-2.3' });
		if (index % 2 === 0) Object.assign(checks[1]!, { conclusion: 'FAILURE' });
	}
	if (pending) {
		Object.assign(checks[0]!, { status: 'IN_PROGRESS', conclusion: undefined });
		const ocamlCi = checks.find((c) => c.type === 'status' && c.context === 'ocaml-ci');
		if (ocamlCi) Object.assign(ocamlCi, { state: 'PENDING', description: 'Running' });
	}
	return checks;
}

function commitsFor(id: string, scenario: Scenario, now: Date, count: number): FakeCommit[] {
	const commits: FakeCommit[] = [];
	let t = now.getTime() - (1 + num(`${id}t`, 20)) * 3600_000;
	for (let i = 0; i < count; i++) {
		const oid = sha(`${id}:${i}`);
		const failing = (scenario === 'failing-since' && i < 3) || scenario === 'failing-throughout';
		const pending = scenario === 'pending' && i === 0;
		const contexts = checksFor(id, oid, i, failing, pending);
		const message = MESSAGES[num(`${id}m${i}`, MESSAGES.length)]!.replace('%N', String(100 + num(`${id}n${i}`, 1900)));
		const commit: FakeCommit = { oid, message, committedDate: new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z'), contexts };
		if (scenario === 'flaky' && i === 2) {
			// A re-run: the job failed, then passed, on one commit. The rollup shows
			// only the passing attempt; the failed one is in the suite's full list.
			const first = contexts[0] as FakeCheckRun;
			commit.superseded = [{ ...first, conclusion: 'FAILURE', detailsUrl: `${first.detailsUrl ?? ''}-attempt-1` }];
		}
		commits.push(commit);
		t -= (3 + num(`${id}d${i}`, 60)) * 3600_000;
	}
	return commits;
}

/** Issues and pull requests the site's content refers to, with plausible states. */
export function issuesFor(id: string, numbers: readonly number[], now: Date): FakeIssue[] {
	const issues: FakeIssue[] = numbers.map((n) => {
		const k = num(`${id}#${n}`, 10);
		const kind = k < 6 ? 'pull' : 'issue';
		const state = kind === 'pull' ? (k < 4 ? 'MERGED' : k === 4 ? 'OPEN' : 'CLOSED') : k < 8 ? 'CLOSED' : 'OPEN';
		return {
			number: n,
			kind,
			title: kind === 'pull' ? `${id.split('/')[1]}: pull request ${n}` : `${id.split('/')[1]}: issue ${n}`,
			state,
			updatedAt: new Date(now.getTime() - num(`${id}u${n}`, 400) * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
			reviews: kind === 'pull' ? num(`${id}r${n}`, 6) : 0,
			comments: num(`${id}c${n}`, 25),
		};
	});
	// Labelled open issues, for the "good first issue" / "help wanted" counts.
	const base = 100_000;
	for (let i = 0; i < num(`${id}gfi`, 5); i++)
		issues.push({
			number: base + i,
			kind: 'issue',
			title: 'Good first issue',
			state: 'OPEN',
			updatedAt: now.toISOString(),
			labels: ['good first issue'],
		});
	for (let i = 0; i < num(`${id}hw`, 7); i++)
		issues.push({
			number: base + 50 + i,
			kind: 'issue',
			title: 'Help wanted',
			state: 'OPEN',
			updatedAt: now.toISOString(),
			labels: ['help wanted'],
		});
	return issues;
}

export function fakeRepo(
	id: string,
	now: Date,
	options: { scenario?: Scenario; references?: readonly number[]; commits?: number } = {},
): FakeRepo {
	const [owner, name] = id.split('/') as [string, string];
	const defaultBranch = id === 'ocaml/opam-repository' || id === 'Solo5/solo5' ? 'master' : 'main';
	return {
		owner,
		name,
		defaultBranch,
		branches: { [defaultBranch]: commitsFor(id, options.scenario ?? SCENARIOS[id] ?? 'passing', now, options.commits ?? 12) },
		issues: issuesFor(id, options.references ?? [], now),
	};
}

/**
 * The toolchain's repos plus any repos and references the content names.
 * `references` are `owner/repo#N` ids.
 */
export function toolchainFixture(now: Date, extra: { repos?: readonly string[]; references?: readonly string[] } = {}): FakeGitHubData {
	const numbers = new Map<string, number[]>();
	for (const ref of extra.references ?? []) {
		const m = /^([^/]+\/[^#]+)#(\d+)$/.exec(ref);
		if (!m) continue;
		const key = m[1]!.toLowerCase();
		numbers.set(key, [...(numbers.get(key) ?? []), Number(m[2])]);
	}
	const ids = new Map<string, string>();
	for (const id of [...Object.values(TOOLCHAIN).flat(), ...(extra.repos ?? []), ...(extra.references ?? []).map((r) => r.split('#')[0]!)]) {
		if (!ids.has(id.toLowerCase())) ids.set(id.toLowerCase(), id);
	}
	return { repos: [...ids.values()].map((id) => fakeRepo(id, now, { references: numbers.get(id.toLowerCase()) ?? [] })) };
}

/** `n` synthetic repos `bench-org/repo-<i>` (mostly passing), for the benchmark. */
export function syntheticRepos(n: number, now: Date, referencesPerRepo = 0): FakeGitHubData {
	return {
		repos: Array.from({ length: n }, (_, i) =>
			fakeRepo(`bench-org/repo-${i}`, now, {
				scenario: i % 10 === 3 ? 'failing-since' : 'passing',
				references: Array.from({ length: referencesPerRepo }, (_, k) => k + 1),
			}),
		),
	};
}
