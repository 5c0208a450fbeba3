/**
 * The content checker for a project folder, as `project-pages check` runs
 * it: the site's options and extensions from project-pages.config.mjs
 * (checker/project-config.ts), then every check with them.
 */
import { checkContent, type CheckContentResult } from './check-content.ts';
import { knownRepos, loadProjectConfig, type ProjectConfig } from './project-config.ts';

export async function checkProject(root: string): Promise<{ result: CheckContentResult; config: ProjectConfig }> {
	const config = await loadProjectConfig(root);
	const { options, extensions } = config;
	const result = await checkContent({
		root,
		contentDir: options.contentDir,
		knownRepos: knownRepos(options),
		sections: options.sections,
		calls: options.calls !== undefined,
		extensions,
		markdown: options.markdown,
		contributed: options.contributed,
	});
	return { result, config };
}
