/**
 * A small DOM over html-validate's own parser (already a dev dependency), so
 * the link check reads pages the way the validator does.
 */
import { Parser, StaticConfigLoader, type HtmlElement } from 'html-validate';
import { decodeCharacterReferences } from '../../helpers/character-references.ts';

export interface ParsedElement {
	tagName: string;
	/** The attribute's value with character references decoded; undefined when absent. */
	attr(name: string): string | undefined;
	/** Every attribute's name, lower case. */
	names(): string[];
}

export interface ParsedDocument {
	all(): ParsedElement[];
}

const config = await new StaticConfigLoader({ extends: [] }).getConfigFor('page.html');

function wrap(element: HtmlElement): ParsedElement {
	return {
		tagName: element.tagName.toLowerCase(),
		attr(name) {
			const value = element.getAttributeValue(name);
			return value === null ? undefined : decodeCharacterReferences(value);
		},
		names: () => element.attributes.map((attribute) => attribute.key.toLowerCase()),
	};
}

export function parseHtml(source: string): ParsedDocument {
	const root = new Parser(config).parseHtml(source);
	return { all: () => root.querySelectorAll('*').map(wrap) };
}
