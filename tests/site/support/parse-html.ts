/**
 * A small DOM over html-validate's own parser (already a dev dependency), so
 * the link check reads pages the way the validator does.
 */
import { Parser, StaticConfigLoader, type HtmlElement } from 'html-validate';

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

const REFERENCES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(value: string): string {
	return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
		if (ref[0] === '#') return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
		return REFERENCES[ref.toLowerCase()] ?? whole;
	});
}

function wrap(element: HtmlElement): ParsedElement {
	return {
		tagName: element.tagName.toLowerCase(),
		attr(name) {
			const value = element.getAttributeValue(name);
			return value === null ? undefined : decode(value);
		},
		names: () => element.attributes.map((attribute) => attribute.key.toLowerCase()),
	};
}

export function parseHtml(source: string): ParsedDocument {
	const root = new Parser(config).parseHtml(source);
	return { all: () => root.querySelectorAll('*').map(wrap) };
}
