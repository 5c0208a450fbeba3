/**
 * The loader of a kind the site turned off (`paths: { rfcs: false }`): the
 * collection exists, so pages and the site's own code can still ask for it,
 * but it is empty. Files left in the kind's folder are named in a warning
 * rather than ignored without a word.
 */
import type { Loader } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import type { ContentKind } from '../content/kinds.ts';
import { listContentFiles } from '../content/read-content.ts';
import { keepEmptyCollection } from './keep-empty-collection.ts';

export function offLoader(kind: ContentKind, directory: string): Loader {
	return {
		name: `project-pages:${kind}:off`,
		async load({ store, config, logger }) {
			store.clear();
			keepEmptyCollection(store);
			const files = await listContentFiles(fileURLToPath(config.root), directory);
			if (files.length > 0) {
				logger.warn(
					`${directory}/ has ${files.length} file(s) (${files[0]!.file}${files.length > 1 ? ', …' : ''}), but the ${kind} section is off (paths.${kind}: false), so they are not built`,
				);
			}
		},
	};
}
