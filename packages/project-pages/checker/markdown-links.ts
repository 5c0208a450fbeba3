/**
 * Links, images and GitHub references in a markdown body, with their line
 * and column in the file (the body's own positions shifted by the line the
 * body starts on). Parsed by the parser the build uses for that file, so
 * that what counts as a link is what the page will have: Sätteri for `.md`
 * (markdown/render.ts), unified's remark for `.mdx` (what @astrojs/mdx
 * compiles posts with). Nothing inside code counts; reference-style links
 * are resolved through their definitions.
 */
import type { Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { markdownToMdast } from 'satteri';
import { unified } from 'unified';
import { findReferences, type GitHubRef } from '../ci/references.ts';
import { dialectFeatures, type MarkdownDialect } from '../markdown/dialects.ts';
import { guardUntrusted } from '../markdown/input-guard.ts';
import { decodeCharacterReferences } from '../utils/character-references.ts';
import { isSafeUrl, srcsetUrls } from '../utils/safe-url.ts';

export interface Located {
	line: number;
	column: number;
}

export interface BodyLinks {
	/** Targets of `[text](url)`, `<url>`, `[ref]: url` definitions and raw HTML's `<a href>` and `<area href>`. */
	links: Array<Located & { url: string }>;
	/** Markdown images, and the sources (`srcset` candidates too) of raw HTML `<img>`, `<iframe>`, `<video>`, `<audio>`, `<source>`, `<embed>` and `<object>`. */
	images: Array<Located & { url: string }>;
	/** `owner/repo#N` and GitHub issue or pull-request URLs, in text and link targets. */
	references: Array<Located & { ref: GitHubRef }>;
}

const mdxParser = unified().use(remarkParse);

// A whole tree is built in JS, so hostile input is defused as the minutes extractor does it (the same
// lines, so positions hold): remark's parser, too, takes a second per few KB of `._._._` that the guard's
// escaped underscores spare it.
const PARSE_LIMITS = { maxAmpersands: 1000 };

function parse(body: string, mdx: boolean, dialect: MarkdownDialect | undefined): Root {
	const guarded = guardUntrusted(body, PARSE_LIMITS);
	if (mdx) return mdxParser.parse(guarded.source) as Root;
	// The build's features for the file's dialect (markdown/render.ts): under `commonmark`, `[^7]: url` is
	// a link definition, not a footnote.
	const reading = dialectFeatures(dialect);
	return markdownToMdast(guarded.source, {
		features: { gfm: reading.gfm, smartPunctuation: reading.smartPunctuation && guarded.smartPunctuation, frontmatter: false },
	}) as Root;
}

/**
 * A start tag of the named elements: its name, then its attributes up to the `>` that ends it (one in a
 * quoted value does not). Never past the next `<`, so that each search ends there and a body of unclosed
 * tags is read in linear time.
 */
const startTags = (names: string) => new RegExp(`<(${names})(?=[\\s/>])((?:[^<>"']|"[^"<]*"|'[^'<]*')*)>`, 'gi');
/** Elements of raw HTML whose source is a file the page loads. */
const EMBEDDED = startTags('img|iframe|video|audio|source|embed|object');
/** Elements of raw HTML that link. */
const LINKING = startTags('a|area');
/** One attribute, read from where the last ended as a browser reads it: a name, then maybe `=` and a value. */
const ATTRIBUTE = /[\s/]*([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/y;

/** Which element may name a file to load with which attribute. */
function embeds(element: string, attribute: string): boolean {
	if (attribute === 'data') return element === 'object';
	if (attribute === 'poster') return element === 'video';
	if (attribute === 'srcset') return element === 'img' || element === 'source';
	if (attribute === 'src') return element !== 'object';
	return false;
}

interface Attribute {
	element: string;
	name: string;
	/** Entity-decoded, as a browser reads it. */
	value: string;
	/** Where the attribute's name starts in the HTML. */
	offset: number;
}

/** The attributes of each start tag that `tags` finds, the first of each name only (a browser ignores the others). */
function attributes(html: string, tags: RegExp): Attribute[] {
	const out: Attribute[] = [];
	for (const tag of html.matchAll(tags)) {
		const element = tag[1]!.toLowerCase();
		const text = tag[2]!;
		const seen = new Set<string>();
		ATTRIBUTE.lastIndex = 0;
		for (let match = ATTRIBUTE.exec(text); match && match[0] !== ''; match = ATTRIBUTE.exec(text)) {
			const name = match[1]!.toLowerCase();
			if (seen.has(name)) continue;
			seen.add(name);
			const value = (match[2] ?? match[3] ?? match[4] ?? '').trim();
			const nameAt = match.index + match[0].indexOf(match[1]!);
			if (value) out.push({ element, name, value: decodeCharacterReferences(value), offset: tag.index + 1 + tag[1]!.length + nameAt });
		}
	}
	return out;
}

/**
 * The sources raw HTML embeds (`<img src="/graphics/x.png">`), where each is in the HTML's text. A
 * `srcset` gives each candidate up to the first unsafe one: the sanitizer drops the whole attribute
 * then, and the pieces after it may be a data: URL's commas.
 */
function embeddedSources(html: string): Array<{ url: string; offset: number }> {
	const out: Array<{ url: string; offset: number }> = [];
	for (const { element, name, value, offset } of attributes(html, EMBEDDED)) {
		if (!embeds(element, name)) continue;
		if (name !== 'srcset') {
			out.push({ url: value, offset });
			continue;
		}
		for (const url of srcsetUrls(value)) {
			out.push({ url, offset });
			if (!isSafeUrl(url)) break;
		}
	}
	return out;
}

/** The targets of raw HTML's links (`<a href="/blog/x/">`), where each is in the HTML's text. */
function linkTargets(html: string): Array<{ url: string; offset: number }> {
	return attributes(html, LINKING)
		.filter(({ name }) => name === 'href')
		.map(({ value, offset }) => ({ url: value, offset }));
}

export interface ScanOptions {
	/** The body is an MDX post's, which @astrojs/mdx parses with remark rather than Sätteri. */
	mdx?: boolean;
	/** How the file's kind is read on the site (the `markdown` option). */
	dialect?: MarkdownDialect;
}

export function scanBody(body: string, bodyLine: number, { mdx = false, dialect }: ScanOptions = {}): BodyLinks {
	const tree = parse(body, mdx, dialect);
	const lines = body.split('\n');
	const out: BodyLinks = { links: [], images: [], references: [] };
	const definitions = new Map<string, string>();
	const collect = (node: Nodes): void => {
		if (node.type === 'definition') definitions.set(node.identifier.toLowerCase(), node.url);
		else if ('children' in node) for (const child of node.children) collect(child as Nodes);
	};
	collect(tree);
	const at = (node: Nodes): Located => ({
		line: (node.position?.start.line ?? 1) + bodyLine - 1,
		column: node.position?.start.column ?? 1,
	});

	const walk = (node: Nodes): void => {
		switch (node.type) {
			case 'link':
			case 'definition': {
				out.links.push({ ...at(node), url: node.url });
				const ref = findReferences(node.url).find((r) => r.index === 0);
				if (ref) {
					out.references.push({ ...at(node), ref });
					// The link's text usually repeats its URL; one report is enough.
					return;
				}
				break;
			}
			case 'image':
				out.images.push({ ...at(node), url: node.url });
				return;
			case 'imageReference': {
				const url = definitions.get(node.identifier.toLowerCase());
				if (url !== undefined) out.images.push({ ...at(node), url });
				return;
			}
			case 'text':
				for (const ref of findReferences(node.value)) {
					const raw = node.value.slice(ref.index, ref.index + ref.length);
					out.references.push({ ...offsetIn(node.value, ref.index, at(node), raw, lines, bodyLine), ref });
				}
				return;
			case 'html': {
				const start = at(node);
				const locate = (offset: number): Located => {
					const before = node.value.slice(0, offset);
					const newlines = before.split('\n').length - 1;
					return { line: start.line + newlines, column: newlines === 0 ? start.column + offset : offset - before.lastIndexOf('\n') };
				};
				for (const { url, offset } of embeddedSources(node.value)) out.images.push({ ...locate(offset), url });
				for (const { url, offset } of linkTargets(node.value)) out.links.push({ ...locate(offset), url });
				return;
			}
			case 'code':
			case 'inlineCode':
				return;
		}
		if ('children' in node) for (const child of node.children) walk(child as Nodes);
	};
	walk(tree);
	return out;
}

/**
 * Position of `index` inside a text node's value that starts at `start`. A
 * value drops the indentation of continuation lines, so the column is looked
 * up in the source line itself.
 */
function offsetIn(value: string, index: number, start: Located, raw: string, lines: readonly string[], bodyLine: number): Located {
	const before = value.slice(0, index);
	const newlines = before.split('\n').length - 1;
	if (newlines === 0) return { line: start.line, column: start.column + index };
	const line = start.line + newlines;
	const found = lines[line - bodyLine]?.indexOf(raw) ?? -1;
	return { line, column: found >= 0 ? found + 1 : index - before.lastIndexOf('\n') };
}
