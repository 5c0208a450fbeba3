/**
 * Reads HTML the way a browser does (parse5 implements the WHATWG parser:
 * the same tokenizer, foreign content, template contents) and lists what
 * would be live: elements that run or load code, event handlers, URLs with
 * a scheme that runs code, refreshes, styles that load URLs. Independent of
 * the code under test: its own scheme list, its own walk.
 */
import { parse, parseFragment } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Elements that run code, load a document or submit data. */
const LIVE_ELEMENTS = new Set([
	'script',
	'iframe',
	'frame',
	'object',
	'embed',
	'applet',
	'base',
	'form',
	'button',
	'meta',
	'link',
	'style',
	'portal',
	'fencedframe',
	'svg',
	'math',
]);
/** Attributes whose value a browser loads or navigates to. */
const URL_ATTRIBUTES = new Set([
	'href',
	'src',
	'action',
	'formaction',
	'xlink:href',
	'data',
	'poster',
	'background',
	'cite',
	'ping',
	'srcset',
	'imagesrcset',
	'codebase',
	'lowsrc',
	'dynsrc',
	'longdesc',
	'manifest',
	'icon',
]);
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'xmpp', 'irc', 'ircs']);

/** The scheme a browser would read from a URL attribute, or undefined for a relative URL. */
function schemeOf(url: string): string | undefined {
	// Browsers skip leading C0 controls and spaces and remove tabs and newlines anywhere.
	// eslint-disable-next-line no-control-regex -- exactly those characters
	const compact = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
	return /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
}

function urlsOf(name: string, value: string): string[] {
	return name.endsWith('srcset') ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
}

export interface LiveThing {
	what: string;
	where: string;
}

function* elements(root: Node): Generator<Element> {
	const stack: Node[] = [root];
	while (stack.length > 0) {
		const node = stack.pop()!;
		if ('tagName' in node) yield node;
		if ('content' in node && node.content) stack.push(node.content as Node);
		if ('childNodes' in node) for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i] as Node);
	}
}

/** What is live in `html`; `allow` lets a page's own elements (its layout's scripts) pass. */
export function liveThings(html: string, options: { document?: boolean; allow?: (element: Element) => boolean } = {}): LiveThing[] {
	const root = options.document ? parse(html) : parseFragment(html);
	const out: LiveThing[] = [];
	for (const element of elements(root as Node)) {
		if (options.allow?.(element)) continue;
		const where = `<${element.tagName} ${element.attrs.map((a) => `${a.name}="${a.value}"`).join(' ')}>`.slice(0, 200);
		if (LIVE_ELEMENTS.has(element.tagName)) out.push({ what: `element ${element.tagName}`, where });
		for (const { name, value } of element.attrs) {
			const lower = name.toLowerCase();
			if (lower.startsWith('on')) out.push({ what: `handler ${lower}`, where });
			if (URL_ATTRIBUTES.has(lower)) {
				for (const url of urlsOf(lower, value)) {
					const scheme = schemeOf(url);
					if (scheme && !SAFE_SCHEMES.has(scheme)) out.push({ what: `${scheme}: URL in ${lower}`, where });
				}
			}
			if (lower === 'style' && /url\s*\(|expression\s*\(|@import/i.test(value)) out.push({ what: 'style loading a URL', where });
			if (lower === 'http-equiv') out.push({ what: 'http-equiv', where });
		}
	}
	return out;
}

/** The text a reader sees (text nodes and image alternatives), in document order. */
export function visibleText(html: string): string {
	const root = parseFragment(html) as Node;
	let out = '';
	const stack: Node[] = [root];
	while (stack.length > 0) {
		const node = stack.pop()!;
		if (node.nodeName === '#text') out += (node as DefaultTreeAdapterMap['textNode']).value;
		if ('tagName' in node && node.tagName === 'img') out += node.attrs.find((a) => a.name === 'alt')?.value ?? '';
		if ('childNodes' in node) for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i] as Node);
	}
	return out;
}
