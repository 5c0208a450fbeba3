/**
 * The people file: who the names in content refer to. Validated with the
 * shared schema; a handle used twice is an error, since it is a page URL.
 */
import type { Loader } from 'astro/loaders';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';
import { ContentError, decodeUtf8, type Problem } from '../content/front-matter.ts';
import { describeIssues } from '../content/issues.ts';
import { readRegularFile } from '../content/read-content.ts';
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
	let bytes: Buffer;
	try {
		// A regular file only: never a link followed out of the content folder, never a 50 MB file.
		bytes = await readRegularFile(absolute, file);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw error;
	}
	const lineCounter = new LineCounter();
	const doc = parseDocument(decodeUtf8(file, bytes), { schema: 'core', resolveKnownTags: false, lineCounter, uniqueKeys: true });
	if (doc.errors[0]) {
		const pos = lineCounter.linePos(doc.errors[0].pos[0]);
		throw new ContentError(file, [
			{ line: pos.line, column: pos.col, message: `is not valid YAML: ${doc.errors[0].message.split('\n')[0]}` },
		]);
	}
	const result = PeopleFile.safeParse(doc.toJS({ maxAliasCount: 20 }) ?? [], { reportInput: true });
	if (result.success) return result.data;
	const problems: Problem[] = describeIssues(result.error.issues).map((p) => {
		const node = doc.getIn(
			p.path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
			true,
		) as { range?: number[] } | undefined;
		return { line: node?.range ? lineCounter.linePos(node.range[0]!).line : undefined, field: p.path, message: p.message };
	});
	throw new ContentError(file, problems);
}
