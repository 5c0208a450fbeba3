/**
 * Raw HTML that an untrusted document may not use is shown as the text it
 * is, before the raw HTML is parsed (a Sätteri mdast plugin, untrusted
 * content only). Dropping it later, as an element, would take its content
 * with it; and some of it takes far more: `<textarea>`, `<title>`,
 * `<style>`, `<script>`, `<noscript>` read everything after them as their
 * own text, `<template>` and `<select>` swallow the markup that follows,
 * an unclosed attribute quote or comment runs to the end of the document.
 * Prose that names `<form>` lost the whole rest of its body that way.
 *
 * So a piece of raw HTML (one `html` node) becomes text when it names an
 * element that is removed with its content (sanitize-policy.ts), when it
 * does not end back in text (raw-html-scan.ts), or when it is a `<?…>` or
 * `<!…>` that HTML parses as a bogus comment. What stays is parsed and
 * sanitized as before; the sanitizer still removes anything that slips by.
 */
import type { Html, Paragraph, Text } from 'mdast';
import type { MdastPluginDefinition, MdastPluginEntry } from 'satteri';
import { scanRawHtml } from './raw-html-scan.ts';
import { DROP_WITH_CONTENT } from './sanitize-policy.ts';

/** Parents whose children are inline: raw HTML there becomes a text node, elsewhere a paragraph. */
const PHRASING_PARENTS: ReadonlySet<string> = new Set([
	'paragraph',
	'heading',
	'emphasis',
	'strong',
	'delete',
	'link',
	'linkReference',
	'tableCell',
]);

/** Whether a piece of raw HTML must be shown as text rather than parsed. */
export function mustShowAsText(html: string): boolean {
	const scan = scanRawHtml(html);
	return !scan.complete || scan.bogus || scan.tags.some((tag) => DROP_WITH_CONTENT.has(tag));
}

export const escapeRawHtmlPlugin: MdastPluginDefinition = {
	name: 'project-pages-escape-raw-html',
	html(node, ctx) {
		if (!mustShowAsText(node.value)) return;
		const text: Text = { type: 'text', value: node.value };
		const parent = ctx.parent(node as Readonly<Html>);
		const replacement: Text | Paragraph = parent && PHRASING_PARENTS.has(parent.type) ? text : { type: 'paragraph', children: [text] };
		ctx.replaceNode(node, replacement);
	},
};

/** The plugin, or nothing for a document without anything that could be raw HTML. */
export const escapeRawHtmlEntry: MdastPluginEntry = (ctx) => (/<[A-Za-z!?/]/.test(ctx.source) ? escapeRawHtmlPlugin : null);
