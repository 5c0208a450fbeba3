/**
 * Plain text of an mdast node, like mdast-util-to-string: emphasis and link
 * markup dropped, inline code kept, hard breaks as newlines, raw HTML left
 * out. Soft line breaks stay as the `\n` they are in the source text.
 * Iterative: hostile emphasis can nest tens of thousands deep.
 */
import type { Nodes } from 'mdast';

export function mdastText(node: Readonly<Nodes>): string {
	let out = '';
	const stack: Array<Readonly<Nodes>> = [node];
	while (stack.length > 0) {
		const current = stack.pop()!;
		if (current.type === 'text' || current.type === 'inlineCode') out += current.value;
		else if (current.type === 'break') out += '\n';
		else if (current.type === 'image' || current.type === 'imageReference') out += current.alt ?? '';
		else if ('children' in current) {
			for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i] as Nodes);
		}
	}
	return out;
}

/** The text on one line, spaces collapsed. */
export function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}
