// The same four folders the site reads, with Astro's own glob() loader and no
// schema: the least a content site can do, so the benchmark's baseline.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const folder = (name: string) => defineCollection({ loader: glob({ pattern: '**/*.md', base: `./content/${name}` }) });

export const collections = {
	minutes: folder('minutes'),
	blog: folder('blog'),
	rfcs: folder('rfcs'),
	projects: folder('projects'),
};
