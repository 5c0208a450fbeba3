// The virtual modules' types, for a site that type-checks with this package in node_modules (a script
// declaration file cannot be imported, so this is a reference, as in Starlight).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./virtual.d.ts" />
/**
 * The project-pages integration: minutes, RFCs, project ideas, a blog,
 * developer guides and papers, with toolchain status on every page. Wiring only: validate the options,
 * expose them to pages and loaders, inject the routes.
 */
import type { AstroIntegration } from 'astro';
import sitemap from '@astrojs/sitemap';
import { parseOptions, type ProjectPagesOptions, type ProjectPagesUserOptions } from './options.ts';
import { routesFor } from './routes.ts';
import { virtualModules } from './integration/virtual-modules.ts';
import { htmlStoreDir } from './content/html-store.ts';
import { removeStaleOutputIntegration } from './integration/keep-output.ts';
import { normalizeBase } from './utils/with-base.ts';
import { isRedirectPath } from './utils/redirect-paths.ts';

export type { ProjectPagesOptions, ProjectPagesUserOptions } from './options.ts';

/** The integration's name, as Astro lists it. */
export const INTEGRATION_NAME = 'astro-project-pages';

export default function projectPages(userOptions: ProjectPagesUserOptions): AstroIntegration & { options: ProjectPagesOptions } {
	// Fail at the edge, before Astro does any work, with the option's path in the message.
	const options = parseOptions(userOptions);
	return {
		name: INTEGRATION_NAME,
		/** The resolved options, for tools that read the site's config. */
		options,
		hooks: {
			'astro:config:setup': ({ injectRoute, updateConfig, config, command }) => {
				// With incremental builds, unchanged pages stay in dist/ rather than being copied back
				// from Astro's cache (integration/keep-output.ts); a site that sets emptyOutDir itself wins.
				const keepOutput =
					config.experimental.incrementalBuild === true && config.output === 'static' && config.vite?.build?.emptyOutDir === undefined;
				for (const route of routesFor(options)) {
					injectRoute({ pattern: route.pattern, entrypoint: new URL(route.entrypoint, import.meta.url), prerender: true });
				}
				const hasSitemap = config.integrations.some((i) => i.name === '@astrojs/sitemap');
				const base = normalizeBase(config.base);
				// Redirect pages (old paths, a guide's page under /docs/ when it is served at the root) are not pages to index.
				const notRedirect = (page: string) => !isRedirectPath(new URL(page).pathname.slice(base.length - 1), options.sections);
				const modules = virtualModules({
					options,
					base,
					htmlStoreDir: htmlStoreDir(config.cacheDir, { dev: command === 'dev' }),
					root: config.root,
				});
				updateConfig({
					integrations: [
						...(hasSitemap ? [] : [sitemap({ filter: notRedirect })]),
						...(keepOutput ? [removeStaleOutputIntegration(config.publicDir)] : []),
					],
					vite: {
						plugins: [modules],
						...(keepOutput ? { build: { emptyOutDir: false } } : {}),
					},
				});
			},
		},
	};
}
