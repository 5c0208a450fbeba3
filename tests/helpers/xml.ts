/**
 * The tests' one XML reader: a strict, namespace-aware parser (saxes) that
 * throws on anything not well-formed (an unescaped `<` or `&`, a character
 * XML cannot hold, an unclosed tag), giving the document as a small tree.
 * Feeds, sitemaps and the status feed are checked with it, the way a feed
 * reader would read them, not with our own idea of XML.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
	/** The qualified name as written (`entry`, `atom:link`). */
	name: string;
	attributes: Record<string, string>;
	children: XmlElement[];
	/** Text and CDATA directly inside this element. */
	text: string;
}

export function parseXml(xml: string): XmlElement {
	const parser = new SaxesParser({ xmlns: true });
	const stack: XmlElement[] = [];
	let root: XmlElement | undefined;
	parser.on('error', (error) => {
		throw error;
	});
	parser.on('opentag', (node) => {
		const attributes = Object.fromEntries(Object.values(node.attributes).map((a) => [a.name, a.value]));
		const element: XmlElement = { name: node.name, attributes, children: [], text: '' };
		stack.at(-1)?.children.push(element);
		stack.push(element);
		root ??= element;
	});
	const addText = (text: string) => {
		const top = stack.at(-1);
		if (top) top.text += text;
	};
	parser.on('text', addText);
	parser.on('cdata', addText);
	parser.on('closetag', () => void stack.pop());
	parser.write(xml).close();
	if (!root) throw new Error('no root element');
	return root;
}

/** Every element of the tree, document order. */
export function xmlElements(root: XmlElement): XmlElement[] {
	const out: XmlElement[] = [];
	const stack = [root];
	while (stack.length > 0) {
		const element = stack.pop()!;
		out.push(element);
		for (let i = element.children.length - 1; i >= 0; i--) stack.push(element.children[i]!);
	}
	return out;
}
