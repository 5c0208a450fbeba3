// Hostile input for untrusted content (issue 5): each case must render
// inert. Assertions read the HTML actually produced. Bodies of a megabyte
// or nested thousands deep are in tests/build/markdown-large-input.test.ts.
import { describe, expect, it, vi } from 'vitest';
import type { ElementContent } from 'hast';
import { renderMarkdown } from '../../../packages/project-pages/markdown/render.ts';
import { MAX_COPY_DEPTH, sanitizeNodes, sanitizeTree } from '../../../packages/project-pages/markdown/sanitize-tree.ts';
import { isSafeSrcset, isSafeUrl } from '../../../packages/project-pages/utils/safe-url.ts';
import { liveThings } from '../../security/support/inert.ts';

const untrusted = async (source: string) => (await renderMarkdown(source, { trusted: false })).html;

/** No executable construct survives, read as a browser reads it; raw HTML shown as text is inert. */
function expectInert(html: string): void {
	expect(liveThings(html)).toEqual([]);
	expect(html.toLowerCase()).not.toMatch(/<[a-z][^<>]*\sstyle\s*=/);
}

describe('untrusted raw HTML', () => {
	it('shows script and style elements as the text they are, never as elements', async () => {
		const html = await untrusted(
			'Hello <script>alert(1)</script> world\n\n<style>body{display:none}</style>\n\n<SCRIPT SRC=//x.example/a.js></SCRIPT>',
		);
		expect(html.trim()).toBe(
			'<p>Hello &lt;script&gt;alert(1)&lt;/script&gt; world</p>\n<p>&lt;style&gt;body{display:none}&lt;/style&gt;</p>\n<p>&lt;SCRIPT SRC=//x.example/a.js&gt;&lt;/SCRIPT&gt;</p>',
		);
		expectInert(html);
	});

	it('strips every event handler but keeps the element and its text', async () => {
		const html = await untrusted('<b onclick="alert(1)" OnMouseOver=alert(2)>bold</b> and <img src="/a.png" alt="a" onerror="alert(3)">');
		expect(html).toContain('<b>bold</b>');
		expect(html).toContain('<img src="/a.png" alt="a">');
		expectInert(html);
	});

	it('drops javascript: links written as markdown, raw HTML and reference definitions', async () => {
		const html = await untrusted('[md](javascript:alert(1)) <a href="JaVaScRiPt:alert(2)">raw</a> [ref][r]\n\n[r]: vbscript:msgbox(1)');
		expect(html).toBe('<p><a>md</a> <a>raw</a> <a>ref</a></p>\n');
	});

	it('drops entity-encoded and whitespace-obfuscated javascript: URLs', async () => {
		const cases = [
			'[a](&#106;avascript:alert(1))',
			'<a href="&#106;&#97;vascript:alert(1)">a</a>',
			'<a href="&#x6A;avascript&colon;alert(1)">a</a>',
			'<a href="java&#x09;script:alert(1)">a</a>',
			'<a href="  &#x0A;javascript:alert(1)">a</a>',
			'<a href="\u0001javascript:alert(1)">a</a>',
		];
		for (const source of cases) {
			const html = await untrusted(source);
			expect(html, source).toMatch(/<a>a<\/a>/);
			expectInert(html);
		}
	});

	it('drops data: URLs on images and links, keeps http(s) and relative ones', async () => {
		const html = await untrusted(
			'![x](data:image/svg+xml;base64,PHN2Zz4=) <img src="DATA:text/html,x"> ![ok](https://mirage.io/a.png) ![rel](img/b.png) <img srcset="data:x 1x, /ok.png 2x"> <img srcset="/a.png 1x, /b.png 2x">',
		);
		expect(html).toContain('<img alt="x">');
		expect(html).toContain('<img>');
		expect(html).toContain('<img src="https://mirage.io/a.png" alt="ok">');
		expect(html).toContain('<img src="img/b.png" alt="rel">');
		expect(html).toContain('<img srcset="/a.png 1x, /b.png 2x">');
		expectInert(html);
	});

	it('shows SVG and MathML tags as text, and keeps nothing live from inside them', async () => {
		const html = await untrusted(
			'before <svg onload="alert(1)"><script>alert(2)</script><a xlink:href="javascript:alert(3)"><text>t</text></a></svg> <math><mi href="javascript:1">x</mi></math> after',
		);
		expect(html).toBe(
			'<p>before &lt;svg onload="alert(1)"&gt;&lt;script&gt;alert(2)&lt;/script&gt;<a>t</a>&lt;/svg&gt; &lt;math&gt;x&lt;/math&gt; after</p>\n',
		);
		expectInert(html);
	});

	it('shows iframe, object, embed, form controls and document-level elements as text', async () => {
		const html = await untrusted(
			[
				'<iframe src="https://evil.example"></iframe>',
				'<object data="x.swf"><param name="a" value="b"></object><embed src="x.swf">',
				'<form action="javascript:alert(1)"><input type="text" name="q"><button formaction="javascript:2">go</button><textarea>t</textarea><select><option>o</option></select></form>',
				'<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><base href="https://evil.example/"><link rel="stylesheet" href="x.css">',
				'<template><img src=x onerror=alert(1)></template><noscript><p>n</p></noscript>',
				'text stays',
			].join('\n\n'),
		);
		expectInert(html);
		expect(html).not.toMatch(/<input|<button|<textarea|<select|<option|<param/);
		expect(html).toContain('&lt;textarea&gt;t&lt;/textarea&gt;');
		expect(html).toContain('text stays');
	});

	it('keeps harmless HTML: div, table, details, img, links; unwraps unknown elements', async () => {
		const html = await untrusted(
			'<div align="center"><table><tr><td colspan="2">cell</td></tr></table></div>\n\n<details><summary>More</summary>hidden</details>\n\n<center><font color="red" onclick="x">old</font></center> <a href="https://mirage.io/" title="t" target="_blank">site</a>',
		);
		expect(html).toContain('<div align="center"><table><tbody><tr><td colspan="2">cell</td></tr></tbody></table></div>');
		expect(html).toContain('<details><summary>More</summary>hidden</details>');
		expect(html).toContain('old <a href="https://mirage.io/" title="t">site</a>');
		expect(html).not.toMatch(/<center|<font/);
	});

	it('strips style and foreign classes, prefixes raw ids, keeps task-list checkboxes disabled', async () => {
		const html = await untrusted(
			'<p id="search" class="site-header" style="position:fixed">x</p>\n\n- [x] done\n- [ ] open\n\n<input type="checkbox" checked>',
		);
		expect(html).toContain('<p id="user-content-search">x</p>');
		expect(html).toContain('<li class="task-list-item"><input type="checkbox" checked disabled aria-label="Done"> done</li>');
		expect(html).toContain('<input type="checkbox" checked disabled aria-label="Done">');
		expect(html).not.toContain('site-header');
		expectInert(html);
	});

	it('removes comments, which could hide markup from a later reader', async () => {
		expect(await untrusted('a <!-- <script>alert(1)</script> --> b')).toBe('<p>a  b</p>\n');
	});

	it('keeps raw HTML as written for trusted content', async () => {
		const { html } = await renderMarkdown('<div onclick="go()"><script>x()</script></div>', { trusted: true });
		expect(html.trim()).toBe('<div onclick="go()"><script>x()</script></div>');
	});
});

describe('degenerate and oversized input', () => {
	it('renders an empty body as empty HTML', async () => {
		expect(await renderMarkdown('', { trusted: false })).toEqual({ html: '', headings: [], references: [] });
	});

	it('renders invalid UTF-8, decoded with replacement characters', async () => {
		const bytes = Buffer.from([0x61, 0xff, 0xfe, 0x62, 0xc3, 0x28, 0x20, 0xe2, 0x82]);
		const html = await untrusted(new TextDecoder('utf-8').decode(bytes));
		expect(html).toBe('<p>a\uFFFD\uFFFDb\uFFFD( \uFFFD</p>\n');
	});

	// Megabyte-sized and deeply nested bodies: tests/build/markdown-large-input.test.ts.
});

describe('sanitizeTree', () => {
	it('returns undefined for a clean tree, so the pipeline leaves it alone', () => {
		expect(
			sanitizeTree({
				type: 'root',
				children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'x' }] }],
			}),
		).toBeUndefined();
	});
});

describe('sanitizeNodes', () => {
	it(`copies at most ${MAX_COPY_DEPTH} levels deep, keeping the text below`, () => {
		let node: ElementContent = { type: 'text', value: 'deep' };
		for (let i = 0; i < 500; i++) node = { type: 'element', tagName: 'div', properties: {}, children: [node] };
		let depth = 0;
		let cur = sanitizeNodes([node])[0]!;
		while (cur.type === 'element') {
			cur = cur.children[0]!;
			depth++;
		}
		expect(depth).toBe(MAX_COPY_DEPTH);
		expect(cur).toEqual({ type: 'text', value: 'deep' });
	});
});

describe('isSafeUrl', () => {
	it.each([
		['https://mirage.io/', true],
		['http://x', true],
		['mailto:a@b.c', true],
		['/rel/path', true],
		['#anchor', true],
		['page?x=a:b', true],
		['dir/file:name', true],
		['//host/a', true],
		['javascript:alert(1)', false],
		[' JAVASCRIPT:x', false],
		['java\nscript:x', false],
		['\u0000javascript:x', false],
		['vbscript:x', false],
		['data:text/html,x', false],
		['file:///etc/passwd', false],
		['\u0085javascript:x', false],
	])('%j → %s', (url, safe) => expect(isSafeUrl(url)).toBe(safe));

	it('checks every srcset candidate', () => {
		expect(isSafeSrcset('/a.png 1x, https://x/b.png 2x')).toBe(true);
		expect(isSafeSrcset('/a.png 1x, javascript:x 2x')).toBe(false);
	});
});

describe('reference links in untrusted content with raw HTML', () => {
	it('keeps gh-ref links made by the autolinker through the sanitizer', async () => {
		const { html, references } = await renderMarkdown(
			'<b>Fixed</b> in mirage/mirage#12 <span data-ref="x/y#1" class="gh-ref">spoof</span>',
			{ trusted: false },
		);
		expect(html).toBe(
			'<p><b>Fixed</b> in <a href="https://github.com/mirage/mirage/issues/12" class="gh-ref" data-ref="mirage/mirage#12">mirage/mirage#12</a> <span>spoof</span></p>\n',
		);
		expect(references).toEqual(['mirage/mirage#12']);
	});
});

describe('unknown elements are unwrapped without losing any cleanup inside them', () => {
	it.each([
		['<center><img src="/a.png" onerror="alert(1)"></center>', '<img src="/a.png">'],
		['<custom-x onclick="a"><b onclick="b"><i onmouseover="c">x</i></b></custom-x>', '<p><b><i>x</i></b></p>'],
		[
			'<font color="red"><center><a href="javascript:x" onclick="y">link</a> <span style="s">t</span></center></font>',
			'<p></p><a>link</a> <span>t</span><p></p>',
		],
		['<font><script>alert(1)</script>ok<!-- hidden --></font>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;ok</p>'],
		[
			'<div><blink><div><marquee onstart="x"><img src="data:x" alt="a"></marquee></div></blink></div>',
			'<div><div><img alt="a"></div></div>',
		],
		['<div><!-- c --><p onclick="x">para</p></div>', '<div><p>para</p></div>'],
	])('%s', async (source, expected) => {
		const warn = vi.spyOn(console, 'warn');
		try {
			const html = await untrusted(source);
			expect(html.replace(/\n/g, '')).toBe(expected);
			expect(warn).not.toHaveBeenCalled();
		} finally {
			warn.mockRestore();
		}
	});
});

describe('what counts as raw HTML', () => {
	it('a comparison in code or prose is not HTML; a tag, comment or declaration is', async () => {
		expect(await untrusted('if `n < 2` then 1 < 3')).toBe('<p>if <code>n &lt; 2</code> then 1 &lt; 3</p>\n');
		for (const source of ['a <b onclick="x">b</b>', 'a <!-- <img src=x onerror=alert(1)> -->', 'a <?php echo 1 ?>', 'a <!DOCTYPE html>']) {
			expectInert(await untrusted(source));
		}
	});
});
