/**
 * Links bare `owner/repo#N` references in prose to their GitHub issue or pull
 * request (issue 6: "every owner/repo#N reference links to GitHub and shows
 * its state"). The link gets `class="gh-ref"` and `data-ref="owner/repo#N"`,
 * so a page can attach a state badge after the build-time status lookup.
 *
 * A Sätteri mdast plugin: it only sees text nodes, so code (inline or fenced)
 * is never touched; text already inside a link is skipped. What counts as a
 * reference is decided by `findReferences`, shared with the CI loader.
 */
import type { MdastPluginDefinition, MdastVisitorContext } from 'satteri';
import type { Link, Parents, PhrasingContent, Text } from 'mdast';
import { findReferences } from '../ci/references.ts';

/** Class set on every generated reference link. */
export const REFERENCE_CLASS = 'gh-ref';

/**
 * At most this many links per document. Real pages have dozens; a hostile
 * page with a megabyte of `a/b#1` would otherwise cost seconds of tree edits.
 * References past the limit stay plain text.
 */
export const MAX_AUTOLINKS = 2000;

declare module 'satteri' {
  interface DataMap {
    autolinkCount: number;
  }
}

export const autolinkReferencesPlugin: MdastPluginDefinition = {
  name: 'project-pages-autolink-references',
  text(node, ctx) {
    // Cheap test first: most text nodes hold no reference at all.
    if (!node.value.includes('#') || !node.value.includes('/')) return;
    if (insideLink(node, ctx)) return;
    const found = findReferences(node.value);
    const pieces: PhrasingContent[] = [];
    let last = 0;
    let count = ctx.data.autolinkCount ?? 0;
    for (const ref of found) {
      if (count >= MAX_AUTOLINKS) break;
      // Full GitHub URLs in text are GFM autolink literals already, or are
      // shown as the author wrote them; only the short form is linked here.
      const raw = node.value.slice(ref.index, ref.index + ref.length);
      if (raw !== ref.id) continue;
      if (ref.index > last) pieces.push(text(node.value.slice(last, ref.index)));
      pieces.push(referenceLink(ref.id, ref.url));
      last = ref.index + ref.length;
      count++;
    }
    ctx.data.autolinkCount = count;
    if (pieces.length === 0) return;
    if (last < node.value.length) pieces.push(text(node.value.slice(last)));
    ctx.replaceNode(node, pieces);
  },
};

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

/**
 * True inside a markdown link, or after a raw `<a …>` that is still open in
 * the same paragraph (the reparse would otherwise nest one link in another).
 */
function insideLink(node: Readonly<Text>, ctx: MdastVisitorContext): boolean {
  let child: Readonly<Text | Parents> = node;
  let parent: Readonly<Parents> | undefined = ctx.parent(node);
  while (parent && parent.type !== 'root') {
    if (parent.type === 'link' || parent.type === 'linkReference') return true;
    if (parent.type === 'paragraph' || parent.type === 'heading' || parent.type === 'tableCell') {
      return rawAnchorOpenBefore(parent, child, ctx);
    }
    child = parent;
    parent = ctx.parent(parent);
  }
  return false;
}

function rawAnchorOpenBefore(block: Readonly<Parents>, child: Readonly<Text | Parents>, ctx: MdastVisitorContext): boolean {
  const end = ctx.indexOf(child) ?? 0;
  let open = 0;
  for (let i = 0; i < end; i++) {
    const sibling = block.children[i];
    if (sibling?.type !== 'html') continue;
    open += (sibling.value.match(/<a[\s>]/gi)?.length ?? 0) - (sibling.value.match(/<\/a\s*>/gi)?.length ?? 0);
  }
  return open > 0;
}
