/**
 * Markdown body → HTML, with Sätteri (Astro 7's native engine) called
 * directly: the site's dialect (GFM, or strict CommonMark: dialects.ts),
 * Shiki highlighting, heading ids, `owner/repo#N` autolinks and, for
 * content from outside contributors, sanitized raw HTML.
 *
 * Plugin objects are built once per process (the pipeline below is
 * memoized); a render is one native parse plus a few filtered visitors, with
 * no HTML reparse on the hot path.
 */
import { taskListLabelsPlugin } from './task-list-labels.ts';
import { markdownToHtml } from 'satteri';
import type { Features, HastPluginEntry, HastPluginList, MdastPluginList } from 'satteri';
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import type { SatteriAstroData } from '@astrojs/markdown-satteri';
import { autolinkReferencesEntry } from './autolink-references.ts';
import { collectReferencesEntry } from './collect-references.ts';
import { guardUntrusted } from './input-guard.ts';
import { getHighlightPlugin } from './highlight.ts';
import { normalizeCodeLangEntry } from './normalize-code-lang.ts';
import { escapeRawHtmlEntry } from './escape-raw-html.ts';
import { sanitizeMarkdownPlugin, sanitizePlugin } from './sanitize.ts';
import { dialectFeatures, type MarkdownDialect } from './dialects.ts';

export interface RenderedMarkdown {
	html: string;
	/** Every heading, in document order, with the id it was given. */
	headings: Array<{ depth: number; slug: string; text: string }>;
	/**
	 * `owner/repo#N` ids of the GitHub issues and pull requests the page links,
	 * each once: bare references in document order, then those only linked by URL.
	 */
	references: string[];
}

export interface RenderOptions {
	/**
	 * `false` for content from outside contributors (rfcs, minutes, projects):
	 * raw HTML is parsed and reduced to an allow-list, unsafe URLs are dropped.
	 * `true` keeps raw HTML exactly as written.
	 */
	trusted: boolean;
	/** How the markdown is read (dialects.ts); `gfm` unless said. Raw HTML is sanitized the same way in every dialect. */
	dialect?: MarkdownDialect;
	/** The source file, passed to plugins for their messages. */
	fileURL?: URL;
}

interface Pipeline {
	trustedMdast: MdastPluginList;
	/** Untrusted: raw HTML that must not be parsed is turned into text first (escape-raw-html.ts). */
	untrustedMdast: MdastPluginList;
	trusted: HastPluginList;
	/** Untrusted, with raw HTML: reparsed, then reduced to the allow-list. */
	untrustedHtml: HastPluginList;
	/** Untrusted, raw HTML not reparsed (none in the source, or defused by the guard): URLs checked, raw HTML as text. */
	untrustedPlain: HastPluginList;
}

/**
 * Sätteri's features for a dialect (GFM and smart punctuation on for `gfm`, Astro's defaults). The
 * body has no front matter left, so a leading `---` block is content, not metadata. `rawHtml` reparses
 * raw HTML into elements, for the sanitizer.
 */
function featuresOf(dialect: MarkdownDialect | undefined, { smart, rawHtml }: { smart: boolean; rawHtml: boolean }): Features {
	const reading = dialectFeatures(dialect);
	return {
		gfm: reading.gfm,
		smartPunctuation: reading.smartPunctuation && smart,
		frontmatter: false,
		...(rawHtml ? { rawHtml: true } : {}),
	};
}

let pipeline: Promise<Pipeline> | undefined;

function getPipeline(): Promise<Pipeline> {
	pipeline ??= getHighlightPlugin().then((highlight) => {
		// Order matters: sanitize first, so the highlighter's inline styles and
		// the heading ids added afterwards are not stripped as if they were input.
		const after: HastPluginEntry[] = [highlight, satteriHeadingIdsPlugin(), collectReferencesEntry, taskListLabelsPlugin];
		const mdast = [normalizeCodeLangEntry, autolinkReferencesEntry];
		return {
			trustedMdast: mdast,
			untrustedMdast: [escapeRawHtmlEntry, ...mdast],
			trusted: after,
			// Every untrusted render goes through one of the sanitizer's two forms (sanitize.ts).
			untrustedHtml: [sanitizePlugin, ...after],
			untrustedPlain: [sanitizeMarkdownPlugin, ...after],
		};
	});
	return pipeline;
}

interface Plan {
	source: string;
	hastPlugins: HastPluginList;
	features: Features;
}

function plan(p: Pipeline, source: string, { trusted, dialect }: RenderOptions): Plan {
	if (trusted) return { source, hastPlugins: p.trusted, features: featuresOf(dialect, { smart: true, rawHtml: false }) };
	const guarded = guardUntrusted(source);
	// Without raw HTML the reparse (the costly part) and the full walk are skipped.
	const rawHtml = guarded.hasHtml;
	return {
		source: guarded.source,
		hastPlugins: rawHtml ? p.untrustedHtml : p.untrustedPlain,
		features: featuresOf(dialect, { smart: guarded.smartPunctuation, rawHtml }),
	};
}

/** Renders a markdown body (front matter already removed). */
export async function renderMarkdown(source: string, options: RenderOptions): Promise<RenderedMarkdown> {
	const p = await getPipeline();
	const { hastPlugins, features, source: input } = plan(p, source, options);
	const astro: SatteriAstroData = {
		frontmatter: {},
		headings: [],
		localImagePaths: new Set(),
		remoteImagePaths: new Set(),
	};
	const references = new Set<string>();
	const result = await markdownToHtml(input, {
		mdastPlugins: options.trusted ? p.trustedMdast : p.untrustedMdast,
		hastPlugins,
		features,
		fileURL: options.fileURL,
		data: { astro, references },
	});
	return {
		html: result.html,
		headings: astro.headings.map(({ depth, slug, text }) => ({ depth, slug, text })),
		references: [...references],
	};
}
