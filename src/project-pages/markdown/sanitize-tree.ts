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
 *
 * The walk uses an explicit stack, not recursion: hostile input can nest
 * blockquotes or elements tens of thousands deep.
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

interface Frame {
  children: readonly Node[];
  index: number;
  /** The clean copy of the children seen so far. */
  out: Node[];
  /** Set when anything below this frame was dropped or altered. */
  changed: boolean;
  /** How the finished children are put back into the parent. */
  finish: (children: Node[], parent: Frame) => void;
}

/**
 * Returns a sanitized copy of `root`, or `undefined` when it is already
 * clean. The copy holds plain objects only: Sätteri's nodes carry internal
 * fields (`_id`, `_resolver`) that must not go back into a replacement tree.
 */
export function sanitizeTree(root: Readonly<Root>): Root | undefined {
  const top: Frame = { children: root.children as readonly Node[], index: 0, out: [], changed: false, finish: () => {} };
  const stack: Frame[] = [top];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.index === frame.children.length) {
      stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) {
        if (frame.changed) parent.changed = true;
        frame.finish(frame.out, parent);
      }
      continue;
    }
    const node = frame.children[frame.index++]!;
    if (node.type === 'text') {
      frame.out.push({ type: 'text', value: node.value });
    } else if (node.type === 'element') {
      const child = enter(node);
      if (child) stack.push(child);
      else frame.changed = true;
    } else {
      // Comments can carry conditional-comment tricks for old browsers; raw
      // and doctype nodes should not exist after the reparse. None is prose.
      frame.changed = true;
    }
  }
  return top.changed ? { type: 'root', children: top.out as RootContent[] } : undefined;
}

/** A frame for the element's children, or `undefined` when it is dropped whole. */
function enter(node: Element): Frame | undefined {
  const tag = node.tagName.toLowerCase();
  if (DROP_WITH_CONTENT.has(tag)) return undefined;
  if (tag === 'input' && node.properties?.type !== 'checkbox') return undefined;
  const children = node.children as readonly Node[];
  if (!ALLOWED_ELEMENTS.has(tag)) {
    // Unknown or layout-only elements (center, font, custom-x): keep what
    // they contain, lose the element and its attributes.
    return { children, index: 0, out: [], changed: true, finish: (out, parent) => parent.out.push(...out) };
  }
  const original = node.properties ?? {};
  const properties = cleanProperties(tag, original);
  return {
    children,
    index: 0,
    out: [],
    changed: properties !== undefined,
    finish: (out, parent) =>
      parent.out.push({ type: 'element', tagName: tag, properties: properties ?? { ...original }, children: out as ElementContent[] }),
  };
}

/** Clean properties, or `undefined` when nothing had to change. */
function cleanProperties(tag: string, properties: Properties): Properties | undefined {
  const specific = ELEMENT_ATTRIBUTES[tag];
  let changed = false;
  const out: Properties = {};
  for (const key of Object.keys(properties)) {
    const value = properties[key];
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

const TABLE_ALIGN = /^\s*text-align:\s*(?:left|right|center)\s*;?\s*$/i;

function cleanProperty(tag: string, key: string, value: Value, specific: ReadonlySet<string> | undefined): Value | undefined {
  // GFM writes table column alignment as an inline style; that one is kept.
  if (key === 'style') return (tag === 'td' || tag === 'th') && typeof value === 'string' && TABLE_ALIGN.test(value) ? value : undefined;
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

/** The plugin: runs the walk once per document and replaces the root if needed. */
export const sanitizePlugin: HastPluginDefinition = {
  name: 'project-pages-sanitize',
  before(root, ctx) {
    const clean = sanitizeTree(root);
    if (clean) ctx.replaceNode(root, clean);
  },
};
