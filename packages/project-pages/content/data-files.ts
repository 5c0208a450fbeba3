/**
 * The YAML data files beside the content folders, and the one reader for
 * them: `people.yaml` (who the names in content are), `papers.yml` (the
 * papers page, mirage-www's `data/paper/papers.yml` as it is) and
 * `docs.yaml` (how the docs index groups the guides). Each is validated with
 * its schema; a problem names the file, the line and the field. Read with
 * the core schema, as front matter is: no tags construct anything.
 */
import { z } from 'astro/zod';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { CONTENT_KINDS } from './kinds.ts';
import { ContentError, decodeUtf8, type Problem } from './front-matter.ts';
import { LinkField, listOf, NonEmptyString } from './fields.ts';
import { describeIssues } from './issues.ts';
import { readRegularFile } from './read-content.ts';

/** A link of a paper: "Download PDF", "Read Online". Its URL follows the one URL rule (utils/safe-url.ts). */
const PaperLink = z.strictObject({
	description: NonEmptyString,
	uri: LinkField(),
});

/** One entry of `papers.yml`, in mirage-www's shape. */
export const PaperFields = z.strictObject({
	/** A short id, unique in the file: the paper's anchor on the page (`#paper-<name>`). */
	name: z
		.string({ error: 'must be a short id such as "asplos"' })
		.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: 'must be letters, digits, ".", "_" or "-", such as "asplos"' }),
	title: NonEmptyString,
	authors: listOf(NonEmptyString).default([]),
	/** The venue line: "In Communications of the ACM, January 2014." */
	description: NonEmptyString.optional(),
	/** Text; inline HTML such as `<em>` is kept, through the sanitizer like contributed content. */
	abstract: NonEmptyString.optional(),
	links: listOf(PaperLink).default([]),
});
export const PapersFile = z.array(PaperFields, { error: 'must be a list of papers' });
export type PaperData = z.output<typeof PaperFields>;

/** Papers that reuse an earlier paper's name (the name is the paper's anchor), as problems on the field. */
export function repeatedPaperNames(papers: readonly PaperData[]): Problem[] {
	const first = new Map<string, number>();
	return papers.flatMap((paper, i) => {
		const earlier = first.get(paper.name.toLowerCase());
		if (earlier === undefined) {
			first.set(paper.name.toLowerCase(), i);
			return [];
		}
		return [{ field: `${i}.name`, message: `"${paper.name}" is already the name of paper ${earlier}; each paper needs its own` }];
	});
}

/** What the papers collection stores: the fields, the abstract rendered and sanitized, and the order in the file. */
export const PaperEntry = PaperFields.extend({ abstractHtml: z.string().optional(), order: z.number() });

/**
 * A line of a docs section: a site path (`/docs/install`, `/security`, `/papers`, with or without
 * the trailing slash, as mirage-www writes them), or a link of any kind with its own title.
 */
const DocsPage = z.union(
	[
		z.string({ error: 'must be a site path such as /docs/install' }).regex(/^\/(?!\/)/, { error: 'must be a site path starting with "/", such as /docs/install' }),
		z.strictObject({ title: NonEmptyString, href: LinkField() }),
	],
	{ error: 'must be a site path such as /docs/install, or { title, href }' },
);

const DocsSection = z
	.strictObject({
		title: NonEmptyString,
		/** One line under the section's title. */
		description: NonEmptyString.optional(),
		/** The section's guides and links, in order. */
		pages: z.array(DocsPage, { error: 'must be a list of site paths such as /docs/install' }).default([]),
		/** Every entry of a kind, newest first, each with its description: `list: minutes` (mirage-www's "former weekly calls"). */
		list: z.enum(CONTENT_KINDS, { error: `must be one of ${CONTENT_KINDS.join(', ')}` }).optional(),
	})
	.refine((section) => section.pages.length > 0 || section.list !== undefined, { error: 'must have pages, or list a kind' });

/** `docs.yaml`: the docs index's title, its sections in order. Guides in no section are listed after them. */
export const DocsIndexFields = z.strictObject({
	title: NonEmptyString.optional(),
	description: NonEmptyString.optional(),
	sections: z.array(DocsSection, { error: 'must be a list of sections' }).default([]),
});
export type DocsIndexData = z.output<typeof DocsIndexFields>;
export type DocsIndexPage = DocsIndexData['sections'][number]['pages'][number];
export const DocsIndexEntry = DocsIndexFields.extend({ file: z.string() });

export interface DataFile<T> {
	data: T;
	/** The line of a field, by its path (`[0, 'links', 1, 'uri']`), for messages about it. */
	lineOf(path: readonly (string | number)[]): number | undefined;
}

/**
 * Reads and validates one data file; undefined when there is none. Refuses what is not a regular
 * file inside the project (content/read-content.ts), and throws a `ContentError` naming the file,
 * the line and the field of every problem.
 */
export async function readDataFile<S extends z.ZodType>(
	absolute: string,
	file: string,
	schema: S,
	/** What an empty file holds: `[]` for a list. */
	empty?: unknown,
): Promise<DataFile<z.output<S>> | undefined> {
	let bytes: Buffer;
	try {
		// A regular file only: never a link followed out of the content folder, never a 50 MB file.
		bytes = await readRegularFile(absolute, file);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
	const lineCounter = new LineCounter();
	const doc = parseDocument(decodeUtf8(file, bytes), { schema: 'core', resolveKnownTags: false, lineCounter, uniqueKeys: true });
	if (doc.errors[0]) {
		const pos = lineCounter.linePos(doc.errors[0].pos[0]);
		throw new ContentError(file, [{ line: pos.line, column: pos.col, message: `is not valid YAML: ${doc.errors[0].message.split('\n')[0]}` }]);
	}
	const lineOf = (path: readonly (string | number)[]) => lineIn(doc, lineCounter, path);
	const result = schema.safeParse(doc.toJS({ maxAliasCount: 20 }) ?? empty, { reportInput: true });
	if (result.success) return { data: result.data, lineOf };
	const problems: Problem[] = describeIssues(result.error.issues).map((p) => ({
		line: lineOf(p.path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k))),
		field: p.path || undefined,
		message: p.message,
	}));
	throw new ContentError(file, problems);
}

/** The line where the value at `path` starts, or the nearest enclosing one that exists. */
function lineIn(doc: Document, lines: LineCounter, path: readonly (string | number)[]): number | undefined {
	for (let n = path.length; n >= 0; n--) {
		const node = doc.getIn(path.slice(0, n), true) as { range?: number[] } | undefined;
		if (node?.range) return lines.linePos(node.range[0]!).line;
	}
	return undefined;
}
