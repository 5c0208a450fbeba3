/**
 * The site's projectPages() options as the command-line tools see them: read
 * from `project-pages.config.mjs` at the project root (the module
 * astro.config.mjs passes to `projectPages()`), validated by the same schema
 * as the build. A project without that file gets the defaults.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { trackedRepos } from '../ci/options.ts';
import { parseOptions, type ProjectPagesOptions } from '../options.ts';

export const PROJECT_CONFIG_FILE = 'project-pages.config.mjs';

const DEFAULTS = { title: 'Project', description: 'Project pages.' };

export async function loadProjectOptions(root: string): Promise<ProjectPagesOptions> {
	const file = path.join(root, PROJECT_CONFIG_FILE);
	if (!existsSync(file)) return parseOptions(DEFAULTS);
	const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
	return parseOptions(module.default);
}

/** The repos content may reference: the tracked toolchain and the project's own repository. */
export function knownRepos(options: ProjectPagesOptions): string[] {
	const repos = trackedRepos(options.ci.toolchain).map((r) => r.id);
	return options.repository ? [...repos, options.repository] : repos;
}
