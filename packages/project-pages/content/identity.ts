/**
 * Where each entry lives on the site. mirage-www's permalinks win over file
 * names; RFCs are `NNNN-slug`, with the number checked against the file name.
 */
import { slug } from '../utils/slug.ts';
import { KINDS, reservedNames, type ContentKind } from './kinds.ts';
import { ContentError } from './front-matter.ts';
import type { LoadedDocument } from './read-content.ts';

const RFC_FILE = /^(\d{1,4})-([a-z0-9][a-z0-9-]*)$/;

export function padRfcNumber(n: number): string {
	return String(n).padStart(4, '0');
}

/** `sectionPath` is where the kind's pages are (its `paths` option), for messages. */
export function entryId(loaded: LoadedDocument<ContentKind>, kind: ContentKind, sectionPath: string = KINDS[kind].path): string {
	const { source, data } = loaded;
	if (kind === 'rfcs') {
		const match = RFC_FILE.exec(source.stem);
		const number = (data as { number: number }).number;
		if (!match) {
			throw new ContentError(source.file, [{ message: `RFC files must be named NNNN-slug.md, such as ${padRfcNumber(number)}-${slug((data as { title: string }).title)}.md` }]);
		}
		if (Number(match[1]) !== number) {
			throw new ContentError(source.file, [
				{ ...loaded.doc.positionOf(['number']), field: 'number', message: `must match the file name's number ${match[1]} (it is ${number})` },
			]);
		}
		return `${padRfcNumber(number)}-${match[2]}`;
	}
	const permalink = (data as { permalink?: string }).permalink;
	const id = permalink ?? source.stem;
	const problem = permalinkProblem(kind, id, permalink === undefined, sectionPath);
	if (problem) throw new ContentError(source.file, [{ ...(permalink === undefined ? {} : loaded.doc.positionOf(['permalink'])), message: problem }]);
	return id;
}

/** Why an entry cannot live at `/<section>/<id>/`, or undefined when it can. */
export function permalinkProblem(kind: ContentKind, id: string, fromFileName: boolean, sectionPath: string = KINDS[kind].path): string | undefined {
	const where = fromFileName ? 'the file name' : 'permalink';
	if (fromFileName && !PERMALINK_SHAPE.test(id)) {
		return `the file name is the page's URL, so it must be letters, digits, ".", "_" or "-"; rename it, or set a permalink`;
	}
	if (reservedNames(kind).includes(id)) return `${where} "${id}" is taken by the site's own page /${sectionPath}/${id}; choose another`;
	return undefined;
}

/** The same rule as the `permalink` field's: one URL path segment. */
const PERMALINK_SHAPE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Collects ids and reports the second file that claims one. Two entries at
 * one URL would silently overwrite each other.
 */
export class IdRegistry {
	readonly #owners = new Map<string, string>();
	readonly #what: string;
	constructor(what: string) {
		this.#what = what;
	}
	claim(id: string, file: string): ContentError | undefined {
		const owner = this.#owners.get(id);
		if (owner && owner !== file) {
			return new ContentError(file, [{ message: `${this.#what} "${id}" is already used by ${owner}; each must be unique` }]);
		}
		this.#owners.set(id, file);
		return undefined;
	}
}
