/**
 * The checker reads raw HTML's links and sources as a browser reads the tag
 * (checker/markdown-links.ts): what it reports is what the page would have.
 */
import { describe, expect, it } from 'vitest';
import { scanBody } from '../../packages/project-pages/checker/markdown-links.ts';

/** `column:url` of each link and source in a one-line body. */
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
		).toEqual({ links: [], images: ['6:/a.png', '19:/b.png', '49:/c.pdf', '90:/p.png', '106:/v.mp4'] });
		expect(read("<IMG SRC = '/d.png'>").images).toEqual(['6:/d.png']);
	});

	it('stops a srcset at its first unsafe candidate, which the sanitizer drops with the rest', () => {
		expect(read('<img srcset="/a.png 1x, data:image/png;base64,iVBOR 2x, /b.png 3x">').images).toEqual([
			'6:/a.png',
			'6:data:image/png;base64',
		]);
	});

	it('reads <a href> and <area href>, entity-decoded, at the attribute’s column', () => {
		expect(read('<a href="&#106;avascript:x">t</a> <area href="/map/">').links).toEqual(['4:javascript:x', '41:/map/']);
	});

	it('reads an attribute in a quoted value as the text it is, and a > in one as no end of the tag', () => {
		expect(read('<a title="x href=javascript:y" href="/ok/">t</a>').links).toEqual(['32:/ok/']);
		expect(read('<a title="a>b" href="javascript:z">t</a>').links).toEqual(['16:javascript:z']);
	});

	it('takes the first of two attributes of one name, as a browser does', () => {
		expect(read('<a href="/ok/" href="javascript:x">t</a>').links).toEqual(['4:/ok/']);
	});

	it('does not take another element for one whose name it starts with', () => {
		expect(read('<a-b href="javascript:q">t</a-b> <imgs src="/x.png">')).toEqual({ links: [], images: [] });
	});
});
