/**
 * Markdown body → HTML, with Sätteri (Astro 7's native engine) called
 * directly: GFM, Shiki highlighting, heading ids, `owner/repo#N` autolinks
 * and, for content from outside contributors, sanitized raw HTML.
 *
 * Plugin objects are built once per process (the pipeline below is
 * memoized); a render is one native parse plus a few filtered visitors, with
 * no HTML reparse on the hot path.
 */
import { markdownToHtml } from 'satteri';
import type { Features, HastPluginEntry, MdastPluginList } from 'satteri';
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import type { SatteriAstroData } from '@astrojs/markdown-satteri';
import { autolinkReferencesPlugin } from './autolink-references.ts';
import { collectReferencesPlugin } from './collect-references.ts';
import { getHighlightPlugin } from './highlight.ts';
import { sanitizePlugin } from './sanitize.ts';
import { safeUrlsPlugin } from './safe-urls-plugin.ts';

export interface RenderedMarkdown {
  html: string;
  /** Every heading, in document order, with the id it was given. */
  headings: Array<{ depth: number; slug: string; text: string }>;
  /** `owner/repo#N` ids of the GitHub issues and pull requests linked, in first-seen order. */
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
  mdastPlugins: MdastPluginList;
  trusted: readonly HastPluginEntry[];
  untrusted: readonly HastPluginEntry[];
}

// Astro's defaults for markdown: GFM and smart punctuation on.
const TRUSTED_FEATURES: Features = { gfm: true, smartPunctuation: true };
const UNTRUSTED_FEATURES: Features = { ...TRUSTED_FEATURES, rawHtml: true };

let pipeline: Promise<Pipeline> | undefined;

function getPipeline(): Promise<Pipeline> {
  pipeline ??= getHighlightPlugin().then((highlight) => {
    // Order matters: sanitize first, so the highlighter's inline styles and
    // the heading ids added afterwards are not stripped as if they were input.
    const after: HastPluginEntry[] = [highlight, satteriHeadingIdsPlugin(), collectReferencesPlugin];
    // Without a '<' the source holds no raw HTML, so only link and image URLs
    // need checking; that avoids walking the whole tree for most documents.
    const untrustedGuard: HastPluginEntry = (ctx) => (ctx.source.includes('<') ? sanitizePlugin : safeUrlsPlugin);
    return {
      mdastPlugins: [autolinkReferencesPlugin],
      trusted: after,
      untrusted: [untrustedGuard, ...after],
    };
  });
  return pipeline;
}

/** Renders a markdown body (front matter already removed). */
export async function renderMarkdown(source: string, options: RenderOptions): Promise<RenderedMarkdown> {
  const { mdastPlugins, trusted, untrusted } = await getPipeline();
  const astro: SatteriAstroData = {
    frontmatter: {},
    headings: [],
    localImagePaths: new Set(),
    remoteImagePaths: new Set(),
  };
  const references = new Set<string>();
  const result = await markdownToHtml(source, {
    mdastPlugins,
    hastPlugins: options.trusted ? trusted : untrusted,
    // The body has no front matter left; a leading `---` block is content.
    features: { ...(options.trusted ? TRUSTED_FEATURES : UNTRUSTED_FEATURES), frontmatter: false },
    fileURL: options.fileURL,
    data: { astro, references },
  });
  return {
    html: result.html,
    headings: astro.headings.map(({ depth, slug, text }) => ({ depth, slug, text })),
    references: [...references],
  };
}
