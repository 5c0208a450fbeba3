/**
 * A realistic fake GitHub for the site's tracked toolchain, reporting CI the
 * way these repos do: ocaml-ci's one `ocaml-ci` check run per commit with a
 * summary line per variant, GitHub Actions jobs, and classic commit statuses
 * (opam-repo-ci's `opam-ci - …`, ci.ocamllabs.io). Mostly passing; two
 * failing (one with a clear "failing since", one failing throughout the
 * history); one building (ocaml-ci queued, variants active); one that went
 * red and green again; a flaky job re-run to green on an older commit and
 * another on a head (where GitHub's rollup still says FAILURE); commits with
 * no CI between pushed heads; opam-repository with more statuses than one
 * page (so the client paginates). Deterministic for a given `now`.
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

export type Scenario = 'passing' | 'failing-since' | 'failing-throughout' | 'building' | 'flaky' | 'rerun-head' | 'recovered' | 'pushes';
export const SCENARIOS: Record<string, Scenario> = {
	'mirage/mirage': 'pushes',
	'mirage/mirage-tcpip': 'failing-since',
	'mirage/mirage-xen': 'failing-throughout',
	'mirage/irmin': 'building',
	'mirage/ocaml-dns': 'flaky',
	'mirage/mirage-crypto': 'rerun-head',
	'mirage/ocaml-cohttp': 'recovered',
};

/** ocaml-ci's variants for a typical library, sorted by label as ocaml-ci sorts them. */
export const OCAML_CI_VARIANTS = [
	'(lint-doc)',
	'(lint-fmt)',
	'(lint-opam)',
	'alpine-3.21-5.3_opam-2.3',
	'debian-12-4.14_opam-2.3',
	'debian-12-5.3_opam-2.3',
	'fedora-41-5.3_opam-2.3',
	'freebsd-14.2-5.3_opam-2.3',
	'macos-homebrew-5.3_opam-2.3',
	'ubuntu-24.04-5.3_opam-2.3',
	'windows-server-mingw-ltsc2022-5.3_opam-2.3',
];
/** The variant ocaml-ci builds as EXPERIMENTAL: its failures do not fail the run. */
const EXPERIMENTAL = 'windows-server-mingw-ltsc2022-5.3_opam-2.3';

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
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export type VariantOutcome = 'passed' | 'skipped' | 'active' | { failed: string } | { experimental: string };

/** One summary line, exactly as ocaml-ci's `service/pipeline.ml` prints it. */
export function ocamlCiLine(label: string, outcome: VariantOutcome, url: string): string {
	if (outcome === 'passed') return `✅ [${label} (passed)](${url})`;
	if (outcome === 'skipped') return `¯\\_(ツ)_/¯ [${label} (skipped)](${url})`;
	if (outcome === 'active') return `🟠 [${label} (active)](${url})`;
	if ('failed' in outcome) return `❌ [${label} (failed: ${outcome.failed})](${url})`;
	return `❌ [EXPERIMENTAL: ${label} (failure: ${outcome.experimental})](${url})`;
}

/** ocaml-ci's check run for a commit, its conclusion following the non-experimental variants. */
export function ocamlCiRun(id: string, oid: string, startedAt: string, outcomes: Record<string, VariantOutcome>): FakeCheckRun {
	const base = `https://ocaml.ci.dev/github/${id}/commit/${oid}`;
	const lines = Object.entries(outcomes).map(([label, o]) => ocamlCiLine(label, o, `${base}/variant/${label}/-/refs/heads/main`));
	const all = Object.values(outcomes);
	const run: FakeCheckRun = {
		type: 'check-run',
		name: 'ocaml-ci',
		status: 'COMPLETED',
		detailsUrl: `${base}/-/refs/heads/main`,
		startedAt,
		summary: lines.join('\n'),
	};
	// ocaml-ci leaves the run QUEUED while any variant builds; then a failure of any non-experimental one fails it.
	if (all.includes('active')) return { ...run, status: 'QUEUED', title: 'Queued' };
	if (all.some((o) => typeof o === 'object' && 'failed' in o))
		return { ...run, conclusion: 'FAILURE', title: 'Failure', completedAt: startedAt };
	return { ...run, conclusion: 'SUCCESS', title: 'Completed', completedAt: startedAt };
}

function checksFor(id: string, oid: string, index: number, scenario: Scenario, failing: boolean, committed: number): FakeContext[] {
	const at = (minutes: number) => iso(committed + minutes * 60_000);
	const run = (n: number) =>
		`https://github.com/${id}/actions/runs/${9_000_000_000 + num(`${oid}${n}`, 99_999_999)}/job/${20_000_000_000 + num(`${oid}j${n}`, 999_999_999)}`;
	if (id === 'ocaml/opam-repository') {
		// opam-repo-ci reports classic commit statuses, one per platform and compiler: 120, more than a page.
		const platforms = ['debian-12', 'debian-13', 'ubuntu-22.04', 'ubuntu-24.04', 'alpine-3.20', 'alpine-3.21', 'fedora-40', 'fedora-41'];
		const more = ['opensuse-15.6', 'oraclelinux-9', 'archlinux', 'freebsd-14.1', 'macos-homebrew', 'windows-mingw', 'windows-msvc'];
		const compilers = ['4.08', '4.14', '5.0', '5.1', '5.2', '5.3', '5.4', 'trunk'];
		return [...platforms, ...more].flatMap((v) =>
			compilers.map((c): FakeContext => ({
				type: 'status',
				context: `opam-ci - ${v}-ocaml-${c}`,
				state: 'SUCCESS',
				targetUrl: `https://opam.ci.ocaml.org/github/ocaml/opam-repository/commit/${oid}/variant/${v}-${c}`,
				description: 'Passed',
			})),
		);
	}
	const job = (name: string, n: number, conclusion: FakeCheckRun['conclusion'], minutes: number): FakeCheckRun => ({
		type: 'check-run',
		workflow: 'CI',
		name,
		status: 'COMPLETED',
		conclusion,
		detailsUrl: run(n),
		startedAt: at(minutes),
		completedAt: at(minutes + 12),
	});
	const ubuntu = job('build (ubuntu-latest, 4.14)', 1, 'SUCCESS', 1);
	const macos = job('build (macos-latest, 5.2)', 2, failing && index % 2 === 0 ? 'FAILURE' : 'SUCCESS', 1);
	const outcomes: Record<string, VariantOutcome> = {};
	for (const label of OCAML_CI_VARIANTS) outcomes[label] = 'passed';
	outcomes['(lint-doc)'] = 'skipped';
	if (num(`${id}x`, 3) === 0) outcomes[EXPERIMENTAL] = { experimental: 'Exit code 1' };
	if (failing) {
		// ocaml-ci catches what the Actions matrix does not.
		outcomes['alpine-3.21-5.3_opam-2.3'] = { failed: 'Exit code 2' };
		outcomes['freebsd-14.2-5.3_opam-2.3'] = { failed: 'Exit code 1' };
	}
	const checks: FakeContext[] = [ubuntu, macos];
	if (scenario === 'building' && index === 0) {
		for (const label of ['freebsd-14.2-5.3_opam-2.3', 'macos-homebrew-5.3_opam-2.3', 'ubuntu-24.04-5.3_opam-2.3'])
			outcomes[label] = 'active';
		// A job still waiting for a runner has not started: GitHub sends startedAt null.
		Object.assign(ubuntu, { status: 'QUEUED', conclusion: undefined, startedAt: undefined, completedAt: undefined });
	}
	if ((scenario === 'flaky' && index === 2) || (scenario === 'rerun-head' && index === 0)) {
		// Re-run jobs: the first attempt failed, the re-run passed. GitHub's rollup lists both (and its state stays FAILURE).
		const first = scenario === 'flaky' ? ubuntu : macos;
		checks.unshift({
			...first,
			conclusion: 'FAILURE',
			startedAt: at(-30),
			completedAt: at(-18),
			detailsUrl: `${first.detailsUrl ?? ''}?attempt=1`,
		});
	}
	checks.push(ocamlCiRun(id, oid, at(0), outcomes));
	if (id.startsWith('mirage/') && num(id, 3) === 0) {
		checks.push({
			type: 'status',
			context: 'ci.ocamllabs.io',
			state: failing ? 'FAILURE' : 'SUCCESS',
			targetUrl: `https://ci.ocamllabs.io/github/${id}/commit/${oid}`,
			description: failing ? 'Failed' : 'Passed',
		});
	}
	if (id === 'mirage/mirage-skeleton') checks.push({ ...job('unikernels (xen)', 3, 'SKIPPED', 1) });
	return checks;
}

function commitsFor(id: string, scenario: Scenario, now: Date, count: number): FakeCommit[] {
	const commits: FakeCommit[] = [];
	let t = now.getTime() - (1 + num(`${id}t`, 20)) * 3600_000;
	for (let i = 0; i < count; i++) {
		const oid = sha(`${id}:${i}`);
		const failing =
			(scenario === 'failing-since' && i < 3) || scenario === 'failing-throughout' || (scenario === 'recovered' && (i === 4 || i === 5));
		// Commits pushed together: CI runs on the pushed head only.
		const noCi = scenario === 'pushes' && (i === 1 || i === 2);
		const contexts = noCi ? [] : checksFor(id, oid, i, scenario, failing, t);
		const message = MESSAGES[num(`${id}m${i}`, MESSAGES.length)]!.replace('%N', String(100 + num(`${id}n${i}`, 1900)));
		commits.push({ oid, message, committedDate: iso(t), contexts });
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
