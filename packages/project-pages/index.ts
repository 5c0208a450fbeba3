/**
 * The project-pages integration: minutes, RFCs, Pioneer Projects and a blog,
 * with toolchain status on every page. Wiring only: validate the options,
 * expose them to pages and loaders, inject the routes.
 */
import type { AstroIntegration } from 'astro';
import sitemap from '@astrojs/sitemap';
import { parseOptions, type ProjectPagesUserOptions } from './options.ts';
import { ROUTES } from './routes.ts';
import { configVirtualModule } from './integration/virtual-config.ts';
import { htmlStoreDir } from './content/html-store.ts';
import { removeStaleOutputIntegration } from './integration/keep-output.ts';

export type { ProjectPagesUserOptions } from './options.ts';

export default function projectPages(userOptions: ProjectPagesUserOptions): AstroIntegration {
	// Fail at the edge, before Astro does any work, with the option's path in the message.
	const options = parseOptions(userOptions);
	return {
		name: 'project-pages',
		hooks: {
			'astro:config:setup': ({ injectRoute, updateConfig, config, command }) => {
				// With incremental builds, unchanged pages stay in dist/ rather than being copied back
				// from Astro's cache (integration/keep-output.ts); a site that sets emptyOutDir itself wins.
				const keepOutput =
					config.experimental.incrementalBuild === true && config.output === 'static' && config.vite?.build?.emptyOutDir === undefined;
				for (const route of ROUTES) {
					if (route.requires && options[route.requires] === undefined) continue;
					injectRoute({ pattern: route.pattern, entrypoint: new URL(route.entrypoint, import.meta.url), prerender: true });
				}
				const hasSitemap = config.integrations.some((i) => i.name === '@astrojs/sitemap');
				updateConfig({
					integrations: [...(hasSitemap ? [] : [sitemap()]), ...(keepOutput ? [removeStaleOutputIntegration(config.publicDir)] : [])],
					vite: {
						plugins: [configVirtualModule(options, htmlStoreDir(config.cacheDir, { dev: command === 'dev' }))],
						...(keepOutput ? { build: { emptyOutDir: false } } : {}),
					},
				});
			},
		},
	};
}
