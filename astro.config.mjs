// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import projectPages from './src/project-pages/index.ts';
import projectPagesOptions from './project-pages.config.mjs';

// The MirageOS-style site: the project-pages integration's first user.
export default defineConfig({
	site: process.env.SITE_URL ?? 'https://mirage.example.org',
	trailingSlash: 'always',
	// Pages return cache keys from getStaticPaths (src/project-pages/utils/cache-keys.ts),
	// so a rebuild renders only what changed; `astro build --force` renders everything.
	experimental: { incrementalBuild: true },
	integrations: [mdx(), projectPages(projectPagesOptions)],
});
