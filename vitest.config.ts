/**
 * Two projects (tests/README.md):
 *
 * - `unit`: tests/unit, functions called in-process on small inputs; the
 *   whole folder runs in well under 30 s (`npm run test:unit`).
 * - `build`: tests/build, tests/security and tests/package, which start
 *   processes (astro build, astro dev, git, the CLI scripts) or feed
 *   megabytes of input (`npm run test:build`). Fixture sites they only read
 *   come from tests/helpers/fixture-sites.ts, built once and shared.
 *
 * No test measures time: the timeouts below are there to end a hang, sized
 * for a busy 2-core machine, not budgets.
 */
import { defineConfig } from 'vitest/config';
import { LongestFirst } from './tests/helpers/longest-first.ts';

export default defineConfig({
	test: {
		// Two cores: a build test's child process takes the other one.
		fileParallelism: true,
		maxWorkers: 2,
		// The files that take longest start first, so that the run does not end with one of them alone.
		sequence: { sequencer: LongestFirst },
		// Builders that keep Astro loaded between fixture sites' first builds (tests/helpers/build-service/).
		globalSetup: ['tests/helpers/build-service/build-service.ts'],
		// @actions/workflow-parser imports its schema as JSON without an import attribute, which Vite handles and Node does not.
		server: { deps: { inline: ['@actions/workflow-parser'] } },
		projects: [
			{
				extends: true,
				// Files share a worker's module cache (isolate: false): each one importing the package, GraphQL and
				// GitHub's schema afresh cost more than its tests. No unit test changes a module's state.
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false, testTimeout: 60_000, hookTimeout: 60_000 },
			},
			{
				extends: true,
				test: {
					name: 'build',
					include: ['tests/build/**/*.test.ts', 'tests/security/**/*.test.ts', 'tests/package/**/*.test.ts'],
					testTimeout: 120_000,
					hookTimeout: 600_000,
				},
			},
		],
	},
});
