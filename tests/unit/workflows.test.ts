/**
 * The GitHub Actions workflows, checked before GitHub runs them: every file
 * in .github/workflows/ is YAML that GitHub's own workflow parser
 * (@actions/workflow-parser, the schema behind GitHub's language server)
 * accepts, every third-party action is pinned to a commit, and the pull
 * request workflow gives the corpus tests their data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { REPO } from '../helpers/build-site.ts';

const DIR = path.join(REPO, '.github/workflows');
const FILES = readdirSync(DIR)
	.filter((name) => /\.ya?ml$/.test(name))
	.sort();

/** What GitHub's parser says about a workflow: `file:line:column: message`, none when it is valid. */
async function workflowErrors(name: string, content: string): Promise<string[]> {
	const result = parseWorkflow({ name, content }, new NoOperationTraceWriter());
	const errors = result.context.errors.getErrors().map((e) => e.message);
	if (errors.length === 0 && result.value) {
		// Conversion checks what the schema cannot: job ids, `needs`, expressions in context.
		const template = await convertWorkflowTemplate(result.context, result.value);
		errors.push(...(template.errors ?? []).map((e) => e.Message));
	}
	return errors;
}

/** Every `uses:` value with its line, comments kept (the version a pin stands for is one). */
function uses(text: string): Array<{ line: number; ref: string; comment: string }> {
	return text.split('\n').flatMap((line, i) => {
		const m = /^\s*(?:-\s+)?uses:\s*['"]?([^'"\s#]+)['"]?\s*(?:#\s*(.*))?$/.exec(line);
		return m ? [{ line: i + 1, ref: m[1]!, comment: m[2] ?? '' }] : [];
	});
}

describe('workflow files', () => {
	it('are there: the pull request check and the deployment', () => {
		expect(FILES).toEqual(expect.arrayContaining(['deploy.yml', 'pr.yml']));
	});

	for (const name of FILES) {
		const text = readFileSync(path.join(DIR, name), 'utf8');

		it(`${name} is YAML without duplicate keys`, () => {
			const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
			expect(doc.errors.map((e) => `${name}: ${e.message}`)).toEqual([]);
			expect(Object.keys(doc.toJS())).toEqual(expect.arrayContaining(['name', 'on', 'jobs']));
		});

		it(`${name} matches GitHub's workflow schema`, async () => {
			expect(await workflowErrors(name, text)).toEqual([]);
		});

		it(`${name} pins every third-party action to a commit, naming its version`, () => {
			const found = uses(text);
			expect(found.length, `${name} uses actions`).toBeGreaterThan(0);
			const unpinned = found
				.filter(({ ref }) => !ref.startsWith('./') && !ref.startsWith('docker://'))
				.filter(({ ref, comment }) => !/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(ref) || !/^v\d+(\.\d+)*$/.test(comment))
				.map(
					({ line, ref, comment }) =>
						`${name}:${line}: ${ref}${comment ? ` # ${comment}` : ''}: pin to a commit id with "# vX.Y.Z" after it`,
				);
			expect(unpinned).toEqual([]);
		});
	}
});

describe('the workflow checks themselves', () => {
	it("report what GitHub's parser rejects: an unknown key, a missing job, a broken expression", async () => {
		const broken = `name: x
on: pull_request
jobs:
  a:
    run-on: ubuntu-latest
    steps:
      - run: echo \${{ github.event. }}
  b:
    needs: c
    runs-on: ubuntu-latest
    steps:
      - run: echo b
`;
		const errors = await workflowErrors('broken.yml', broken);
		expect(errors.join('\n')).toMatch(/Line: 5, .*Unexpected value 'run-on'/);
		expect(errors.join('\n')).toMatch(/Line: 7, .*Unexpected symbol/);
		const unknownNeed = await workflowErrors(
			'needs.yml',
			broken.replace('run-on', 'runs-on').replace('github.event. ', 'github.event_name '),
		);
		expect(unknownNeed.join('\n')).toMatch(/\bc\b/);
	});

	it('flag a tag or a branch where a commit id should be', () => {
		const lines = [
			'      - uses: actions/checkout@v4',
			'      - uses: actions/checkout@main',
			'      - uses: ./local-action',
			`      - uses: a/b@${'0'.repeat(40)} # v1.2.3`,
		];
		expect(uses(lines.join('\n')).map((u) => u.ref)).toEqual([
			'actions/checkout@v4',
			'actions/checkout@main',
			'./local-action',
			`a/b@${'0'.repeat(40)}`,
		]);
	});
});

describe('pr.yml', () => {
	const text = readFileSync(path.join(DIR, 'pr.yml'), 'utf8');
	const workflow = parseDocument(text).toJS() as {
		on: Record<string, unknown>;
		jobs: Record<string, { env?: Record<string, string>; steps: Array<{ run?: string; uses?: string }> }>;
	};
	const [job] = Object.values(workflow.jobs);
	const runs = job!.steps.map((s) => s.run ?? '');

	it('runs on pull_request only, never pull_request_target (code from forks must not see secrets)', () => {
		expect(Object.keys(workflow.on)).toEqual(['pull_request']);
	});

	it('makes the mirage-www corpus and points the tests at it before running them, with CI=true so none is skipped', () => {
		expect(job!.env).toMatchObject({ CI: 'true', MIRAGE_CORPUS: expect.stringMatching(/^\//) });
		const corpus = runs.findIndex((r) => r.includes('.ci/mirage-www-corpus "$MIRAGE_CORPUS"'));
		const tests = runs.findIndex((r) => r.trim() === 'npm test');
		expect(corpus, 'a step runs .ci/mirage-www-corpus').toBeGreaterThan(-1);
		expect(tests, 'a step runs npm test').toBeGreaterThan(corpus);
		const script = readFileSync(path.join(REPO, '.ci/mirage-www-corpus'), 'utf8');
		expect(script).toMatch(/^current=6049aba597e17c73175d18dde25de180679b89c7$/m);
	});
});
