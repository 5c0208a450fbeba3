/**
 * Splits a content file into front matter and body: the one front-matter
 * parser, used by the loaders, the checker, the RFC history from git, the
 * changed-pages summary and the status loader's content scan. Untrusted
 * files arrive by pull request, so this is where hostile input is stopped:
 * front matter in any language but YAML (gray-matter would evaluate `---js`
 * as JavaScript), bytes that are not UTF-8, YAML alias bombs, front matter
 * that is not a mapping. YAML is read with the core schema, so tags such as
 * `!!js/function` construct nothing. Every failure is a `ContentError` that
 * names the file and, where known, the line.
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

/** What may follow the opening `---` on its line: nothing, or a name of YAML. */
const YAML_LANGUAGES: ReadonlySet<string> = new Set(['', 'yaml', 'yml']);

/**
 * gray-matter reads the rest of the opening `---` line as the front matter's
 * language and runs that language's engine; its built-in `javascript` engine
 * is `eval`. Anything but YAML is refused before gray-matter sees the file.
 */
function assertYamlFence(file: string, text: string): void {
	const start = text.startsWith('\uFEFF') ? 1 : 0;
	if (!text.startsWith('---', start) || text[start + 3] === '-') return;
	const eol = text.indexOf('\n', start);
	const language = text.slice(start + 3, eol < 0 ? text.length : eol).trim();
	if (YAML_LANGUAGES.has(language.toLowerCase())) return;
	const shown = language.length > 40 ? `${language.slice(0, 40)}…` : language;
	throw new ContentError(file, [
		{ line: 1, message: `front matter must be YAML: remove ${JSON.stringify(shown)} after the opening ---` },
	]);
}

/** Engines gray-matter has built in besides YAML; each is replaced by one that refuses. */
const REFUSED_ENGINES = ['javascript', 'js', 'json', 'coffee', 'coffeescript', 'cson', 'toml'] as const;

function refusingEngine(file: string) {
	return {
		parse: (): never => {
			throw new ContentError(file, [{ line: 1, message: 'front matter must be YAML' }]);
		},
		stringify: (): never => {
			throw new Error('not supported');
		},
	};
}

export function parseFrontMatter(file: string, text: string): ParsedDocument {
	let doc: Document | undefined;
	let source = '';
	const lineCounter = new LineCounter();
	// The precise parser keeps positions for messages; it runs on error, on aliases, or when a position is asked for.
	const preciseParse = () => {
		// resolveKnownTags: false keeps `!!binary`, `!!set` and the like from building anything but plain values.
		if (!doc) doc = parseDocument(source, { schema: 'core', resolveKnownTags: false, lineCounter, prettyErrors: false, uniqueKeys: true });
		return doc;
	};
	assertYamlFence(file, text);
	const refused = refusingEngine(file);
	let parsed: matter.GrayMatterFile<string>;
	try {
		parsed = matter(text, {
			language: 'yaml',
			engines: {
				...Object.fromEntries(REFUSED_ENGINES.map((name) => [name, refused])),
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
						// A tag the core schema does not know (`!!js/function`) is a warning to the YAML library; here it is an error.
						const error = precise.errors[0] ?? precise.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
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
		if (error instanceof ContentError) throw error;
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
	if (error instanceof RangeError || /call stack/i.test(message)) return { line: 2, message: 'front matter is nested too deeply to read' };
	if (/alias/i.test(message) && /excessive|count/i.test(message)) {
		return { line: 2, message: 'front matter uses too many YAML aliases (alias expansion is limited to protect the build)' };
	}
	if (!e.pos) return { message: `front matter is not valid YAML: ${message}` };
	const pos = lines.linePos(e.pos[0]);
	// gray-matter hands over the text after the opening `---` with its newline, so lines already match the file's.
	return { line: pos.line, column: pos.col, message: `front matter is not valid YAML: ${message}` };
}
