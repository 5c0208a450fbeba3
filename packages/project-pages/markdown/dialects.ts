/**
 * How markdown is read: one name per reading, each a set of Sätteri
 * features, chosen per site or per kind (the `markdown` option).
 *
 * - `gfm`, the default: Astro's reading. GitHub-flavoured markdown (tables,
 *   task lists, strikethrough, bare URLs as links, footnotes) and smart
 *   punctuation (`--` becomes –, straight quotes curly).
 * - `commonmark`: strict CommonMark, as mirage-www renders its pages
 *   (cmarkit's `Doc.of_string ~strict:true`). No footnotes, so
 *   `[text][^7]` with `[^7]: url` is an ordinary reference link; no tables,
 *   task lists, strikethrough or bare-URL links; prose keeps the dashes and
 *   quotes it was written with.
 *
 * Pure data: the renderer (render.ts), the minutes extractor and the content
 * checker read a file with the same features, so what the checker calls a
 * link is what the page has.
 */
import type { ContentKind } from '../content/kinds.ts';

export const MARKDOWN_DIALECTS = ['gfm', 'commonmark'] as const;
export type MarkdownDialect = (typeof MARKDOWN_DIALECTS)[number];

export const DEFAULT_DIALECT: MarkdownDialect = 'gfm';

export interface DialectFeatures {
	/** GitHub's extensions: tables, task lists, strikethrough, autolinked URLs, footnotes. */
	gfm: boolean;
	/** Curly quotes, en and em dashes, ellipses. */
	smartPunctuation: boolean;
}

const FEATURES: Record<MarkdownDialect, DialectFeatures> = {
	gfm: { gfm: true, smartPunctuation: true },
	commonmark: { gfm: false, smartPunctuation: false },
};

export function dialectFeatures(dialect: MarkdownDialect = DEFAULT_DIALECT): DialectFeatures {
	return FEATURES[dialect];
}

/** The `markdown` option as resolved: the site's dialect, and the kinds that read differently. */
export interface MarkdownOptions {
	dialect: MarkdownDialect;
	kinds: Partial<Record<ContentKind, MarkdownDialect>>;
}

/** The dialect a kind's files are read in on a site. */
export function dialectOf(kind: ContentKind, options: MarkdownOptions | undefined): MarkdownDialect {
	return options?.kinds[kind] ?? options?.dialect ?? DEFAULT_DIALECT;
}
