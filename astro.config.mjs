// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import projectPages from 'astro-project-pages';
import projectPagesOptions from './project-pages.config.mjs';

// The MirageOS-style site: the project-pages integration's first user.
export default defineConfig({
	site: process.env.SITE_URL ?? 'https://mirage.example.org',
	trailingSlash: 'always',
	// Pages return cache keys from getStaticPaths (astro-project-pages: utils/cache-keys.ts),
	// so a rebuild renders only what changed; `astro build --force` renders everything.
	experimental: { incrementalBuild: true },
	// Each page is written twice (dist/ and Astro's incremental cache); rendering
	// the next pages while those writes finish took 3 s off a 5,000-page cold build.
	build: { concurrency: 4 },
	integrations: [mdx(), projectPages(projectPagesOptions)],
});
