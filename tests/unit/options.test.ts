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

	it('holds nav links to the one URL rule', () => {
		expect(() =>
			parseOptions({
				...base,
				nav: [
					{ label: 'Docs', href: 'javascript:alert(1)' },
					{ label: 'Up', href: '//evil.example/' },
				],
			}),
		).toThrow(
			[
				'Invalid projectPages() options:',
				'  nav.0.href: must be an http(s):// or mailto: URL, or a path on this site starting with "/" (got "javascript:alert(1)")',
				'  nav.1.href: must be an http(s):// or mailto: URL, or a path on this site starting with "/" (got "//evil.example/", which leaves the site)',
			].join('\n'),
		);
		const links = ['/docs/', 'https://example.org/chat', 'mailto:team@example.org'];
		expect(parseOptions({ ...base, nav: links.map((href) => ({ label: 'x', href })) }).nav.map((l) => l.href)).toEqual(links);
	});

	it('requires a title and a description', () => {
		expect(() => parseOptions({})).toThrow('Invalid projectPages() options:\n  title: is required\n  description: is required');
	});
});
