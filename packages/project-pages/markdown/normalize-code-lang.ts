/**
 * Lower-cases a fenced code block's language (```` ```OCaml ````), which
 * mirage-www posts write in either case while Shiki knows only `ocaml`.
 * Runs on the mdast so the highlighter, which reads the node's `lang`,
 * sees the normalised name.
 */
import type { MdastPluginDefinition, MdastPluginEntry } from 'satteri';

export const normalizeCodeLangPlugin: MdastPluginDefinition = {
	name: 'project-pages-normalize-code-lang',
	code(node, ctx) {
		if (node.lang && node.lang !== node.lang.toLowerCase()) ctx.setProperty(node, 'lang', node.lang.toLowerCase());
	},
};

/** The plugin, or nothing for a document without a fenced block. */
export const normalizeCodeLangEntry: MdastPluginEntry = (ctx) =>
	ctx.source.includes('```') || ctx.source.includes('~~~') ? normalizeCodeLangPlugin : null;
