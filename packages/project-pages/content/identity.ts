/**
 * Where each entry lives on the site. mirage-www's permalinks win over file
 * names; RFCs are `NNNN-slug`, with the number checked against the file name.
 */
import { slug } from '../utils/slug.ts';
import { URL_SEGMENT } from './fields.ts';
import { KINDS, reservedNames, SECTION_FILES, type ContentKind } from './kinds.ts';
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

/**
 * Why an entry cannot live at `/<section>/<id>/`, or undefined when it can:
 * the one rule for permalinks and file names, used by the loaders and the
 * checker. Names are compared without case, as macOS and Windows file
 * systems compare them. `sectionPath` is where the kind's pages are (its
 * `paths` option), for messages.
 */
export function permalinkProblem(kind: ContentKind, id: string, fromFileName: boolean, sectionPath: string = KINDS[kind].path): string | undefined {
	const where = fromFileName ? 'the file name' : 'permalink';
	const fix = fromFileName ? 'rename the file, or set a permalink' : 'choose another';
	if (fromFileName && !URL_SEGMENT.test(id)) {
		return `the file name is the page's URL, so it must be letters, digits, ".", "_" or "-"; rename it, or set a permalink`;
	}
	const lower = id.toLowerCase();
	if (SECTION_FILES.includes(lower)) {
		return `${where} "${id}" would collide with the file of the site's own page /${sectionPath}/ (${sectionPath}/${lower}); ${fix}`;
	}
	const reserved = reservedNames(kind).find((name) => name === lower);
	if (reserved) return `${where} "${id}" is taken by the site's own page /${sectionPath}/${reserved}; ${fix}`;
	return undefined;
}

/**
 * Collects ids and reports the second file that claims one. Two entries at
 * one URL would silently overwrite each other; so would `Foo` and `foo` on
 * a file system that ignores case, so ids are compared without it.
 */
export class IdRegistry {
	readonly #owners = new Map<string, string>();
	readonly #what: string;
	constructor(what: string) {
		this.#what = what;
	}
	claim(id: string, file: string): ContentError | undefined {
		const key = id.toLowerCase();
		const owner = this.#owners.get(key);
		if (owner && owner !== file) {
			return new ContentError(file, [{ message: `${this.#what} "${id}" is already used by ${owner}; each must be unique` }]);
		}
		this.#owners.set(key, file);
		return undefined;
	}
}
