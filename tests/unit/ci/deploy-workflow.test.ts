/**
 * The deploy workflow keeps the token away from content processing and
 * runs only pinned third-party code: read from the workflow file itself.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO } from '../../helpers/build-site.ts';

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	env?: Record<string, string>;
	'continue-on-error'?: string | boolean;
}
const workflow = parse(await readFile(`${REPO}.github/workflows/deploy.yml`, 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const holdsToken = (step: Step) => JSON.stringify(step).includes('secrets.GITHUB_TOKEN') || JSON.stringify(step).includes('github.token');

describe('.github/workflows/deploy.yml', () => {
	it('pins every action to a full commit SHA, with its version beside it', async () => {
		const text = await readFile(`${REPO}.github/workflows/deploy.yml`, 'utf8');
		const uses = steps.filter((s) => s.uses).map((s) => s.uses!);
		expect(uses.length).toBeGreaterThanOrEqual(5);
		for (const u of uses) expect(u, u).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
		for (const line of text.split('\n').filter((l) => /uses: /.test(l))) expect(line).toMatch(/@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
	});

	it('gives the token to the status step alone, which builds nothing', () => {
		const withToken = steps.filter(holdsToken);
		expect(withToken.map((s) => s.run)).toEqual(['npm run status:refresh']);
		const build = steps.find((s) => s.run === 'npm run build')!;
		expect(build).toBeDefined();
		expect(Object.keys(build.env ?? {})).not.toContain('GITHUB_TOKEN');
		expect(steps.indexOf(withToken[0]!)).toBeLessThan(steps.indexOf(build));
	});

	it('lets only the hourly run fail on a failed status fetch, and builds it strictly', () => {
		const status = steps.find((s) => s.run === 'npm run status:refresh')!;
		expect(status['continue-on-error']).toBe("${{ github.event_name != 'schedule' }}");
		expect(steps.find((s) => s.run === 'npm run build')!.env?.CI_STATUS_STRICT).toBe(
			"${{ github.event_name == 'schedule' && '1' || '0' }}",
		);
	});
});
