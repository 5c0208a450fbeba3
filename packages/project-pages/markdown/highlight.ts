/**
 * Shiki highlighting the way Astro does it (same defaults: the github-dark
 * theme, bundled languages loaded on demand, OCaml included). Creating a
 * highlighter loads grammars and a regex engine, so it happens once per
 * process, on first use, and every later render reuses the same plugin.
 *
 * Highlighting is by far the costliest step of a render (a few lines of
 * OCaml cost ten times the markdown parse), and sites repeat snippets: the
 * same install command or `config.ml` across tutorials and minutes. So the
 * result is cached per (language, meta, code), for small blocks only.
 */
import type { HastNode, HastPluginDefinition } from 'satteri';
import { satteriCreateHighlightFn, satteriHighlightPlugin } from '@astrojs/markdown-satteri';

type HighlightFn = (code: string, lang: string, meta?: string) => Promise<HastNode>;

/** Distinct blocks kept; the least recently used goes first. */
export const CACHE_ENTRIES = 1000;
/** Larger blocks are highlighted every time: they are rarely repeated and costly to keep. */
export const CACHE_MAX_CODE = 8 * 1024;

let plugin: Promise<HastPluginDefinition | undefined> | undefined;

/** The highlight plugin, created on first call and memoized. */
export function getHighlightPlugin(): Promise<HastPluginDefinition | undefined> {
	plugin ??= satteriCreateHighlightFn('shiki', undefined).then((highlight) =>
		highlight ? satteriHighlightPlugin(cached(highlight), undefined) : undefined,
	);
	return plugin;
}

/**
 * Wraps `highlight` with an LRU cache. Sätteri copies a returned node into
 * the document's own tree, so handing the same node to many documents is safe.
 */
export function cached(highlight: HighlightFn): HighlightFn {
	const cache = new Map<string, Promise<HastNode>>();
	return (code, lang, meta) => {
		if (code.length > CACHE_MAX_CODE) return highlight(code, lang, meta);
		const key = `${lang}\u0000${meta ?? ''}\u0000${code}`;
		const hit = cache.get(key);
		if (hit) {
			cache.delete(key);
			cache.set(key, hit);
			return hit;
		}
		const result = highlight(code, lang, meta);
		cache.set(key, result);
		// A failed highlight must not be served again from the cache.
		result.catch(() => cache.delete(key));
		if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
		return result;
	};
}
