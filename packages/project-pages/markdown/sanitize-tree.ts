/**
 * The allow-list sanitizer as pure functions over hast: a clean copy of a
 * tree or of a node list, and the attribute filter. Used by the sanitize
 * plugin for attributes, and for the subtrees it must copy. Pure: no I/O.
 *
 * The walk uses an explicit stack, not recursion: hostile input can nest
 * blockquotes or elements tens of thousands deep.
 */
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { isSafeSrcset, isSafeUrl } from '../utils/safe-url.ts';
import {
	ALLOWED_ELEMENTS,
	DROP_WITH_CONTENT,
	ELEMENT_ATTRIBUTES,
	GLOBAL_ATTRIBUTES,
	ID_PREFIX,
	URL_ATTRIBUTES,
	isAllowedClass,
} from './sanitize-policy.ts';

type Node = RootContent | ElementContent;

interface Frame {
	children: readonly Node[];
	index: number;
	/** The clean copy of the children seen so far. */
	out: Node[];
	/** Set when anything below this frame was dropped or altered. */
	changed: boolean;
	/** How the finished children are put back into the parent. */
	finish: (children: Node[], parent: Frame) => void;
}

/**
 * Returns a sanitized copy of `root`, or `undefined` when it is already
 * clean. The copy holds plain objects only: Sätteri's nodes carry internal
 * fields (`_id`, `_resolver`) that must not go back into a replacement tree.
 */
export function sanitizeTree(root: Readonly<Root>): Root | undefined {
	const { changed, nodes } = walk(root.children as readonly Node[]);
	return changed ? { type: 'root', children: nodes as RootContent[] } : undefined;
}

/**
 * Sätteri refuses replacement content nested deeper than 128 levels; past
 * this depth a copy keeps the text and loses the elements.
 */
export const MAX_COPY_DEPTH = 100;

/** A sanitized plain copy of `nodes`, always (for content that replaces an element). */
export function sanitizeNodes(nodes: readonly Node[]): ElementContent[] {
	return walk(nodes, MAX_COPY_DEPTH).nodes as ElementContent[];
}

function walk(children: readonly Node[], maxDepth = Infinity): { changed: boolean; nodes: Node[] } {
	const top: Frame = { children, index: 0, out: [], changed: false, finish: () => {} };
	const stack: Frame[] = [top];
	while (stack.length > 0) {
		const frame = stack[stack.length - 1]!;
		if (frame.index === frame.children.length) {
			stack.pop();
			const parent = stack[stack.length - 1];
			if (parent) {
				if (frame.changed) parent.changed = true;
				frame.finish(frame.out, parent);
			}
			continue;
		}
		const node = frame.children[frame.index++]!;
		if (node.type === 'text') {
			frame.out.push({ type: 'text', value: node.value });
		} else if (node.type === 'element') {
			const child = enter(node, stack.length > maxDepth);
			if (child) stack.push(child);
			else frame.changed = true;
		} else {
			// Comments can carry conditional-comment tricks for old browsers; raw
			// and doctype nodes should not exist after the reparse. None is prose.
			frame.changed = true;
		}
	}
	return { changed: top.changed, nodes: top.out };
}

/** What becomes of an element: dropped with its content, unwrapped (content kept), or kept. */
export function elementFate(tag: string, properties: Readonly<Properties> | undefined): 'drop' | 'unwrap' | 'keep' {
	if (DROP_WITH_CONTENT.has(tag)) return 'drop';
	if (tag === 'input' && properties?.type !== 'checkbox') return 'drop';
	return ALLOWED_ELEMENTS.has(tag) ? 'keep' : 'unwrap';
}

/** A frame for the element's children, or `undefined` when it is dropped whole. */
function enter(node: Element, flatten: boolean): Frame | undefined {
	const tag = node.tagName.toLowerCase();
	const natural = elementFate(tag, node.properties);
	const fate = natural === 'keep' && flatten ? 'unwrap' : natural;
	if (fate === 'drop') return undefined;
	const children = node.children as readonly Node[];
	if (fate === 'unwrap') {
		// Unknown or layout-only elements (center, font, custom-x): keep what
		// they contain, lose the element and its attributes.
		return { children, index: 0, out: [], changed: true, finish: (out, parent) => parent.out.push(...out) };
	}
	const original = node.properties ?? {};
	const properties = cleanProperties(tag, original);
	return {
		children,
		index: 0,
		out: [],
		changed: properties !== undefined,
		finish: (out, parent) =>
			parent.out.push({ type: 'element', tagName: tag, properties: properties ?? { ...original }, children: out as ElementContent[] }),
	};
}

/** Clean properties, or `undefined` when nothing had to change. */
export function cleanProperties(tag: string, properties: Properties): Properties | undefined {
	const specific = ELEMENT_ATTRIBUTES[tag];
	let changed = false;
	const out: Properties = {};
	for (const key of Object.keys(properties)) {
		const value = properties[key];
		const kept = cleanProperty(tag, key, value, specific);
		if (kept === undefined) {
			changed = true;
			continue;
		}
		if (kept !== value) changed = true;
		out[key] = kept;
	}
	// A checkbox from content must never be a live form control.
	if (tag === 'input' && out.disabled !== true) {
		out.disabled = true;
		changed = true;
	}
	return changed ? out : undefined;
}

type Value = Properties[string];

const TABLE_ALIGN = /^\s*text-align:\s*(?:left|right|center)\s*;?\s*$/i;

function cleanProperty(tag: string, key: string, value: Value, specific: ReadonlySet<string> | undefined): Value | undefined {
	// GFM writes table column alignment as an inline style; that one is kept.
	if (key === 'style') return (tag === 'td' || tag === 'th') && typeof value === 'string' && TABLE_ALIGN.test(value) ? value : undefined;
	if (!GLOBAL_ATTRIBUTES.has(key) && !specific?.has(key)) return undefined;
	if (value === null || value === undefined) return undefined;
	if (URL_ATTRIBUTES.has(key)) return typeof value === 'string' && isSafeUrl(value) ? value : undefined;
	if (key === 'srcSet') return typeof value === 'string' && isSafeSrcset(value) ? value : undefined;
	if (key === 'className') {
		const tokens = (Array.isArray(value) ? value : String(value).split(/\s+/)).map(String);
		const kept = tokens.filter((token) => isAllowedClass(tag, token));
		if (kept.length === 0) return undefined;
		return kept.length === tokens.length ? value : kept;
	}
	if (key === 'id' || key === 'name') {
		const id = String(value);
		return id.startsWith(ID_PREFIX) ? value : ID_PREFIX + id;
	}
	return value;
}
