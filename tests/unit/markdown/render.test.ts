import { describe, expect, it } from 'vitest';
import * as render from '../../../packages/project-pages/markdown/render.ts';
import { renderMarkdown } from '../../../packages/project-pages/markdown/render.ts';

describe('renderMarkdown', () => {
	it('exports exactly renderMarkdown', () => {
		expect(Object.keys(render).sort()).toEqual(['renderMarkdown']);
	});

	it('returns headings with github-slugger ids, closed ATX headings included', async () => {
		const { html, headings } = await renderMarkdown('### Agenda ###\n\n## Error handling in Mirage ##\n\n## Agenda\n\nText', {
			trusted: false,
		});
		expect(headings).toEqual([
			{ depth: 3, slug: 'agenda', text: 'Agenda' },
			{ depth: 2, slug: 'error-handling-in-mirage', text: 'Error handling in Mirage' },
			{ depth: 2, slug: 'agenda-1', text: 'Agenda' },
		]);
		expect(html).toContain('<h3 id="agenda">Agenda</h3>');
		expect(html).toContain('<h2 id="agenda-1">Agenda</h2>');
	});

	it('collects references from bare ids and GitHub links, once each, in order', async () => {
		const { references, html } = await renderMarkdown(
			[
				'Merged mirage/mirage#357 and [the TLS PR][tls]; see https://github.com/mirage/mirage-www/issues/274 and mirage/mirage#357 again.',
				'Not `mirage/irmin#1` in code, nor [a doc](https://github.com/mirage/mirage/blob/main/README.md).',
				'',
				'[tls]: https://github.com/mirleft/ocaml-tls/pull/271#issuecomment-1',
			].join('\n'),
			{ trusted: false },
		);
		expect(references).toEqual(['mirage/mirage#357', 'mirleft/ocaml-tls#271', 'mirage/mirage-www#274']);
		expect(html).toContain(
			'<a href="https://github.com/mirage/mirage/issues/357" class="gh-ref" data-ref="mirage/mirage#357">mirage/mirage#357</a>',
		);
	});

	it('autolinks in trusted content too, and in headings', async () => {
		const { html, headings, references } = await renderMarkdown('## Fix for mirage/mirage#1', { trusted: true });
		expect(html).toBe(
			'<h2 id="fix-for-miragemirage1">Fix for <a href="https://github.com/mirage/mirage/issues/1" class="gh-ref" data-ref="mirage/mirage#1">mirage/mirage#1</a></h2>\n',
		);
		expect(headings[0]!.text).toBe('Fix for mirage/mirage#1');
		expect(references).toEqual(['mirage/mirage#1']);
	});

	it('keeps a leading --- block as content (front matter is removed by the caller)', async () => {
		const { html } = await renderMarkdown('---\ntitle: x\n---\n', { trusted: false });
		expect(html).toBe('<hr>\n<h2 id="title-x">title: x</h2>\n');
	});

	it('accepts a fileURL and gives each call its own heading slugs', async () => {
		const fileURL = new URL('file:///content/minutes/2015-02-11.md');
		const a = await renderMarkdown('# Same', { trusted: false, fileURL });
		const b = await renderMarkdown('# Same', { trusted: false, fileURL });
		expect(a.headings[0]!.slug).toBe('same');
		expect(b.headings[0]!.slug).toBe('same');
	});

	it('renders concurrent calls independently', async () => {
		const results = await Promise.all(
			Array.from({ length: 20 }, (_, i) => renderMarkdown(`# H${i}\n\nsee mirage/m#${i + 1}`, { trusted: i % 2 === 0 })),
		);
		results.forEach((r, i) => {
			expect(r.headings).toEqual([{ depth: 1, slug: `h${i}`, text: `H${i}` }]);
			expect(r.references).toEqual([`mirage/m#${i + 1}`]);
		});
	});
});

describe('references without bare ids', () => {
	it('collects URL-only references, and none from a page without any', async () => {
		expect((await renderMarkdown('[PR](https://github.com/mirage/ocaml-tls/pull/3/files)', { trusted: true })).references).toEqual([
			'mirage/ocaml-tls#3',
		]);
		expect((await renderMarkdown('No refs: [repo](https://github.com/mirage/mirage) and #5.', { trusted: false })).references).toEqual([]);
	});
});
