/**
 * Splits a content file into front matter and body. Untrusted files arrive by
 * pull request, so this is where hostile input is stopped: bytes that are not
 * UTF-8, YAML alias bombs, front matter that is not a mapping. Every failure
 * is a `ContentError` that names the file and, where known, the line.
 */
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';

export interface Problem {
	/** 1-based line in the file, when known. */
	line?: number;
	column?: number;
	/** Dotted field path, when the problem is about one field. */
	field?: string;
	message: string;
	severity?: 'error' | 'warning';
}

export class ContentError extends Error {
	readonly file: string;
	readonly problems: Problem[];
	constructor(file: string, problems: Problem[]) {
		super(problems.map((p) => formatProblemLine(file, p)).join('\n'));
		this.name = 'ContentError';
		this.file = file;
		this.problems = problems;
	}
}

export function formatProblemLine(file: string, p: Problem): string {
	const where = p.line ? `${file}:${p.line}${p.column ? `:${p.column}` : ''}` : file;
	return p.field ? `${where}: ${p.field}: ${p.message}` : `${where}: ${p.message}`;
}

export interface ParsedDocument {
	data: Record<string, unknown>;
	body: string;
	/** 1-based line on which the body starts, for positions inside it. */
	bodyLine: number;
	/** Finds the line of a front-matter field, for messages about it. */
	lineOf(path: readonly (string | number)[]): number | undefined;
	/** Line and column (both 1-based) where a front-matter field's value starts. */
	positionOf(path: readonly (string | number)[]): { line: number; column: number } | undefined;
}

/** YAML aliases expand on serialization; a handful is plenty for front matter. */
const MAX_ALIASES = 20;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(file: string, bytes: Uint8Array): string {
	try {
		return utf8.decode(bytes).replace(/^\uFEFF/, '');
	} catch {
		const bad = firstInvalidUtf8Line(bytes);
		throw new ContentError(file, [{ line: bad, message: 'is not valid UTF-8 text; save the file as UTF-8' }]);
	}
}

function firstInvalidUtf8Line(bytes: Uint8Array): number | undefined {
	let line = 1;
	let start = 0;
	for (let i = 0; i <= bytes.length; i++) {
		if (i === bytes.length || bytes[i] === 0x0a) {
			try {
				utf8.decode(bytes.subarray(start, i));
			} catch {
				return line;
			}
			line++;
			start = i + 1;
		}
	}
	return undefined;
}

/**
 * An alias (`*name`) may appear where a value starts. Front matter almost
 * never uses one; when it might, the precise parser with its alias cap runs.
 */
const MAY_HAVE_ALIAS = /(?:^|[\s[{,:-])\*[^\s,\]}]/;

export function parseFrontMatter(file: string, text: string): ParsedDocument {
	let doc: Document | undefined;
	let source = '';
	const lineCounter = new LineCounter();
	// The precise parser keeps positions for messages; it runs on error, on aliases, or when a position is asked for.
	const preciseParse = () => {
		if (!doc) doc = parseDocument(source, { schema: 'core', lineCounter, prettyErrors: false, uniqueKeys: true });
		return doc;
	};
	let parsed: matter.GrayMatterFile<string>;
	try {
		parsed = matter(text, {
			engines: {
				yaml: {
					parse: (yamlSource: string) => {
						source = yamlSource;
						if (!MAY_HAVE_ALIAS.test(source)) {
							try {
								// js-yaml is several times faster, and with the core schema gives the same values.
								const value = yaml.load(source, { schema: yaml.CORE_SCHEMA, filename: file });
								if (value === null || value === undefined) return {};
								if (typeof value === 'object' && !Array.isArray(value)) return value;
							} catch {
								// Fall through: the precise parser words the error and finds its line.
							}
						}
						const precise = preciseParse();
						const error = precise.errors[0];
						if (error) throw error;
						// The core schema leaves dates as strings, so that the date rule sees what was written.
						return (precise.toJS({ maxAliasCount: MAX_ALIASES }) ?? {}) as object;
					},
					stringify: () => {
						throw new Error('not supported');
					},
				},
			},
		});
	} catch (error) {
		throw new ContentError(file, [yamlProblem(error, lineCounter)]);
	}
	// Everything before the body is front matter, however gray-matter trimmed it (`---\n---\n` too).
	const head = text.endsWith(parsed.content) ? text.slice(0, text.length - parsed.content.length) : '';
	const frontMatterLines = head ? head.split('\n').length - 1 : parsed.matter ? parsed.matter.split('\n').length + 1 : 0;
	// Anything that is not a key: value mapping (a list, a bare string) cannot be a document's fields.
	if (doc ? doc.contents !== null && !isMap(doc.contents) : Array.isArray(parsed.data) || typeof parsed.data !== 'object') {
		throw new ContentError(file, [{ line: 2, message: 'front matter must be a YAML mapping of "field: value" lines' }]);
	}
	const data = parsed.data as Record<string, unknown>;
	// Callers pass these around as plain functions, so they must not use `this`.
	const positionOf: ParsedDocument['positionOf'] = (path) => {
		const node = (source ? preciseParse() : undefined)?.getIn(path, true) as { range?: [number, number, number] } | undefined;
		// The pair's key is where the author looks; the value node is close enough.
		const offset = node?.range?.[0];
		if (offset === undefined) return undefined;
		const { line, col } = lineCounter.linePos(offset);
		return { line, column: col };
	};
	return {
		data,
		body: parsed.content,
		bodyLine: frontMatterLines + 1,
		lineOf: (path) => positionOf(path)?.line,
		positionOf,
	};
}

function yamlProblem(error: unknown, lines: LineCounter): Problem {
	const e = error as { message?: string; pos?: [number, number] };
	const message = String(e.message ?? error).split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
	if (/alias/i.test(message) && /excessive|count/i.test(message)) {
		return { line: 2, message: 'front matter uses too many YAML aliases (alias expansion is limited to protect the build)' };
	}
	if (!e.pos) return { message: `front matter is not valid YAML: ${message}` };
	const pos = lines.linePos(e.pos[0]);
	// gray-matter hands over the text after the opening `---` with its newline, so lines already match the file's.
	return { line: pos.line, column: pos.col, message: `front matter is not valid YAML: ${message}` };
}
