/**
 * The people file: who the names in content refer to. Validated with the
 * shared schema; a handle used twice is an error, since it is a page URL.
 */
import type { Loader } from 'astro/loaders';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDataFile } from '../content/data-files.ts';
import { ContentError } from '../content/front-matter.ts';
import { PeopleFile } from '../content/schemas.ts';
import { failOnProblems } from './fail.ts';
import { keepEmptyCollection } from './keep-empty-collection.ts';
import { syncOnChange } from './watch.ts';

export function peopleLoader({ file }: { file: string }): Loader {
	return {
		name: 'project-pages:people',
		async load(context) {
			const { store, config } = context;
			const sync = async () => {
				const absolute = path.resolve(fileURLToPath(config.root), file);
				const people = await readPeopleFile(absolute, file);
				store.clear();
				const errors: ContentError[] = [];
				for (const person of people) {
					if (store.has(person.github)) {
						errors.push(new ContentError(file, [{ field: 'github', message: `"${person.github}" is listed twice; each person once` }]));
						continue;
					}
					store.set({ id: person.github, data: person });
				}
				keepEmptyCollection(store);
				failOnProblems('people', errors);
			};
			await sync();
			syncOnChange(context, file, sync);
		},
	};
}

export async function readPeopleFile(absolute: string, file: string) {
	return (await readDataFile(absolute, file, PeopleFile, []))?.data ?? [];
}
