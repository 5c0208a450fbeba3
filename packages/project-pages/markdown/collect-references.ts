/**
 * Collects the GitHub issues and pull requests a document links to, in
 * `ctx.data.references` (a Set of `owner/repo#N`): any link, inline,
 * reference-style or raw HTML, whose href is a GitHub issue or pull-request
 * URL. (Bare `owner/repo#N` are added by the autolink plugin as it links
 * them.) It reads the rendered `<a>` elements, after sanitizing, so only
 * links that survive count. Documents that never mention github.com skip it.
 */
import type { HastPluginDefinition, HastPluginEntry } from 'satteri';
import { findReferences } from '../ci/references.ts';

export const collectReferencesPlugin: HastPluginDefinition = {
	name: 'project-pages-collect-references',
	element: {
		filter: ['a'],
		visit(node, ctx) {
			const href = node.properties?.href;
			if (typeof href !== 'string' || !href.includes('github.com/')) return;
			const [first] = findReferences(href);
			// The whole href must be the reference (a query or fragment may follow).
			if (first && first.index === 0) ctx.data.references?.add(first.id);
		},
	},
};

/** The plugin, or nothing for a document without a GitHub URL. */
export const collectReferencesEntry: HastPluginEntry = (ctx) => (ctx.source.includes('github.com/') ? collectReferencesPlugin : null);
