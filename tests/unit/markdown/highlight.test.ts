import { describe, expect, it } from 'vitest';
import type { HastNode } from 'satteri';
import { CACHE_ENTRIES, CACHE_MAX_CODE, cached } from '../../../packages/project-pages/markdown/highlight.ts';
import { renderMarkdown } from '../../../packages/project-pages/markdown/render.ts';

function counting() {
	const calls: string[] = [];
	const fn = async (code: string, lang: string): Promise<HastNode> => {
		calls.push(`${lang}:${code}`);
		return { type: 'text', value: code };
	};
	return { calls, fn };
}

describe('highlight cache', () => {
	it('highlights a repeated (language, code) pair once', async () => {
		const { calls, fn } = counting();
		const h = cached(fn);
		await h('let x = 1', 'ocaml');
		await h('let x = 1', 'ocaml');
		await h('let x = 1', 'sh');
		expect(calls).toEqual(['ocaml:let x = 1', 'sh:let x = 1']);
	});

	it('evicts the least recently used entry and never caches large blocks', async () => {
		const { calls, fn } = counting();
		const h = cached(fn);
		for (let i = 0; i <= CACHE_ENTRIES; i++) await h(`c${i}`, 'ocaml');
		await h('c0', 'ocaml');
		expect(calls.filter((c) => c === 'ocaml:c0')).toHaveLength(2);
		const big = 'x'.repeat(CACHE_MAX_CODE + 1);
		await h(big, 'ocaml');
		await h(big, 'ocaml');
		expect(calls.filter((c) => c === `ocaml:${big}`)).toHaveLength(2);
	});

	it('does not keep a failure', async () => {
		let fail = true;
		const h = cached(async (code) => {
			if (fail) throw new Error('grammar failed');
			return { type: 'text', value: code };
		});
		await expect(h('x', 'ocaml')).rejects.toThrow('grammar failed');
		fail = false;
		await expect(h('x', 'ocaml')).resolves.toEqual({ type: 'text', value: 'x' });
	});

	it('gives the same HTML for a block rendered again, in the same or another document', async () => {
		const block = '```ocaml\nlet () = print_endline "hi"\n```\n';
		const first = (await renderMarkdown(block, { trusted: false })).html;
		const twice = (await renderMarkdown(`${block}\n${block}`, { trusted: true })).html;
		expect(first).toContain('data-language="ocaml"');
		expect(twice).toBe(`${first}${first}`);
	});
});
