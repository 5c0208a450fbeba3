/**
 * Property test: random, seeded mixes of known script-injection vectors
 * (support/vectors.ts) through every untrusted kind, as the build reads and
 * renders them (content/read-content.ts, markdown/render.ts, the minutes
 * extractor). Whatever the mix, the output holds no live element, handler
 * or `javascript:` URL when a browser parses it, and every word around the
 * vectors is still there. Reproducible: a failure prints its seed.
 */
import { describe, expect, it } from 'vitest';
import type { ContentKind } from '../../packages/project-pages/content/kinds.ts';
import { ContentError } from '../../packages/project-pages/content/front-matter.ts';
import { loadDocument, type ContentFile } from '../../packages/project-pages/content/read-content.ts';
import { extractMinutes } from '../../packages/project-pages/markdown/extract-minutes.ts';
import { renderMarkdown } from '../../packages/project-pages/markdown/render.ts';
import { liveThings, visibleText } from './support/inert.ts';
import { HOSTILE_TEXT, hostileBody, random, VECTORS } from './support/vectors.ts';

const DOCUMENTS_PER_KIND = 60;
const VECTORS_PER_DOCUMENT = 10;

const yaml = (s: string) => JSON.stringify(s);

function frontMatter(kind: Exclude<ContentKind, 'blog' | 'docs'>, title: string, name: string): string {
	switch (kind) {
		case 'minutes':
			return `date: 2026-01-07\ntitle: ${yaml(title)}\ndescription: ${yaml(title)}\nchair: ${yaml(name)}\nattendees: [${yaml(name)}]\nagenda: [${yaml(title)}]`;
		case 'rfcs':
			return `number: 1\ntitle: ${yaml(title)}\nstatus: discussion\nauthors: [${yaml(name)}]\ncreated: 2026-01-01\ndescription: ${yaml(title)}`;
		case 'projects':
			return `title: ${yaml(title)}\nsummary: ${yaml(title)}\ndifficulty: 1\nsize: small\nskills: [${yaml(title)}]\nmentors: [${yaml(name)}]\nstatus: done\nprogram: ${yaml(name)}\nyear: 2026\noutcome:\n  student: ${yaml(name)}\n  summary: ${yaml(title)}`;
	}
}

const FILES: Record<Exclude<ContentKind, 'blog' | 'docs'>, string> = { minutes: '2026-01-07', rfcs: '0001-fuzz', projects: 'fuzz' };

function source(kind: Exclude<ContentKind, 'blog' | 'docs'>): ContentFile {
	const stem = FILES[kind];
	return { file: `content/${kind}/${stem}.md`, absolutePath: `/nowhere/${stem}.md`, stem, extension: '.md' };
}

/** The markers, in order, in `text`; the first one missing, or undefined. */
function firstMissing(text: string, markers: readonly string[]): string | undefined {
	let at = 0;
	for (const marker of markers) {
		const found = text.indexOf(marker, at);
		if (found < 0) return marker;
		at = found + marker.length;
	}
	return undefined;
}

describe.each(['minutes', 'rfcs', 'projects'] as const)('random hostile %s', (kind) => {
	it(`${DOCUMENTS_PER_KIND} seeded documents render inert, with every word kept`, async () => {
		for (let seed = 1; seed <= DOCUMENTS_PER_KIND; seed++) {
			const next = random(seed * 7919 + kind.length);
			const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
			const title = `${pick(HOSTILE_TEXT)} ${pick(VECTORS)}`;
			const name = `${pick(HOSTILE_TEXT)} Name`;
			const body = hostileBody(next, VECTORS_PER_DOCUMENT, `s${seed}`);
			const text = `---\n${frontMatter(kind, title, name)}\n---\n${body.markdown}\n`;
			let loaded;
			try {
				loaded = loadDocument(kind, source(kind), text);
			} catch (error) {
				throw new Error(`seed ${seed}: ${error instanceof ContentError ? error.message : String(error)}`, { cause: error });
			}
			// Fields are kept as the text they are; pages escape them (content-build.test.ts checks the pages).
			expect((loaded.data as { title: string }).title, `seed ${seed}`).toBe(title.trim());
			const { html } = await renderMarkdown(loaded.doc.body, { trusted: false });
			expect(liveThings(html), `seed ${seed}`).toEqual([]);
			expect(firstMissing(visibleText(html), body.markers), `seed ${seed}`).toBeUndefined();
			if (kind === 'minutes') {
				const summary = extractMinutes(loaded.doc.body);
				// The extractor reads text, never markup: nothing it returns is turned back into HTML.
				expect(JSON.stringify(summary), `seed ${seed}`).not.toMatch(/<img[^>]*onerror/i);
			}
		}
	});
});

describe('every single vector, alone and in the middle of a word', () => {
	it.each(VECTORS.map((v, i) => [i, v] as const))('vector %i renders inert', async (_i, vector) => {
		// A vector of several lines (a fence, a definition) is markdown structure: only as a block of its own.
		const shapes = vector.includes('\n')
			? [`before\n\n${vector}\n\nafter`]
			: [
					`before ${vector} after`,
					`before${vector}after`,
					`- item ${vector}\n- after`,
					`> quote ${vector}\n\nafter`,
					`| a |\n| - |\n| ${vector.replace(/\|/g, '\\|')} |\n\nafter`,
				];
		for (const markdown of shapes) {
			const { html } = await renderMarkdown(markdown, { trusted: false });
			expect(liveThings(html), markdown).toEqual([]);
			expect(visibleText(html), markdown).toMatch(/after/);
		}
	});
});

describe("past the guard's limits, raw HTML is still never live", () => {
	// Past 5,000 tags the raw HTML is not reparsed; the guard escapes `<` outside what it takes
	// for code fences, which is not always what CommonMark takes for one.
	const manyTags = '<b>x</b> '.repeat(5001);
	it.each([
		['an info string holding a backtick (not a fence)', '```a`b\n<img src=x onerror=alert(1)>\n```'],
		['a fence inside a list item', '- ```\n<img src=x onerror=alert(1)>\n  ```'],
		['a lone carriage return as the line break', '```\r```\n<img src=x onerror=alert(1)>'],
		['a tilde fence closed by backticks', '~~~\n```\n<script>alert(1)</script>'],
		['an indented fence', '    ```\n<svg onload=alert(1)>\n```'],
	])('%s', async (_name, tail) => {
		const { html } = await renderMarkdown(`${manyTags}\n\nkept\n\n${tail}\n\nlast words`, { trusted: false });
		expect(liveThings(html)).toEqual([]);
		expect(visibleText(html)).toMatch(/kept[\s\S]*last words/);
	});
});
