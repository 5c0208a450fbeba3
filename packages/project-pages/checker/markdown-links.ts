/**
 * Links, images and GitHub references in a markdown body, with their line
 * and column in the file (the body's own positions shifted by the line the
 * body starts on). Parsed by the parser the build uses for that file, so
 * that what counts as a link is what the page will have: Sätteri for `.md`
 * (markdown/render.ts), and Sätteri's MDX parser for `.mdx` (what
 * @astrojs/mdx compiles posts with unless remark plugins are configured).
 * Nothing inside code counts; reference-style links are resolved through
 * their definitions. Raw HTML is read by Sätteri's HTML parser, as a browser
 * reads it.
 */
import type { Nodes, Root } from 'mdast';
import { htmlToHast, markdownToMdast, mdxToMdast } from 'satteri';
import { unified, type Plugin } from 'unified';
import { findReferences, type GitHubRef } from '../ci/references.ts';
import { dialectFeatures, type MarkdownDialect } from '../markdown/dialects.ts';
import { guardUntrusted } from '../markdown/input-guard.ts';
import { isSafeUrl, srcsetUrls } from '../utils/safe-url.ts';

export interface Located {
	line: number;
	column: number;
}

export interface BodyLinks {
	/** Targets of `[text](url)`, `<url>`, `[ref]: url` definitions, and raw HTML's `<a href>` (`xlink:href` too), `<area href>`, `<form action>` and `formaction`. */
	links: Array<Located & { url: string }>;
	/** Markdown images, and the sources (`srcset` candidates too) of raw HTML `<img>`, `<iframe>`, `<video>`, `<audio>`, `<source>`, `<embed>` and `<object>`. */
	images: Array<Located & { url: string }>;
	/** `owner/repo#N` and GitHub issue or pull-request URLs, in text and link targets. */
	references: Array<Located & { ref: GitHubRef }>;
	/** The input guard changed the body before it was read (`parse`). */
	defused: boolean;
}

/** MDX as @astrojs/mdx reads it: a unified processor whose parser is Sätteri's MDX parser. A file that is not valid MDX throws, naming line and column, as its build would fail. */
const satteriMdx: Plugin<[], string, Root> = function () {
	this.parser = (document) => mdxToMdast(document, { features: { gfm: true, frontmatter: false } }) as Root;
};
const mdxReader = unified().use(satteriMdx);

/**
 * The body through the input guard the build renders a contributed file with (markdown/render.ts; the
 * same lines, so positions hold): a tree is built in JS here, and Sätteri's takes time quadratic in a
 * paragraph's character references (16,000 took 0.6 s; 25,000 ran out of memory). A maintainer's page is
 * rendered without the guard, so when it changes such a file, `defused` says that what is read here
 * may miss what the page has. MDX keeps the tighter limit on character references it always had.
 */
function parse(body: string, mdx: boolean, dialect: MarkdownDialect | undefined): { tree: Root; defused: boolean } {
	const guarded = mdx ? guardUntrusted(body, MDX_LIMITS) : guardUntrusted(body);
	const defused = guarded.source !== body;
	if (mdx) return { tree: mdxReader.parse(guarded.source) as Root, defused };
	// The build's features for the file's dialect (markdown/render.ts): under `commonmark`, `[^7]: url` is
	// a link definition, not a footnote.
	const reading = dialectFeatures(dialect);
	const tree = markdownToMdast(guarded.source, {
		features: { gfm: reading.gfm, smartPunctuation: reading.smartPunctuation && guarded.smartPunctuation, frontmatter: false },
	}) as Root;
	return { tree, defused };
}

const MDX_LIMITS = { maxAmpersands: 1000 };

/** An element of raw HTML, as a browser's parser reads it (Sätteri's, the build's own). */
interface HtmlElement {
	tagName: string;
	properties?: Record<string, unknown>;
	children?: HtmlElement[];
	type: string;
}

/** By element, the attributes that name a file it loads, by the parser's property names. */
const SOURCE_PROPERTIES = new Map<string, readonly string[]>(
	Object.entries({
		img: ['src', 'srcSet'],
		source: ['src', 'srcSet'],
		video: ['src', 'poster'],
		audio: ['src'],
		iframe: ['src'],
		embed: ['src'],
		object: ['data'],
	}),
);

/** By element, the attributes that a click follows or a form sends to. */
const TARGET_PROPERTIES = new Map<string, readonly string[]>(
	Object.entries({
		a: ['href', 'xLinkHref'],
		area: ['href'],
		form: ['action'],
		button: ['formAction'],
		input: ['formAction'],
	}),
);

const stringsOf = (element: HtmlElement, names: readonly string[] = []): Array<[string, string]> =>
	names.flatMap((name) => {
		const value = element.properties?.[name];
		return typeof value === 'string' && value.trim() !== '' ? [[name, value] as [string, string]] : [];
	});

/** The files an element loads. A srcset gives each candidate up to the first unsafe one: the sanitizer drops the whole attribute then, and the pieces after it may be a data: URL's commas. */
function sourcesOf(element: HtmlElement): string[] {
	return stringsOf(element, SOURCE_PROPERTIES.get(element.tagName)).flatMap(([name, value]) => {
		if (name !== 'srcSet') return [value];
		const candidates = srcsetUrls(value);
		const unsafe = candidates.findIndex((url) => !isSafeUrl(url));
		return unsafe < 0 ? candidates : candidates.slice(0, unsafe + 1);
	});
}

/** Where an element's click or form goes. */
function targetsOf(element: HtmlElement): string[] {
	return stringsOf(element, TARGET_PROPERTIES.get(element.tagName)).map(([, value]) => value);
}

/**
 * The links and sources in one node of raw HTML, each at the offset of its element's start tag. The
 * node is parsed as a browser parses it (comments, attribute values, `<textarea>` are text; the first of
 * two same-named attributes counts), in time linear in its length.
 */
function rawHtmlUrls(html: string): Array<{ url: string; offset: number; kind: 'link' | 'source' }> {
	const out: Array<{ url: string; offset: number; kind: 'link' | 'source' }> = [];
	if (!html.includes('<')) return out;
	let searchFrom = 0;
	// The parser keeps no positions: each element's start tag is the next `<name` after the last one's. An
	// element the parser implied (a table's tbody) has none; once a name is not found, it is not sought again.
	const notFound = new Set<string>();
	const patterns = new Map<string, RegExp>();
	const startOf = (tagName: string): number => {
		if (notFound.has(tagName)) return searchFrom;
		let tag = patterns.get(tagName);
		// A parser's tag name may hold any character but space, `/` and `>`.
		if (!tag) patterns.set(tagName, (tag = new RegExp(`<${tagName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'gi')));
		tag.lastIndex = searchFrom;
		const found = tag.exec(html);
		if (!found) {
			notFound.add(tagName);
			return searchFrom;
		}
		searchFrom = found.index + 1;
		return found.index;
	};
	const visit = (node: HtmlElement): void => {
		if (node.type === 'element') {
			const offset = startOf(node.tagName);
			for (const url of targetsOf(node)) out.push({ url: url.trim(), offset, kind: 'link' });
			for (const url of sourcesOf(node)) out.push({ url: url.trim(), offset, kind: 'source' });
		}
		for (const child of node.children ?? []) visit(child);
	};
	visit(htmlToHast(html, { fragment: true }) as unknown as HtmlElement);
	return out;
}

/** JSX attribute names, as written in MDX, by the parser's property names `targetsOf` and `sourcesOf` read. */
const JSX_PROPERTIES = new Map<string, string>(
	Object.entries({
		href: 'href',
		src: 'src',
		srcset: 'srcSet',
		poster: 'poster',
		data: 'data',
		'xlink:href': 'xLinkHref',
		xlinkhref: 'xLinkHref',
		action: 'action',
		formaction: 'formAction',
	}),
);

/**
 * An MDX post's HTML element (`<a href="…">`, lowercase: a capitalised name is a component, whose props
 * are its own), with the attributes written as plain strings. An expression (`href={…}`) is code, which
 * this does not run; of two same-named attributes the last counts, as in JSX.
 */
function jsxElement(node: Nodes): HtmlElement | undefined {
	const element = node as unknown as {
		type: string;
		name?: string | null;
		attributes?: Array<{ type: string; name?: string; value?: unknown }>;
	};
	if ((element.type !== 'mdxJsxFlowElement' && element.type !== 'mdxJsxTextElement') || !element.name || !/^[a-z]/.test(element.name))
		return undefined;
	const properties: Record<string, string> = {};
	for (const attribute of element.attributes ?? []) {
		const property = attribute.type === 'mdxJsxAttribute' ? JSX_PROPERTIES.get(attribute.name?.toLowerCase() ?? '') : undefined;
		if (property && typeof attribute.value === 'string') properties[property] = attribute.value;
	}
	return { type: 'element', tagName: element.name, properties };
}

/**
 * Where `offset` in a node's value is in the file, for offsets in order, in one pass over the value. A
 * value drops what a blockquote's `>` or a list item's indentation put before each continuation line, so
 * those columns come from the source line: found as `raw`, the text at the offset, when it is given (a
 * text node's value has its character references decoded, so it is not a suffix of the source line),
 * else by what the line lost before it.
 */
function locator(value: string, start: Located, lines: readonly string[], bodyLine: number): (offset: number, raw?: string) => Located {
	const lineStarts = [0];
	for (let i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) lineStarts.push(i + 1);
	let index = 0;
	// Worked out once per line, and searched onwards from the last find: a long line holds many sources.
	let lineOf = -1;
	let prefix = 0;
	let searchFrom = 0;
	return (offset, raw) => {
		while (index + 1 < lineStarts.length && lineStarts[index + 1]! <= offset) index++;
		if (index === 0) return { line: start.line, column: start.column + offset };
		const line = start.line + index;
		const sourceLine = lines[line - bodyLine] ?? '';
		if (lineOf !== index) {
			const end = value.indexOf('\n', lineStarts[index]!);
			const valueLine = value.slice(lineStarts[index], end < 0 ? undefined : end);
			prefix = sourceLine.endsWith(valueLine) ? sourceLine.length - valueLine.length : 0;
			lineOf = index;
			searchFrom = 0;
		}
		const found = raw === undefined ? -1 : sourceLine.indexOf(raw, searchFrom);
		if (found >= 0) {
			searchFrom = found + raw!.length;
			return { line, column: found + 1 };
		}
		return { line, column: prefix + offset - lineStarts[index]! + 1 };
	};
}

export interface ScanOptions {
	/** The body is an MDX post's, read with Sätteri's MDX parser as @astrojs/mdx reads it. */
	mdx?: boolean;
	/** How the file's kind is read on the site (the `markdown` option). */
	dialect?: MarkdownDialect;
}

export function scanBody(body: string, bodyLine: number, { mdx = false, dialect }: ScanOptions = {}): BodyLinks {
	const { tree, defused } = parse(body, mdx, dialect);
	const lines = body.split('\n');
	const out: BodyLinks = { links: [], images: [], references: [], defused };
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
		const jsx = jsxElement(node);
		if (jsx) {
			for (const url of targetsOf(jsx)) out.links.push({ ...at(node), url: url.trim() });
			for (const url of sourcesOf(jsx)) out.images.push({ ...at(node), url: url.trim() });
		}
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
			case 'text': {
				const refs = findReferences(node.value);
				if (refs.length === 0) return;
				const locate = locator(node.value, at(node), lines, bodyLine);
				for (const ref of refs) out.references.push({ ...locate(ref.index, node.value.slice(ref.index, ref.index + ref.length)), ref });
				return;
			}
			case 'html': {
				const locate = locator(node.value, at(node), lines, bodyLine);
				for (const { url, offset, kind } of rawHtmlUrls(node.value))
					(kind === 'link' ? out.links : out.images).push({ ...locate(offset), url });
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
