/**
 * Plain text of an mdast node, like mdast-util-to-string: emphasis and link
 * markup dropped, inline code kept, hard breaks as newlines, raw HTML left
 * out. Soft line breaks stay as the `\n` they are in the source text.
 */
import type { Nodes } from 'mdast';

export function mdastText(node: Readonly<Nodes>): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return '\n';
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  if (!('children' in node)) return '';
  let out = '';
  for (const child of node.children) out += mdastText(child as Nodes);
  return out;
}

/** The text on one line, spaces collapsed. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
