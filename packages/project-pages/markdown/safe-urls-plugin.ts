/**
 * The light half of sanitizing: for untrusted documents with no raw HTML,
 * where the only way to smuggle script is a markdown link or image such as
 * `[x](javascript:alert(1))`. Drops the unsafe href/src; the text stays.
 */
import type { HastPluginDefinition } from 'satteri';
import { isSafeUrl } from '../utils/safe-url.ts';

export const safeUrlsPlugin: HastPluginDefinition = {
	name: 'project-pages-safe-urls',
	element: {
		filter: ['a', 'img'],
		visit(node, ctx) {
			const key = node.tagName === 'a' ? 'href' : 'src';
			const value = node.properties?.[key];
			if (typeof value === 'string' && !isSafeUrl(value)) ctx.setProperty(node, key, null);
		},
	},
};
