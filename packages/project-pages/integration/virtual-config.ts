/**
 * Exposes the resolved options to pages and loaders as
 * `virtual:project-pages/config`, so that components need no props to know
 * the site's settings and `content.config.ts` needs no arguments. Pages also
 * learn where the loaders stored rendered bodies (content/html-store.ts).
 */
import type { Plugin } from 'vite';
import type { ProjectPagesOptions } from '../options.ts';

const ID = 'virtual:project-pages/config';
const RESOLVED = `\0${ID}`;

export function configVirtualModule(options: ProjectPagesOptions, htmlStoreDir: string): Plugin {
	return {
		name: 'project-pages:config',
		resolveId(id) {
			return id === ID ? RESOLVED : undefined;
		},
		load(id) {
			return id === RESOLVED
				? `export default ${JSON.stringify(options)};\nexport const htmlStoreDir = ${JSON.stringify(htmlStoreDir)};`
				: undefined;
		},
	};
}
