// Optional comparison rows: Hugo and Eleventy building the same corpus with a
// one-template layout. Only when already installed; the bench never installs them.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KINDS } from './corpus.ts';

const PAGE = (title: string, content: string) =>
	`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${content}</main></body></html>\n`;

export function hugoInstalled(): boolean {
	return spawnSync('hugo', ['version'], { stdio: 'ignore' }).status === 0;
}

export function eleventyInstalled(repo: string): boolean {
	return existsSync(join(repo, 'node_modules', '@11ty', 'eleventy'));
}

function copyKinds(corpus: string, contentDir: string): void {
	for (const kind of KINDS) cpSync(join(corpus, kind), join(contentDir, kind), { recursive: true });
}

/** A Hugo site: content/ + one single-page layout; output in dist/. */
export function prepareHugo(corpus: string, dir: string): string[] {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(join(dir, 'layouts', '_default'), { recursive: true });
	writeFileSync(join(dir, 'hugo.toml'), 'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "home", "section"]\n');
	writeFileSync(join(dir, 'layouts', '_default', 'single.html'), PAGE('{{ .Title }}', '{{ .Content }}'));
	copyKinds(corpus, join(dir, 'content'));
	return ['hugo', '--quiet', '--destination', 'dist'];
}

/** An Eleventy site: content/ with a directory data file naming one layout. */
export function prepareEleventy(corpus: string, dir: string): string[] {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(join(dir, 'content', '_includes'), { recursive: true });
	writeFileSync(join(dir, 'content', '_includes', 'base.njk'), PAGE('{{ title }}', '{{ content | safe }}'));
	writeFileSync(join(dir, 'content', 'content.11tydata.json'), JSON.stringify({ layout: 'base.njk' }));
	copyKinds(corpus, join(dir, 'content'));
	return ['npx', '--no-install', '@11ty/eleventy', '--quiet', '--input=content', '--output=dist'];
}
