/**
 * Reads one content folder: every markdown file, decoded, split and validated.
 * Shared by the build's loaders and the content checker, so that both see the
 * same files and report the same problems.
 */
import { readdir, readFile } from 'node:fs/promises';
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
}

const MARKDOWN = /\.(md|mdx|markdown)$/i;

export async function listContentFiles(root: string, directory: string): Promise<ContentFile[]> {
	const absoluteDir = path.resolve(root, directory);
	let names: string[];
	try {
		names = await readdir(absoluteDir, { recursive: true });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw error;
	}
	return names
		.filter((name) => MARKDOWN.test(name) && !path.basename(name).startsWith('_'))
		.sort()
		.map((name) => {
			const absolutePath = path.join(absoluteDir, name);
			const extension = path.extname(name).toLowerCase();
			return {
				file: path.relative(root, absolutePath).split(path.sep).join('/'),
				absolutePath,
				stem: path.basename(name, path.extname(name)),
				extension,
			};
		});
}

export interface LoadedDocument<K extends ContentKind> {
	source: ContentFile;
	text: string;
	doc: ParsedDocument;
	data: FrontMatterOf<K>;
}

export async function readContentText(source: ContentFile): Promise<string> {
	return decodeUtf8(source.file, await readFile(source.absolutePath));
}

/** Parses and validates one file (with the site's extended schema, if any); throws a `ContentError` naming the file. */
export function loadDocument<K extends ContentKind>(kind: K, source: ContentFile, text: string, schema?: z.ZodType): LoadedDocument<K> {
	assertAcceptedExtension(kind, source);
	const doc = parseFrontMatter(source.file, text);
	return { source, text, doc, data: validateFrontMatter(kind, source.file, doc.data, doc.positionOf, schema) };
}

/** Only `.md` in the kinds that arrive from outside contributors; throws a `ContentError` otherwise. */
export function assertAcceptedExtension(kind: ContentKind, source: ContentFile): void {
	if (source.extension !== '.md' && !KINDS[kind].trusted) {
		throw new ContentError(source.file, [
			{ message: `only .md files are accepted in ${kind}/ (MDX runs code at build time, and ${kind} arrive from outside contributors); rename it to .md` },
		]);
	}
}
