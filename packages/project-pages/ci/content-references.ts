/**
 * The GitHub references and repos the site's content names, so the loader
 * fetches their state along with the toolchain: front matter `discussion`
 * (RFC pull requests), `repos` (projects), `affects` / `affected` /
 * `affected_repos` (RFCs), and `owner/repo#N` or issue URLs in bodies.
 * Read-only and forgiving: a file with broken front matter is still scanned
 * (the content checker reports the breakage, not this).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFrontMatter } from '../content/front-matter.ts';
import { findReferences, parseReference } from './references.ts';

const REPO_FIELDS = ['repos', 'affects', 'affected', 'affected_repos'] as const;
const REFERENCE_FIELDS = ['discussion'] as const;
const OWNER_REPO = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/[A-Za-z0-9._-]{1,100}$/;

async function markdownFiles(dir: string): Promise<string[]> {
	let entries;
	try {
		entries = await readdir(dir, { withFileTypes: true, recursive: true });
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw e;
	}
	return entries
		.filter((e) => e.isFile() && /\.mdx?$/.test(e.name))
		.map((e) => join(e.parentPath, e.name))
		.sort();
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
function splitFrontMatter(text: string): { data: Record<string, unknown>; body: string } {
	// A byte-order mark is not part of the first line, as for the pages' own front-matter parser.
	if (text.startsWith('\uFEFF')) text = text.slice(1);
	const m = FRONT_MATTER.exec(text);
	if (!m) return { data: {}, body: text };
	const body = text.slice(m[0].length);
	if (!NAMES_A_FIELD.test(m[1]!)) return { data: {}, body };
	try {
		// The site's one front-matter parser (YAML only, never code); the file name is only for its messages.
		return { data: parseFrontMatter('content', text).data, body };
	} catch {
		return { data: {}, body: text };
	}
}

/** Scans one document's text. */
export function referencesInDocument(text: string): { references: string[]; repos: string[] } {
	const references = new Set<string>();
	const repos = new Set<string>();
	const { data, body } = splitFrontMatter(text);
	for (const field of REFERENCE_FIELDS) {
		for (const v of asList(data[field])) {
			const ref = typeof v === 'string' ? parseReference(v) : undefined;
			if (ref) references.add(ref.id);
		}
	}
	for (const field of REPO_FIELDS) {
		for (const v of asList(data[field])) {
			if (typeof v === 'string' && OWNER_REPO.test(v.trim())) repos.add(v.trim());
		}
	}
	for (const ref of findReferences(withoutCode(body))) references.add(ref.id);
	return { references: [...references], repos: [...repos] };
}

/** What one file named, remembered with the file's size and time so an unchanged file is not read again. */
export type ReferenceCache = Record<string, [mtimeMs: number, size: number, found: { references: string[]; repos: string[] }]>;

/**
 * Scans `contentDir/**\/*.md(x)`; results are unique and sorted. With a
 * cache from the last build, only files whose size or time changed are read
 * (a rebuild with nothing changed reads none); the cache for the next build
 * is filled in place.
 */
export async function collectContentReferences(
	contentDir: string,
	cache: ReferenceCache = {},
): Promise<{ references: string[]; repos: string[] }> {
	const references = new Map<string, string>();
	const repos = new Map<string, string>();
	const files = await markdownFiles(contentDir);
	const found = await Promise.all(
		files.map(async (file) => {
			const { mtimeMs, size } = await stat(file);
			const hit = cache[file];
			if (hit && hit[0] === mtimeMs && hit[1] === size) return hit[2];
			const result = referencesInDocument(await readFile(file, 'utf8'));
			cache[file] = [mtimeMs, size, result];
			return result;
		}),
	);
	const present = new Set(files);
	for (const key of Object.keys(cache)) if (!present.has(key)) delete cache[key];
	for (const f of found) {
		for (const r of f.references) if (!references.has(r.toLowerCase())) references.set(r.toLowerCase(), r);
		for (const r of f.repos) if (!repos.has(r.toLowerCase())) repos.set(r.toLowerCase(), r);
	}
	const sorted = (m: Map<string, string>) => [...m.values()].sort((a, b) => a.localeCompare(b));
	return { references: sorted(references), repos: sorted(repos) };
}
