/**
 * The checker reads raw HTML's links and sources as a browser reads the tag
 * (checker/markdown-links.ts): what it reports is what the page would have.
 */
import { describe, expect, it } from 'vitest';
import { scanBody } from '../../packages/project-pages/checker/markdown-links.ts';

/** `column:url` of each link and source in a one-line body, at the column of its element's start tag. */
function read(line: string) {
	const { links, images } = scanBody(`${line}\n`, 1);
	return { links: links.map((l) => `${l.column}:${l.url}`), images: images.map((i) => `${i.column}:${i.url}`) };
}

describe('raw HTML in a body, read by the checker', () => {
	it('takes each element’s own attributes for sources, srcset candidates included', () => {
		expect(
			read(
				'<img src="/a.png" srcset="/b.png 2x" /> <object data="/c.pdf" src="/no"></object> <video poster="/p.png" src="/v.mp4"></video>',
			),
		).toEqual({ links: [], images: ['1:/a.png', '1:/b.png', '41:/c.pdf', '83:/v.mp4', '83:/p.png'] });
		expect(read("<IMG SRC = '/d.png'>").images).toEqual(['1:/d.png']);
	});

	it('stops a srcset at its first unsafe candidate, which the sanitizer drops with the rest', () => {
		expect(read('<img srcset="/a.png 1x, data:image/png;base64,iVBOR 2x, /b.png 3x">').images).toEqual([
			'1:/a.png',
			'1:data:image/png;base64',
		]);
	});

	it('reads <a href> and <area href>, entity-decoded, at its element’s column', () => {
		expect(read('<a href="&#106;avascript:x">t</a> <area href="/map/">').links).toEqual(['1:javascript:x', '35:/map/']);
	});

	it('reads an attribute in a quoted value as the text it is, and a > in one as no end of the tag', () => {
		expect(read('<a title="x href=javascript:y" href="/ok/">t</a>').links).toEqual(['1:/ok/']);
		expect(read('<a title="a>b" href="javascript:z">t</a>').links).toEqual(['1:javascript:z']);
	});

	it('takes the first of two attributes of one name, as a browser does', () => {
		expect(read('<a href="/ok/" href="javascript:x">t</a>').links).toEqual(['1:/ok/']);
	});

	it('reads what a browser reads where a pattern would stop: odd attribute names, a no-break space, a < in a value', () => {
		const block = (html: string) => scanBody(`<div>\n${html}\n</div>\n`, 1).links.map((l) => `${l.line}:${l.column}:${l.url}`);
		expect(block('<a = href="javascript:alert(1)">x</a>')).toEqual(['2:1:javascript:alert(1)']);
		expect(block('<a "x" href="javascript:alert(2)">x</a>')).toEqual(['2:1:javascript:alert(2)']);
		expect(block('<a x=\u00a0 href="javascript:alert(3)">x</a>')).toEqual(['2:1:javascript:alert(3)']);
		expect(block('<a title="<" href="javascript:alert(4)">x</a>')).toEqual(['2:1:javascript:alert(4)']);
		expect(
			block(
				'<svg><a xlink:href="javascript:alert(5)">x</a></svg> <form action="javascript:alert(6)"><button formaction="javascript:alert(7)">',
			),
		).toEqual(['2:6:javascript:alert(5)', '2:54:javascript:alert(6)', '2:89:javascript:alert(7)']);
	});

	it('takes nothing from a comment or an attribute value', () => {
		expect(read('<!-- <a href="javascript:x"> -->')).toEqual({ links: [], images: [] });
		expect(read(`<img alt="<a href='javascript:x'>" src="/a.png">`)).toEqual({ links: [], images: ['1:/a.png'] });
	});

	it('gives the column in the file, past a blockquote’s > and a list item’s indentation', () => {
		const at = (body: string) => scanBody(body, 1).links.map((l) => `${l.line}:${l.column}`);
		expect(at('> <div>\n> <a href="javascript:x">y</a>\n')).toEqual(['2:3']);
		expect(at('- item\n\n  <div>\n  <a href="/x/">y</a>\n')).toEqual(['4:3']);
	});

	it('says when the input guard changed the body before it was read', () => {
		// Past a paragraph's limit of character references the guard escapes them: a contributed page shows them as text.
		expect(scanBody(`${'&amp; '.repeat(1_001)}\n\n[x](/y/)\n`, 1).defused).toBe(true);
		expect(scanBody(`${'&amp; '.repeat(999)}\n\n[x](/y/)\n`, 1).defused).toBe(false);
	});

	it('reads an MDX post as @astrojs/mdx does: no indented code, and JSX elements’ written attributes', () => {
		const mdx = (body: string) => {
			const { links, images } = scanBody(body, 1, { mdx: true });
			return [...links, ...images].map((l) => `${l.line}:${l.column}:${l.url}`);
		};
		// MDX has no indented code: these are a link and an element, on the page.
		expect(mdx('Text\n\n    <a href="javascript:alert(1)">x</a>\n\n    [x](javascript:alert(2))\n')).toEqual([
			'3:5:javascript:alert(1)',
			'5:5:javascript:alert(2)',
		]);
		expect(mdx('<img src="/a.png" srcSet="/b.png 2x, javascript:c 3x" />\n')).toEqual(['1:1:/a.png', '1:1:/b.png', '1:1:javascript:c']);
		// An expression is code, not read; a component's props are its own; fenced code is code.
		expect(mdx('<a href={"javascript:y"}>z</a> <Callout href="javascript:comp" />\n\n```\n[x](javascript:code)\n```\n')).toEqual([]);
	});

	it('reads any element and attribute name, those of Object.prototype and regular-expression characters too', () => {
		expect(read('<constructor href="javascript:a"> <a(b href="javascript:b"> <a href="/c/">c</a>')).toEqual({
			links: ['61:/c/'],
			images: [],
		});
		expect(scanBody('<a constructor="x" toString="y" href="/d/">d</a>\n', 1, { mdx: true }).links.map((l) => l.url)).toEqual(['/d/']);
	});

	it('does not take another element for one whose name it starts with', () => {
		expect(read('<a-b href="javascript:q">t</a-b> <imgs src="/x.png">')).toEqual({ links: [], images: [] });
	});
});
