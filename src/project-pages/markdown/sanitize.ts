/**
 * Makes untrusted HTML inert (issue 5): a Sätteri hast plugin for content
 * rendered with `trusted: false`, where raw HTML has been reparsed into real
 * elements (`features.rawHtml`).
 *
 * The walk happens once, in the plugin's `before` hook, over the whole tree,
 * and swaps the root for a clean copy only when something had to change.
 * Per-element visitors would be cheaper to write but are unsafe here: once an
 * element is unwrapped (replaced by its children), Sätteri silently drops the
 * edits queued on those children, so an `onerror` inside an unknown wrapper
 * would survive. One whole-tree replacement has no such ordering hazard.
 */
import type { HastPluginDefinition } from 'satteri';
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { isSafeSrcset, isSafeUrl } from './safe-url.ts';
import {
  ALLOWED_ELEMENTS,
  DROP_WITH_CONTENT,
  ELEMENT_ATTRIBUTES,
  GLOBAL_ATTRIBUTES,
  ID_PREFIX,
  URL_ATTRIBUTES,
  isAllowedClass,
} from './sanitize-policy.ts';

type Node = RootContent | ElementContent;

/** Returns a sanitized copy of `root`, or `undefined` when it is already clean. */
export function sanitizeTree(root: Readonly<Root>): Root | undefined {
  const children = cleanChildren(root.children as readonly Node[]);
  return children === undefined ? undefined : { type: 'root', children: children as RootContent[] };
}

/** Clean list, or `undefined` when every child was already clean (no copy made). */
function cleanChildren(children: readonly Node[]): Node[] | undefined {
  let out: Node[] | undefined;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const replacement = cleanNode(child);
    if (replacement === undefined) {
      out?.push(plain(child));
      continue;
    }
    out ??= children.slice(0, i).map(plain);
    out.push(...replacement);
  }
  return out;
}

/** `undefined` = keep as is; an array = put these nodes in its place. */
function cleanNode(node: Node): Node[] | undefined {
  switch (node.type) {
    case 'text':
      return undefined;
    case 'element':
      return cleanElement(node);
    // Comments can hide conditional-comment tricks for old browsers; raw nodes
    // should not exist after the reparse, but are never passed through.
    default:
      return [];
  }
}

function cleanElement(node: Element): Node[] | undefined {
  const tag = node.tagName.toLowerCase();
  if (DROP_WITH_CONTENT.has(tag)) return [];
  const children = cleanChildren(node.children as readonly Node[]);
  if (!ALLOWED_ELEMENTS.has(tag)) {
    // Unknown or structural-only elements (center, font, custom-x, html, body):
    // keep what they contain, lose the element and its attributes.
    return children ?? (node.children as Node[]).map(plain);
  }
  if (tag === 'input' && node.properties?.type !== 'checkbox') return [];
  const properties = cleanProperties(tag, node.properties ?? {});
  if (children === undefined && properties === undefined) return undefined;
  return [{
    type: 'element',
    tagName: tag,
    properties: properties ?? { ...node.properties },
    children: (children ?? (node.children as Node[]).map(plain)) as ElementContent[],
  }];
}

/** Clean properties, or `undefined` when nothing had to change. */
function cleanProperties(tag: string, properties: Properties): Properties | undefined {
  const specific = ELEMENT_ATTRIBUTES[tag];
  let changed = false;
  const out: Properties = {};
  for (const [key, value] of Object.entries(properties)) {
    const kept = cleanProperty(tag, key, value, specific);
    if (kept === undefined) {
      changed = true;
      continue;
    }
    if (kept !== value) changed = true;
    out[key] = kept;
  }
  // A checkbox from content must never be a live form control.
  if (tag === 'input' && out.disabled !== true) {
    out.disabled = true;
    changed = true;
  }
  return changed ? out : undefined;
}

type Value = Properties[string];

function cleanProperty(tag: string, key: string, value: Value, specific: ReadonlySet<string> | undefined): Value | undefined {
  if (!GLOBAL_ATTRIBUTES.has(key) && !specific?.has(key)) return undefined;
  if (value === null || value === undefined) return undefined;
  if (URL_ATTRIBUTES.has(key)) return typeof value === 'string' && isSafeUrl(value) ? value : undefined;
  if (key === 'srcSet') return typeof value === 'string' && isSafeSrcset(value) ? value : undefined;
  if (key === 'className') {
    const tokens = (Array.isArray(value) ? value : String(value).split(/\s+/)).map(String);
    const kept = tokens.filter((token) => isAllowedClass(tag, token));
    if (kept.length === 0) return undefined;
    return kept.length === tokens.length ? value : kept;
  }
  if (key === 'id' || key === 'name') {
    const id = String(value);
    return id.startsWith(ID_PREFIX) ? value : ID_PREFIX + id;
  }
  return value;
}

/**
 * A plain-object copy of an untouched subtree. Nodes handed to us by Sätteri
 * carry internal fields (`_id`, `_resolver`) that must not go back into a
 * replacement tree.
 */
function plain(node: Node): Node {
  if (node.type === 'text') return { type: 'text', value: node.value };
  if (node.type === 'element') {
    return {
      type: 'element',
      tagName: node.tagName,
      properties: { ...node.properties },
      children: node.children.map((child) => plain(child) as ElementContent),
    };
  }
  return { ...node } as Node;
}

/** The plugin: runs the walk once per document and replaces the root if needed. */
export const sanitizePlugin: HastPluginDefinition = {
  name: 'project-pages-sanitize',
  before(root, ctx) {
    const clean = sanitizeTree(root);
    if (clean) ctx.replaceNode(root, clean);
  },
};
