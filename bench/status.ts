/**
 * npm run bench:status — requests made, rate-limit points spent and time
 * taken by the status fetch for 10, 40 and 200 repos (with 2.5 references
 * per repo, so 40 repos come with 100 references) against the fake GitHub on
 * 127.0.0.1 (GitHub's schema, limits and point formula; see
 * tests/helpers/fake-github/github-graphql.ts), with 100 ms of added latency
 * per request. A script, not a test: it prints a table.
 *
 * Targets: at most 3 requests (issue 3) and at most 50 points (issue 12: 5%
 * of the 1,000 points an hour a GitHub Actions token has per repository, as
 * the site rebuilds hourly and on every push) for 40 repos and 100
 * references; a second fetch with nothing changed costing no more than the
 * first.
 */
import { startFakeGitHub } from '../tests/helpers/fake-github.ts';
import { syntheticRepos } from '../tests/helpers/fake-github/toolchain-fixture.ts';
import { createStatusClient } from '../packages/project-pages/ci/client.ts';
import { trackedRepos } from '../packages/project-pages/ci/options.ts';
import { parseReference, type GitHubRef } from '../packages/project-pages/ci/references.ts';

const LATENCY_MS = 100;
const SIZES = [10, 40, 200];
const TOKEN = 'bench-token-not-secret';
const now = new Date();

interface Row {
	repos: number;
	references: number;
	requests: number;
	points: number;
	ms: number;
	rebuildRequests: number;
	rebuildPoints: number;
	rebuildMs: number;
	unknown: number;
}
const rows: Row[] = [];

// One unreported fetch first, so the first row does not pay for module
// loading and JIT warm-up (it otherwise looked slower than the 40-repo row).
{
	const data = syntheticRepos(3, now, 1);
	const fake = await startFakeGitHub({ data, token: TOKEN });
	try {
		await createStatusClient({ token: TOKEN, baseUrl: fake.url }).fetchStatus({
			repos: trackedRepos({ warm: data.repos.map((r) => `${r.owner}/${r.name}`) }),
			references: [],
			history: 10,
			timeoutMs: 20_000,
		});
	} finally {
		await fake.close();
	}
}

for (const size of SIZES) {
	const data = syntheticRepos(size, now, 3);
	const fake = await startFakeGitHub({ data, latencyMs: LATENCY_MS, token: TOKEN });
	try {
		const repos = trackedRepos({ bench: data.repos.map((r) => `${r.owner}/${r.name}`) });
		const references: GitHubRef[] = data.repos
			.flatMap((r) => [1, 2, 3].map((n) => parseReference(`${r.owner}/${r.name}#${n}`)!))
			.slice(0, Math.round(size * 2.5));
		const client = createStatusClient({ token: TOKEN, baseUrl: fake.url });
		const run = async () => {
			const t = performance.now();
			const result = await client.fetchStatus({ repos, references, history: 10, timeoutMs: 20_000 });
			return { result, ms: performance.now() - t };
		};
		const first = await run();
		const firstPoints = fake.points;
		const again = await run();
		const againPoints = fake.points - firstPoints;
		// The client sums what GitHub reports in rateLimit.cost; the server charged exactly that.
		if (first.result.rateLimit?.cost !== firstPoints || again.result.rateLimit?.cost !== againPoints) {
			throw new Error(
				`bench: the fake GitHub charged ${firstPoints} + ${againPoints} points, the client saw ${first.result.rateLimit?.cost} + ${again.result.rateLimit?.cost}`,
			);
		}
		// The client counts attempts at its fetch; the server must have seen exactly those.
		if (fake.requests.length !== first.result.requests + again.result.requests) {
			throw new Error(
				`bench: the fake GitHub saw ${fake.requests.length} requests, the client counted ${first.result.requests + again.result.requests}`,
			);
		}
		rows.push({
			repos: size,
			references: references.length,
			requests: first.result.requests,
			points: firstPoints,
			ms: first.ms,
			rebuildRequests: again.result.requests,
			rebuildPoints: againPoints,
			rebuildMs: again.ms,
			unknown:
				first.result.repos.filter((r) => r.state === 'unknown').length +
				first.result.references.filter((r) => r.state === 'unknown').length,
		});
	} finally {
		await fake.close();
	}
}

const header = ['repos', 'references', 'requests', 'points', 'time', 'rebuild requests', 'rebuild points', 'rebuild time', 'unknown'];
const table = rows.map((r) => [
	String(r.repos),
	String(r.references),
	String(r.requests),
	String(r.points),
	`${Math.round(r.ms)} ms`,
	String(r.rebuildRequests),
	String(r.rebuildPoints),
	`${Math.round(r.rebuildMs)} ms`,
	String(r.unknown),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
console.log(`status fetch against the fake GitHub, ${LATENCY_MS} ms added per request, Node ${process.version}`);
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of table) console.log(line(row));

const forty = rows.find((r) => r.repos === 40);
const ok =
	forty !== undefined &&
	forty.requests <= 3 &&
	forty.points <= 50 &&
	rows.every((r) => r.rebuildRequests <= r.requests && r.rebuildPoints <= r.points);
console.log(
	`target: ≤ 3 requests and ≤ 50 points for 40 repos + 100 references (${forty?.requests} requests, ${forty?.points} points), rebuild ≤ first build: ${ok ? 'met' : 'NOT MET'}`,
);
process.exitCode = ok ? 0 : 1;
