import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../packages/project-pages/options.ts';

const base = { title: 'MirageOS', description: 'Unikernels.' };

describe('projectPages() options', () => {
	it('fills in defaults', () => {
		const options = parseOptions(base);
		expect(options).toMatchObject({
			contentDir: 'content',
			branch: 'main',
			nav: [],
			ci: { toolchain: {}, strict: false, timeoutMs: 20_000, history: 10 },
		});
	});

	it('names the option path and the rule for each bad option', () => {
		expect(() =>
			parseOptions({
				...base,
				title: '',
				repository: 'not a repo',
				nav: [{ label: 'Docs' }],
				ci: { toolchain: { core: ['mirage/mirage', 'nope'] }, timeoutMs: 5 },
				calls: { start: '2026-1-32', time: '25:00' },
				colour: 'red',
			}),
		).toThrow(
			[
				'Invalid projectPages() options:',
				'  title: must not be empty',
				'  repository: must look like "owner/repo" (letters, digits, "-", "." or "_")',
				'  nav.0.href: is required',
				'  ci.toolchain.core.1: must look like "owner/repo" (letters, digits, "-", "." or "_")',
				'  ci.timeoutMs: must be at least 100 (milliseconds)',
				'  calls.start: must be a date written YYYY-MM-DD',
				'  calls.time: must be a time written HH:MM (UTC)',
				'  colour: is not a known field (check its spelling)',
			].join('\n'),
		);
	});

	it('rejects a calls.start that is no real day, naming the field', () => {
		for (const start of ['2026-02-30', '2026-13-01', '2026-00-10'])
			expect(() => parseOptions({ ...base, calls: { start, time: '16:00' } })).toThrow(
				`Invalid projectPages() options:\n  calls.start: must be a real calendar date (got "${start}")`,
			);
		expect(parseOptions({ ...base, calls: { start: '2028-02-29', time: '16:00' } }).calls?.start).toBe('2028-02-29');
	});

	it('requires a title and a description', () => {
		expect(() => parseOptions({})).toThrow('Invalid projectPages() options:\n  title: is required\n  description: is required');
	});
});
