/**
 * A small site with guides and papers, served from a sub-path: the docs
 * index's anchors stay unique when two sections share a title, and every
 * link the papers page writes goes under `base`, site paths included.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSite, type FixtureSite } from '../helpers/build-site.ts';

let site: FixtureSite;

beforeAll(async () => {
	const docs = await mkdtemp(path.join(tmpdir(), 'docs-content-'));
	await mkdir(path.join(docs, 'docs'));
	await writeFile(path.join(docs, 'docs/install.md'), '---\ntitle: Install\ndate: 2026-01-01\n---\n\n## First\n\nText.\n');
	await writeFile(path.join(docs, 'docs/faq.md'), '---\ntitle: FAQ\ndate: 2026-01-02\n---\n\nAnswers.\n');
	await writeFile(
		path.join(docs, 'docs.yaml'),
		'sections:\n  - title: Background\n    pages: [/docs/install]\n  - title: Background\n    pages: [/docs/faq, /papers]\n',
	);
	await writeFile(
		path.join(docs, 'papers.yml'),
		'- name: one\n  title: A paper\n  authors: [Ada]\n  abstract: "# paper-two\\n\\nText."\n  links:\n    - description: PDF\n      uri: /documents/one.pdf\n    - description: Online\n      uri: https://example.org/one\n- name: two\n  title: Another\n',
	);
	site = await buildFixtureSite({
		content: { docs: path.join(docs, 'docs'), 'docs.yaml': path.join(docs, 'docs.yaml'), 'papers.yml': path.join(docs, 'papers.yml') },
		files: { 'public/documents/one.pdf': '%PDF-1.4\n' },
		base: '/sub/',
	});
	if (site.exitCode !== 0) throw new Error(`docs site build failed:\n${site.output.slice(-4000)}`);
}, 300_000);

describe('a site with guides and papers under base', () => {
	it('gives each docs section its own anchor, even with the same title', async () => {
		const html = await site.read('docs/index.html');
		const ids = [...html.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]);
		expect(ids).toEqual(['docs-background', 'docs-background-2']);
		expect([...html.matchAll(/aria-labelledby="([^"]+)"/g)].map((m) => m[1])).toEqual(ids);
	});

	it('writes paper links under base, leaves absolute ones, and keeps the anchors the papers’ own', async () => {
		const html = await site.read('papers/index.html');
		expect(html).toContain('<a href="/sub/documents/one.pdf">PDF</a>');
		expect(html).toContain('<a href="https://example.org/one">Online</a>');
		expect(html.match(/id="paper-two"/g)).toHaveLength(1);
		expect(html).toMatch(/<li class="paper" id="paper-two">/);
	});
});
