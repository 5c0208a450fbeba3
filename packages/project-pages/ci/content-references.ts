/**
 * The GitHub references and repos the site's content names, so the loader
 * fetches their state along with the toolchain: front matter `discussion`
 * (RFC pull requests), `repos` (projects), `affects` / `affected` /
 * `affected_repos` (RFCs), and `owner/repo#N` or issue URLs in bodies.
 * Read-only and forgiving: a file with broken front matter is still scanned
 * (the content checker reports the breakage, not this).
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { listContentFiles, readRegularFile } from '../content/read-content.ts';
import { parseFrontMatter } from '../content/front-matter.ts';
import { findReferences, parseReference } from './references.ts';
import { isRepoName } from '../utils/github-names.ts';

const REPO_FIELDS = ['repos', 'affects', 'affected', 'affected_repos'] as const;
const REFERENCE_FIELDS = ['discussion'] as const;

/**
 * The content files, as the loaders list them (content/read-content.ts): no
 * symbolic link is followed, nothing but regular markdown files is read.
 */
async function markdownFiles(dir: string): Promise<string[]> {
	return (await listContentFiles(dir, '.')).filter((f) => !f.refused).map((f) => f.absolutePath);
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** Code is not prose: references inside fenced or inline code are not links. */
function withoutCode(body: string): string {
	return body.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const NAMES_A_FIELD = new RegExp(`^[ \\t]*['"]?(?:${[...REFERENCE_FIELDS, ...REPO_FIELDS].join('|')})['"]?\\s*:`, 'm');

/**
 * Front matter and body. The YAML is parsed only when it names a field read
 * here: most files name none, and parsing all of them cost more than
 * scanning their bodies. Broken YAML leaves the whole text to scan as prose.
 */
function splitFrontMatter(text: string): { data: Record<string, unknown>; body: string; frontMatter: string } {
	// A byte-order mark is not part of the first line, as for the pages' own front-matter parser.
	if (text.startsWith('\uFEFF')) text = text.slice(1);
	const m = FRONT_MATTER.exec(text);
	if (!m) return { data: {}, body: text, frontMatter: '' };
	const body = text.slice(m[0].length);
	const frontMatter = m[1]!;
	if (!NAMES_A_FIELD.test(frontMatter)) return { data: {}, body, frontMatter };
	try {
		// The site's one front-matter parser (YAML only, never code); the file name is only for its messages.
		return { data: parseFrontMatter('content', text).data, body, frontMatter };
	} catch {
		return { data: {}, body: text, frontMatter };
	}
}

/** What one document names. */
export interface DocumentReferences {
	/** References in front-matter fields (an RFC's `discussion`). */
	fields: string[];
	/** References in the prose, in order of appearance. */
	body: string[];
	repos: string[];
	/** The document's day (`YYYY-MM-DD`), from its `date`/`created` field or its file name: newer content's references are fetched first. */
	date?: string;
}

const DATE_FIELD = /^[ \t]*['"]?(?:date|created)['"]?[ \t]*:[ \t]*['"]?(\d{4})-(\d{1,2})-(\d{1,2})/m;
const DATE_IN_NAME = /(?:^|[^0-9])(\d{4})-(\d{1,2})-(\d{1,2})(?![0-9])/;
const day = (m: RegExpExecArray | null) => m && `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;

/** Scans one document's text; `name` (its file name) may carry its date, as minutes' `2015-03-04.md` do. */
export function referencesInDocument(text: string, name = ''): DocumentReferences {
	const fields = new Set<string>();
	const body = new Set<string>();
	const repos = new Set<string>();
	const { data, body: prose, frontMatter } = splitFrontMatter(text);
	for (const field of REFERENCE_FIELDS) {
		for (const v of asList(data[field])) {
			const ref = typeof v === 'string' ? parseReference(v) : undefined;
			if (ref) fields.add(ref.id);
		}
	}
	for (const field of REPO_FIELDS) {
		for (const v of asList(data[field])) {
			if (typeof v === 'string' && isRepoName(v.trim())) repos.add(v.trim());
		}
	}
	for (const ref of findReferences(withoutCode(prose))) if (!fields.has(ref.id)) body.add(ref.id);
	const found: DocumentReferences = { fields: [...fields], body: [...body], repos: [...repos] };
	const date = day(DATE_FIELD.exec(frontMatter)) ?? day(DATE_IN_NAME.exec(name));
	if (date) found.date = date;
	return found;
}

/** What one file named, remembered with the file's size and time so an unchanged file is not read again. */
export type ReferenceCache = Record<string, [mtimeMs: number, size: number, found: DocumentReferences]>;

/**
 * Scans `contentDir/**\/*.md(x)`. With a cache from the last build, only
 * files whose size or time changed are read (a rebuild with nothing changed
 * reads none); the cache for the next build is filled in place.
 *
 * References come unique (case-insensitively) and in the order a build
 * fetches them when it cannot fetch all (`ci.maxReferences`): those in
 * front-matter fields first, then those in the prose of the newest content
 * first (by its date; undated files last), file path breaking ties. Repos
 * come sorted.
 */
export async function collectContentReferences(
	contentDir: string,
	cache: ReferenceCache = {},
): Promise<{ references: string[]; repos: string[] }> {
	const files = await markdownFiles(contentDir);
	const found = await Promise.all(
		files.map(async (file) => {
			const { mtimeMs, size } = await stat(file);
			const hit = cache[file];
			if (hit && hit[0] === mtimeMs && hit[1] === size) return { file, ...hit[2] };
			// Past the size cap (or replaced by a link since the listing) it is not content: the loaders report it.
			const bytes = await readRegularFile(file, file).catch(() => undefined);
			if (!bytes) return { file, fields: [], body: [], repos: [] };
			const result = referencesInDocument(bytes.toString('utf8'), basename(file));
			cache[file] = [mtimeMs, size, result];
			return { file, ...result };
		}),
	);
	const present = new Set(files);
	for (const key of Object.keys(cache)) if (!present.has(key)) delete cache[key];
	const newestFirst = [...found].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.file.localeCompare(b.file));
	const references = new Map<string, string>();
	const add = (r: string) => references.has(r.toLowerCase()) || references.set(r.toLowerCase(), r);
	for (const f of newestFirst) f.fields.forEach(add);
	for (const f of newestFirst) f.body.forEach(add);
	const repos = new Map<string, string>();
	for (const f of found) for (const r of f.repos) if (!repos.has(r.toLowerCase())) repos.set(r.toLowerCase(), r);
	return { references: [...references.values()], repos: [...repos.values()].sort((a, b) => a.localeCompare(b)) };
}
