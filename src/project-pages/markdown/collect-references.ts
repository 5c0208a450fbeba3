/**
 * Collects the GitHub issues and pull requests a document links to, in
 * `ctx.data.references` (a Set of `owner/repo#N`): the links made by
 * `autolinkReferencesPlugin` and any link, inline or reference-style, whose
 * href is a GitHub issue or pull-request URL. It reads the rendered `<a>`
 * elements, so only links that survive sanitizing are counted.
 */
import type { HastPluginDefinition } from 'satteri';
import { findReferences } from '../ci/references.ts';

declare module 'satteri' {
  interface DataMap {
    references: Set<string>;
  }
}

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
