import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/security/**/*.test.ts', 'tests/build/**/*.test.ts', 'tests/package/**/*.test.ts'],
		// Build tests run `astro build` in child processes; two at once is what 2 cores take.
		fileParallelism: true,
		maxWorkers: 2,
		testTimeout: 30_000,
		hookTimeout: 300_000,
	},
});
