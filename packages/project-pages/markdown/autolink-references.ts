/**
 * Links bare `owner/repo#N` references in prose to their GitHub issue or pull
 * request (issue 6: "every owner/repo#N reference links to GitHub and shows
 * its state"). The link gets `class="gh-ref"` and `data-ref="owner/repo#N"`,
 * so a page can attach a state badge after the build-time status lookup.
 *
 * A Sätteri mdast plugin: it only sees text nodes, so code (inline or fenced)
 * is never touched. Text already inside a link is skipped, and so is text
 * after a raw `<a …>` until its `</a>` (nesting links is invalid HTML).
 * What counts as a reference is decided by `findReferences`, shared with the
 * CI loader.
 *
 * Why positions instead of asking for each text node's parents: Sätteri
 * visits nodes in document order, so remembering where the last link ends is
 * enough, and costs nothing, while walking `ctx.parent()` materializes whole
 * paragraphs and tripled the cost of a render.
 */
import type { MdastPluginDefinition, MdastPluginEntry } from 'satteri';
import type { Link, PhrasingContent, Text } from 'mdast';
import { findReferences } from '../ci/references.ts';

/** Class set on every generated reference link. */
export const REFERENCE_CLASS = 'gh-ref';

/**
 * At most this many links per document. Real pages have dozens; a hostile
 * page with a megabyte of `a/b#1` would otherwise cost seconds of tree edits.
 * References past the limit stay plain text.
 */
export const MAX_AUTOLINKS = 2000;

interface AutolinkState {
	/** Source offset where the last markdown link seen ends. */
	linkEnd: number;
	/** Raw `<a>` tags opened and not yet closed. */
	rawAnchors: number;
	count: number;
}

declare module 'satteri' {
	interface DataMap {
		autolink: AutolinkState;
		/** `owner/repo#N` ids linked in the document (see collect-references.ts). */
		references: Set<string>;
	}
}

const RAW_OPEN = /<a(?=[\s>/])/gi;
const RAW_CLOSE = /<\/a\s*>/gi;

export const autolinkReferencesPlugin: MdastPluginDefinition = {
	name: 'project-pages-autolink-references',
	options: { position: true },
	before(_root, ctx) {
		ctx.data.autolink = { linkEnd: -1, rawAnchors: 0, count: 0 };
	},
	link(node, ctx) {
		const state = ctx.data.autolink!;
		state.linkEnd = Math.max(state.linkEnd, node.position?.end.offset ?? Infinity);
	},
	linkReference(node, ctx) {
		const state = ctx.data.autolink!;
		state.linkEnd = Math.max(state.linkEnd, node.position?.end.offset ?? Infinity);
	},
	html(node, ctx) {
		const state = ctx.data.autolink!;
		const opened = node.value.match(RAW_OPEN)?.length ?? 0;
		const closed = node.value.match(RAW_CLOSE)?.length ?? 0;
		state.rawAnchors = Math.max(0, state.rawAnchors + opened - closed);
	},
	text(node, ctx) {
		// Cheap test first: most text nodes hold no reference at all.
		if (!node.value.includes('#') || !node.value.includes('/')) return;
		const state = ctx.data.autolink!;
		if (state.rawAnchors > 0 || (node.position?.start.offset ?? -1) < state.linkEnd) return;
		const pieces: PhrasingContent[] = [];
		let last = 0;
		for (const ref of findReferences(node.value)) {
			if (state.count >= MAX_AUTOLINKS) break;
			// Full GitHub URLs in text are GFM autolink literals already, or are
			// shown as the author wrote them; only the short form is linked here.
			if (node.value.slice(ref.index, ref.index + ref.length) !== ref.id) continue;
			if (ref.index > last) pieces.push(text(node.value.slice(last, ref.index)));
			pieces.push(referenceLink(ref.id, ref.url));
			ctx.data.references?.add(ref.id);
			last = ref.index + ref.length;
			state.count++;
		}
		if (pieces.length === 0) return;
		if (last < node.value.length) pieces.push(text(node.value.slice(last)));
		ctx.replaceNode(node, pieces);
	},
};

// Anything that could be a short reference: `x/y#1`. Documents without one
// skip the plugin, and the cost of visiting every text node.
const MAYBE_REFERENCE = /[A-Za-z0-9._-]\/[A-Za-z0-9._-]+#[0-9]/;

/** The plugin, or nothing for a document that cannot hold a short reference. */
export const autolinkReferencesEntry: MdastPluginEntry = (ctx) => (MAYBE_REFERENCE.test(ctx.source) ? autolinkReferencesPlugin : null);

function text(value: string): Text {
	return { type: 'text', value };
}

function referenceLink(id: string, url: string): Link {
	return {
		type: 'link',
		url,
		title: null,
		children: [text(id)],
		data: { hProperties: { className: [REFERENCE_CLASS], dataRef: id } },
	};
}
