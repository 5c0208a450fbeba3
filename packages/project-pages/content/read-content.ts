/**
 * Reads one content folder: every markdown file, decoded, split and validated.
 * Shared by the build's loaders and the content checker, so that both see the
 * same files and report the same problems.
 */
import { constants, type Dirent } from 'node:fs';
import { lstat, open, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'astro/zod';
import { KINDS, type ContentKind } from './kinds.ts';
import { ContentError, decodeUtf8, parseFrontMatter, type ParsedDocument } from './front-matter.ts';
import { validateFrontMatter, type FrontMatterOf } from './validate.ts';

export interface ContentFile {
	/** Path relative to the project root, with forward slashes: what messages print. */
	file: string;
	absolutePath: string;
	/** File name without its extension. */
	stem: string;
	extension: string;
	/**
	 * Why this is not read as content (a symbolic link, not a regular file).
	 * Reading it throws a `ContentError` with this message, so that every
	 * caller reports it as it reports any other broken file.
	 */
	refused?: string;
}

const MARKDOWN = /\.(md|mdx|markdown)$/i;

/**
 * The largest content file read, in bytes. mirage-www's largest file is
 * 79 KB, its largest minutes 11 KB; a file far past that is refused with its
 * size rather than parsed (the checker's markdown parser alone takes seconds
 * per megabyte of hostile text).
 */
export const MAX_CONTENT_BYTES = 1024 * 1024;

const SYMLINK = 'is a symbolic link; content files must be regular files inside the content folder (replace the link with the file itself)';
const NOT_REGULAR = 'is not a regular file; content files must be regular files inside the content folder';

/**
 * Every markdown file under `directory` (relative to `root`), sorted: the one
 * listing of content files, for the loaders of every kind and the checker.
 * Symbolic links are never followed: a link, to a file or a folder, inside
 * or outside the content folder, is listed as refused (so it is reported
 * with its name), as is anything that is not a regular file. The walk keeps
 * its own stack: no recursion, no loop through a link to `/`.
 */
export async function listContentFiles(root: string, directory: string): Promise<ContentFile[]> {
	const absoluteDir = path.resolve(root, directory);
	const linked = await linkOnTheWay(root, absoluteDir);
	if (linked === null) return [];
	if (linked) return [describe(root, linked, SYMLINK)];
	const out: ContentFile[] = [];
	const folders = [absoluteDir];
	while (folders.length > 0) {
		const folder = folders.pop()!;
		let entries: Dirent[];
		try {
			entries = await readdir(folder, { withFileTypes: true });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
			throw error;
		}
		for (const entry of entries) {
			const absolutePath = path.join(folder, entry.name);
			if (entry.isDirectory()) folders.push(absolutePath);
			else if (entry.isSymbolicLink()) out.push(describe(root, absolutePath, SYMLINK));
			else if (!MARKDOWN.test(entry.name) || entry.name.startsWith('_')) continue;
			else out.push(describe(root, absolutePath, entry.isFile() ? undefined : NOT_REGULAR));
		}
	}
	return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * The first folder from `root` down to `dir` that is a symbolic link (a
 * content folder replaced by a link to `/`), undefined when there is none,
 * null when `dir` does not exist.
 */
async function linkOnTheWay(root: string, dir: string): Promise<string | undefined | null> {
	const relative = path.relative(path.resolve(root), dir);
	if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
	let at = path.resolve(root);
	for (const segment of relative.split(path.sep).filter(Boolean)) {
		at = path.join(at, segment);
		const stats = await lstat(at).catch((error: NodeJS.ErrnoException) => {
			if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
			throw error;
		});
		if (stats === null) return null;
		if (stats.isSymbolicLink()) return at;
	}
	return undefined;
}

function describe(root: string, absolutePath: string, refused: string | undefined): ContentFile {
	const name = path.basename(absolutePath);
	const extension = path.extname(name).toLowerCase();
	return {
		file: path.relative(root, absolutePath).split(path.sep).join('/'),
		absolutePath,
		stem: path.basename(name, path.extname(name)),
		extension,
		...(refused ? { refused } : {}),
	};
}

/**
 * A content file's bytes, refusing what is not a regular file of at most
 * `MAX_CONTENT_BYTES`. The file is opened without following a final link
 * and without blocking (a named pipe would otherwise wait for a writer), so
 * a link put in place after the listing is refused too.
 */
export async function readRegularFile(absolutePath: string, file: string): Promise<Buffer> {
	let handle;
	try {
		handle = await open(absolutePath, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new ContentError(file, [{ message: SYMLINK }]);
		throw error;
	}
	try {
		const stats = await handle.stat();
		if (!stats.isFile()) throw new ContentError(file, [{ message: NOT_REGULAR }]);
		if (stats.size > MAX_CONTENT_BYTES) {
			const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
			throw new ContentError(file, [{ message: `is ${mb(stats.size)}; a content file may be at most ${mb(MAX_CONTENT_BYTES)}` }]);
		}
		return await handle.readFile();
	} finally {
		await handle.close();
	}
}

export interface LoadedDocument<K extends ContentKind> {
	source: ContentFile;
	text: string;
	doc: ParsedDocument;
	data: FrontMatterOf<K>;
}

/** A listed file's text; throws a `ContentError` naming the file when it was refused or cannot be read as content. */
export async function readContentText(source: ContentFile): Promise<string> {
	if (source.refused) throw new ContentError(source.file, [{ message: source.refused }]);
	return decodeUtf8(source.file, await readRegularFile(source.absolutePath, source.file));
}

/**
 * Parses and validates one file (with the site's extended schema, if any); throws a `ContentError`
 * naming the file. `trusted`: whether the kind is maintainer content on this site (`isTrusted`).
 */
export function loadDocument<K extends ContentKind>(
	kind: K,
	source: ContentFile,
	text: string,
	schema?: z.ZodType,
	trusted: boolean = KINDS[kind].trusted,
): LoadedDocument<K> {
	assertAcceptedExtension(kind, source, trusted);
	const doc = parseFrontMatter(source.file, text);
	return { source, text, doc, data: validateFrontMatter(kind, source.file, doc.data, doc.positionOf, schema) };
}

/** Only `.md` in the kinds that arrive from outside contributors; throws a `ContentError` otherwise. */
export function assertAcceptedExtension(kind: ContentKind, source: ContentFile, trusted: boolean = KINDS[kind].trusted): void {
	if (source.extension !== '.md' && !trusted) {
		throw new ContentError(source.file, [
			{ message: `only .md files are accepted in ${kind}/ (MDX runs code at build time, and ${kind} arrive from outside contributors); rename it to .md` },
		]);
	}
}
