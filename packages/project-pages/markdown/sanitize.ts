/**
 * Makes untrusted HTML inert (issue 5): the sanitizer that every render of
 * content from outside contributors goes through, in one of two forms.
 *
 * - `sanitizePlugin`, when the document's raw HTML was reparsed into real
 *   elements (`features.rawHtml`): every element against the allow-list.
 * - `sanitizeMarkdownPlugin`, when it was not (the document has no raw HTML,
 *   or the input guard defused it): then the only elements are the ones
 *   markdown makes, whose only way to carry script is a link or image URL,
 *   so only `a` and `img` are visited (a full walk costs twice as much);
 *   and any raw HTML left, whatever the guard thought, is turned into text.
 *
 * Neither ever leaves raw HTML in the output: a `raw` node becomes text.
 * The allow-list itself is in sanitize-policy.ts, the pure tree functions
 * in sanitize-tree.ts.
 *
 * One element visitor sees every element, in document order, and edits in
 * place: unsafe attributes are unset, dropped elements removed with their
 * content. That keeps the common case cheap (a whole-tree copy costs five
 * times more: materializing a tree in JS is the expensive part).
 *
 * Unwrapping an unknown element (`<center>`, `<font>`) needs care: Sätteri
 * silently drops edits queued on the children of a replaced node, so a
 * visitor-by-visitor cleanup would let an `onerror` inside `<center>`
 * survive. Such an element is replaced by a sanitized copy of its content,
 * made at once; the visitor then leaves alone anything inside an element
 * that was dropped or unwrapped, which it recognises by the ancestor's tag.
 */
import type { HastPluginDefinition, HastVisitorContext, HastNode } from 'satteri';
import type { Element, Parents } from 'hast';
import { isSafeUrl } from '../utils/safe-url.ts';
import { cleanProperties, elementFate, sanitizeNodes } from './sanitize-tree.ts';

interface DetachState {
	/** Elements this document had dropped or unwrapped so far. */
	count: number;
	/** Per parent node (Sätteri hands out one object per node within a pass): inside a detached element? */
	inside: WeakMap<object, boolean>;
}

declare module 'satteri' {
	interface DataMap {
		sanitizeDetached: DetachState;
	}
}

function state(ctx: HastVisitorContext): DetachState {
	return (ctx.data.sanitizeDetached ??= { count: 0, inside: new WeakMap() });
}

/**
 * True when an ancestor of `node` was dropped or unwrapped (its content is
 * already handled). Each ancestor is judged once per document and
 * remembered, so deep nesting costs one look per node, not one per level.
 */
function insideDetached(node: Readonly<HastNode>, ctx: HastVisitorContext): boolean {
	const { inside } = state(ctx);
	const chain: object[] = [];
	let parent: Readonly<Parents> | undefined = ctx.parent(node);
	let answer = false;
	while (parent && parent.type === 'element') {
		const known = inside.get(parent);
		if (known !== undefined) {
			answer = known;
			break;
		}
		if (elementFate(parent.tagName.toLowerCase(), parent.properties) !== 'keep') {
			answer = true;
			inside.set(parent, true);
			break;
		}
		chain.push(parent);
		parent = ctx.parent(parent as Readonly<Element>);
	}
	for (const ancestor of chain) inside.set(ancestor, answer);
	return answer;
}

/** Comments are the author's hidden notes (and can hide markup for old browsers); a doctype is not prose either. */
function remove(node: Readonly<HastNode>, ctx: HastVisitorContext): void {
	if (state(ctx).count > 0 && insideDetached(node, ctx)) return;
	ctx.removeNode(node);
}

/** Raw HTML that reached the HTML tree unparsed is shown as the text it is: inert, and nothing lost. */
function rawAsText(node: Readonly<HastNode>, ctx: HastVisitorContext): void {
	if (node.type !== 'raw') return;
	ctx.replaceNode(node, { type: 'text', value: node.value });
}

export const sanitizePlugin: HastPluginDefinition = {
	name: 'project-pages-sanitize',
	element: {
		filter: [],
		visit(node, ctx) {
			// Only once something was detached can a node be inside it; the
			// ancestor walk (which materializes parents) is skipped until then.
			if (state(ctx).count > 0 && insideDetached(node, ctx)) return;
			const tag = node.tagName.toLowerCase();
			const fate = elementFate(tag, node.properties);
			if (fate !== 'keep') {
				state(ctx).count++;
				if (fate === 'drop') ctx.removeNode(node);
				else ctx.replaceNode(node, sanitizeNodes(node.children));
				return;
			}
			const original = node.properties ?? {};
			const clean = cleanProperties(tag, original);
			if (!clean) return;
			for (const key of Object.keys(original)) if (!(key in clean)) ctx.setProperty(node, key, null);
			for (const [key, value] of Object.entries(clean)) if (value !== original[key]) ctx.setProperty(node, key, value);
		},
	},
	comment: remove,
	raw(node, ctx) {
		if (state(ctx).count > 0 && insideDetached(node, ctx)) return;
		rawAsText(node, ctx);
	},
	doctype: remove,
};

export const sanitizeMarkdownPlugin: HastPluginDefinition = {
	name: 'project-pages-sanitize-markdown',
	element: {
		filter: ['a', 'img'],
		visit(node, ctx) {
			const key = node.tagName === 'a' ? 'href' : 'src';
			const value = node.properties?.[key];
			if (typeof value === 'string' && !isSafeUrl(value)) ctx.setProperty(node, key, null);
		},
	},
	raw: rawAsText,
};
