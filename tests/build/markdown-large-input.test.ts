// Hostile untrusted bodies by size (issue 5): a megabyte of one construct,
// thousands of nested elements, a tree deeper than the call stack. Each must
// render inert and whole. Without the input guards some take seconds or
// gigabytes (Sätteri 0.10); a hang ends at the test timeout, and speed is
// measured in `npm run bench`, not here.
import type { ElementContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../packages/project-pages/markdown/render.ts';
import { sanitizeTree } from '../../packages/project-pages/markdown/sanitize-tree.ts';

const untrusted = async (source: string) => (await renderMarkdown(source, { trusted: false })).html;

describe('megabyte-sized untrusted bodies', () => {
	const megabyte: Array<[string, string]> = [
		['plain words', 'word '.repeat(200_000)],
		['smart quotes', '"a" '.repeat(250_000)],
		['character references', '&copy; '.repeat(150_000)],
		['character references over many paragraphs', `${'&amp; '.repeat(900)}\n\n`.repeat(180)],
		['nested tags', '<div>'.repeat(200_000)],
		['comments', '<!-- '.repeat(200_000)],
		['nested blockquotes', '> '.repeat(500_000)],
		['references', 'a/b#1 '.repeat(170_000)],
	];
	for (const [name, line] of megabyte) {
		it(`renders 1 MB of ${name}, inert`, async () => {
			const html = await untrusted(`${line}<script>alert(1)</script> [x](javascript:alert(1))`);
			expect(html.length).toBeGreaterThan(500_000);
			expect(html).not.toMatch(/<script|href="javascript/);
		});
	}

	// Under the tag limit, so reparsed and sanitized element by element.
	const nested: Array<[string, string]> = [
		['an unknown element around 4,900 nested divs', `<font>${'<div>'.repeat(4900)}x`],
		['4,900 nested unknown elements', `${'<font><div>'.repeat(2450)}x`],
		['SVG around 4,900 nested groups', `<svg>${'<g>'.repeat(4900)}<script>alert(1)</script>`],
	];
	for (const [name, source] of nested) {
		it(`renders ${name}, inert`, async () => {
			const html = await untrusted(source);
			expect(html).not.toMatch(/<font|<svg|<script/);
		});
	}
});

describe('sanitizeTree on a deep tree', () => {
	it('survives nesting far deeper than the call stack', () => {
		let node: ElementContent = { type: 'text', value: 'deep' };
		for (let i = 0; i < 200_000; i++) node = { type: 'element', tagName: i % 2 ? 'span' : 'custom-x', properties: {}, children: [node] };
		const clean = sanitizeTree({ type: 'root', children: [node] });
		let depth = 0;
		let cur = clean!.children[0] as ElementContent;
		while (cur.type === 'element') {
			expect(cur.tagName).toBe('span');
			cur = cur.children[0]!;
			depth++;
		}
		expect(depth).toBe(100_000);
		expect(cur).toEqual({ type: 'text', value: 'deep' });
	});
});
