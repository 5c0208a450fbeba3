/**
 * The site's projectPages() options as the command-line tools see them: read
 * from `project-pages.config.mjs` at the project root (the module
 * astro.config.mjs passes to `projectPages()`), validated by the same schema
 * as the build. Its named export `extend`, when there is one, holds the
 * site's own front-matter fields, which src/content.config.ts passes to
 * `projectPagesCollections({ extend })`. A project without that file gets
 * the defaults.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { trackedRepos } from '../ci/options.ts';
import { checkExtensions, type KindExtensions } from '../content/schemas.ts';
import { parseOptions, type ProjectPagesOptions } from '../options.ts';

export const PROJECT_CONFIG_FILE = 'project-pages.config.mjs';

const DEFAULTS = { title: 'Project', description: 'Project pages.' };

export interface ProjectConfig {
	options: ProjectPagesOptions;
	extensions: KindExtensions;
	/** The file read, relative to the root; undefined when there is none and the defaults apply. */
	file?: string;
}

export async function loadProjectConfig(root: string): Promise<ProjectConfig> {
	const file = path.join(root, PROJECT_CONFIG_FILE);
	if (!existsSync(file)) return { options: parseOptions(DEFAULTS), extensions: {} };
	const module = (await import(pathToFileURL(file).href)) as { default?: unknown; extend?: KindExtensions };
	const extensions = module.extend ?? {};
	checkExtensions(extensions);
	return { options: parseOptions(module.default), extensions, file: PROJECT_CONFIG_FILE };
}

export async function loadProjectOptions(root: string): Promise<ProjectPagesOptions> {
	return (await loadProjectConfig(root)).options;
}

/** The repos content may reference: the tracked toolchain and the project's own repository. */
export function knownRepos(options: ProjectPagesOptions): string[] {
	const repos = trackedRepos(options.ci.toolchain).map((r) => r.id);
	return options.repository ? [...repos, options.repository] : repos;
}
