/**
 * The virtual modules pages and loaders import, so that components need no
 * props to know the site's settings and `content.config.ts` needs no
 * arguments:
 *
 * - `virtual:project-pages/config`: the resolved options (sections included),
 *   Astro's `base`, and where the loaders keep rendered bodies
 *   (content/html-store.ts);
 * - `virtual:project-pages/components/<Slot>`: the site's component for each
 *   slot it overrides (`components` option), else the integration's own;
 * - `virtual:project-pages/user-css`: the site's `customCss`, imported after
 *   the integration's styles.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ViteUserConfig } from 'astro';
import { COMPONENT_SLOTS, ProjectPagesOptionsError, type ComponentSlot, type ProjectPagesOptions } from '../options.ts';

type VitePlugin = NonNullable<ViteUserConfig['plugins']>[number];

const PREFIX = 'virtual:project-pages/';

/** The integration's own component for each slot, relative to the package root. */
const DEFAULT_COMPONENTS: Record<ComponentSlot, string> = {
	Head: './components/HeadLinks.astro',
	Logo: './components/Logo.astro',
	Sidebar: './components/Sidebar.astro',
	StatusStrip: './components/status/ToolchainStrip.astro',
	Footer: './components/Footer.astro',
};

export interface VirtualModuleSettings {
	options: ProjectPagesOptions;
	/** Astro's `base`, with a slash at both ends. */
	base: string;
	htmlStoreDir: string;
	/** The project root, against which `./` paths in the options resolve. */
	root: URL;
}

/**
 * `./src/x.astro` is a file of the site (it must exist); anything else is a
 * package specifier that Vite resolves. Missing files fail here, naming the
 * option, rather than as an unresolved import deep in the build.
 */
function resolveSiteModule(id: string, root: URL, option: string): string {
	if (!id.startsWith('.') && !id.startsWith('/')) return id;
	const file = path.resolve(fileURLToPath(root), id);
	if (!existsSync(file)) throw new ProjectPagesOptionsError([`${option}: ${id} does not exist (paths are relative to the project root)`]);
	return file;
}

export function virtualModules({ options, base, htmlStoreDir, root }: VirtualModuleSettings): VitePlugin {
	// Defaults are written relative to the package root; this module is one folder down.
	const own = (file: string) => fileURLToPath(new URL(file, new URL('../', import.meta.url)));
	const modules: Record<string, string> = {
		config: [
			`export default ${JSON.stringify(options)};`,
			`export const base = ${JSON.stringify(base)};`,
			`export const htmlStoreDir = ${JSON.stringify(htmlStoreDir)};`,
		].join('\n'),
		'user-css': options.customCss.map((id, i) => `import ${JSON.stringify(resolveSiteModule(id, root, `customCss.${i}`))};`).join('\n'),
	};
	for (const slot of COMPONENT_SLOTS) {
		const override = options.components[slot];
		const file = override ? resolveSiteModule(override, root, `components.${slot}`) : own(DEFAULT_COMPONENTS[slot]);
		modules[`components/${slot}`] = `export { default } from ${JSON.stringify(file)};`;
	}
	return {
		name: 'project-pages:virtual-modules',
		resolveId(id) {
			return id.startsWith(PREFIX) && id.slice(PREFIX.length) in modules ? `\0${id}` : undefined;
		},
		load(id) {
			return id.startsWith(`\0${PREFIX}`) ? modules[id.slice(PREFIX.length + 1)] : undefined;
		},
	};
}
