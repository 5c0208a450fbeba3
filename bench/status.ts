/**
 * npm run bench:status — requests made and time taken by the status fetch
 * for 10, 40 and 200 repos (with 2.5 references per repo, so 40 repos come
 * with 100 references) against the fake GitHub on 127.0.0.1, with 100 ms of
 * added latency per request. A script, not a test: it prints a table.
 *
 * Target (issue 3): at most 3 requests for 40 repos and 100 references, and
 * a second fetch with nothing changed costing no more than the first.
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
	ms: number;
	rebuildRequests: number;
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
		const again = await run();
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
			ms: first.ms,
			rebuildRequests: again.result.requests,
			rebuildMs: again.ms,
			unknown:
				first.result.repos.filter((r) => r.state === 'unknown').length +
				first.result.references.filter((r) => r.state === 'unknown').length,
		});
	} finally {
		await fake.close();
	}
}

const header = ['repos', 'references', 'requests', 'time', 'rebuild requests', 'rebuild time', 'unknown'];
const table = rows.map((r) => [
	String(r.repos),
	String(r.references),
	String(r.requests),
	`${Math.round(r.ms)} ms`,
	String(r.rebuildRequests),
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
const ok = forty !== undefined && forty.requests <= 3 && rows.every((r) => r.rebuildRequests <= r.requests);
console.log(`target: ≤ 3 requests for 40 repos + 100 references, rebuild ≤ first build: ${ok ? 'met' : 'NOT MET'}`);
process.exitCode = ok ? 0 : 1;
