/**
 * Markdown body → HTML, with Sätteri (Astro 7's native engine) called
 * directly: GFM, Shiki highlighting, heading ids, `owner/repo#N` autolinks
 * and, for content from outside contributors, sanitized raw HTML.
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

// Astro's defaults for markdown: GFM and smart punctuation on. The body has
// no front matter left, so a leading `---` block is content, not metadata.
const PLAIN: Features = { gfm: true, smartPunctuation: true, frontmatter: false };
const PLAIN_NO_SMART: Features = { ...PLAIN, smartPunctuation: false };
const REPARSE_HTML: Features = { ...PLAIN, rawHtml: true };
const REPARSE_HTML_NO_SMART: Features = { ...REPARSE_HTML, smartPunctuation: false };

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

function plan(p: Pipeline, source: string, trusted: boolean): Plan {
	if (trusted) return { source, hastPlugins: p.trusted, features: PLAIN };
	const guarded = guardUntrusted(source);
	// Without raw HTML the reparse (the costly part) and the full walk are skipped.
	if (!guarded.hasHtml) {
		return { source: guarded.source, hastPlugins: p.untrustedPlain, features: guarded.smartPunctuation ? PLAIN : PLAIN_NO_SMART };
	}
	return {
		source: guarded.source,
		hastPlugins: p.untrustedHtml,
		features: guarded.smartPunctuation ? REPARSE_HTML : REPARSE_HTML_NO_SMART,
	};
}

/** Renders a markdown body (front matter already removed). */
export async function renderMarkdown(source: string, options: RenderOptions): Promise<RenderedMarkdown> {
	const p = await getPipeline();
	const { hastPlugins, features, source: input } = plan(p, source, options.trusted);
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
