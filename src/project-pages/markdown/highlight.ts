/**
 * Shiki highlighting the way Astro does it (same defaults: the github-dark
 * theme, all bundled languages loaded on demand, OCaml included). Creating a
 * highlighter loads grammars and a WASM engine, so it happens once per
 * process, on first use, and every later render reuses the same plugin.
 */
import type { HastPluginDefinition } from 'satteri';
import { satteriCreateHighlightFn, satteriHighlightPlugin } from '@astrojs/markdown-satteri';

let plugin: Promise<HastPluginDefinition | undefined> | undefined;

/** The highlight plugin, created on first call and memoized. */
export function getHighlightPlugin(): Promise<HastPluginDefinition | undefined> {
  plugin ??= satteriCreateHighlightFn('shiki', undefined).then((highlight) =>
    highlight ? satteriHighlightPlugin(highlight, undefined) : undefined,
  );
  return plugin;
}
