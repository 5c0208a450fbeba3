/**
 * The link check itself, on a small site folder with one break of each
 * kind, so a green links.spec.ts means something.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { checkLinks } from './support/check-links.ts';

const page = (head: string, body: string) =>
	`<!doctype html><html lang="en"><head><title>t</title>${head}</head><body>${body}</body></html>`;

const FILES: Record<string, string> = {
	'index.html': page(
		'<link rel="canonical" href="https://site.test/"><link rel="stylesheet" href="/style.css"><link rel="preconnect" href="https://fonts.example">',
		`<main id="main"><a href="#main">skip</a> <a href="#top">top</a> <a href="#gone">gone</a>
		<a href="/a/">a</a> <a href="/a">a without slash</a> <a href="/missing/">missing</a>
		<a href="/a/#sec">section</a> <a href="/a/#nope">no section</a> <a href="/a/#caf%C3%A9">encoded id</a>
		<a href="https://site.test/a/">own origin</a> <a href="https://site.test/gone/">own origin, missing</a>
		<a href="https://example.com/nope/">external</a> <a href="mailto:x@example.com">mail</a>
		<a href="/feed.xml">feed</a> <a href="/a/?q=1&amp;r=2">query</a>
		<img alt="" src="/img.png" srcset="/img.png 1x, /nope.png 2x"></main>`,
	),
	'a/index.html': page(
		'',
		'<h2 id="sec">s</h2><h2 id="café">c</h2><a href="../">up</a> <a href="../a/">self</a> <a href="b/">relative, missing</a>',
	),
	'404.html': page('', '<main id="main"><a href="#main">skip</a> <a href="/a/">absolute</a> <a href="a/">relative</a></main>'),
	'img.png': '',
	'style.css': 'body{background:url(/img.png)}@font-face{src:url("/font.woff2") format("woff2")}',
	'feed.xml':
		'<rss><channel><item><link>https://site.test/a/</link></item><item><link>https://site.test/old/</link></item></channel></rss>',
};

test('the link check reports each kind of broken link and nothing else', () => {
	const root = mkdtempSync(path.join(tmpdir(), 'link-check-'));
	try {
		for (const [file, text] of Object.entries(FILES)) {
			mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
			writeFileSync(path.join(root, file), text);
		}
		const report = checkLinks(root);
		expect(report.broken.sort()).toEqual(
			[
				'/ <a> → /index.html#gone: no element with id="gone" in dist/index.html',
				'/ <a> → /a: no trailing slash (the site is built with trailingSlash: always, so this address is a 404)',
				'/ <a> → /missing/: no such page or file in dist/',
				'/ <a> → /a/#nope: no element with id="nope" in dist/a/index.html',
				'/ <a> → https://site.test/gone/: no such page or file in dist/',
				'/ <img> → /nope.png: no such page or file in dist/',
				'/a/ <a> → /a/b/: no such page or file in dist/',
				'/404.html <a> → /no/such/page/a/: no such page or file in dist/',
				'/style.css → /font.woff2: no such page or file in dist/',
				'/feed.xml → https://site.test/old/: no such page or file in dist/',
			].sort(),
		);
		expect(report.pages).toBe(3);
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
});
