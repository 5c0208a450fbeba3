/**
 * The registry of content kinds and the site's other sections: one entry per
 * kind says where its files live, where its pages go, what they are called,
 * whether its files come from outside contributors, and which pages it has.
 * The routes, the sidebar, search, the 404 page, the scaffolder and the
 * content checker all read it, so none of them keeps a list of its own.
 *
 * Adding a kind: an entry here, its schemas in `schemas.ts` (the maps there
 * are keyed by kind, so the compiler asks for them) and its pages in
 * `routes/<kind>/`.
 */

/** A page a kind adds under its section: `''` is the index, `[param]` an entry. */
export interface KindRoute {
	/**
	 * Relative to the section: `''`, `'rss.xml'`, `'[permalink]'`, `'filter/[facet]/[value]'`; a pattern
	 * starting with `/` is at the site root (`'/feed.xml'`) but still belongs to the kind (off with it).
	 */
	pattern: string;
	/** Relative to the package root. */
	entrypoint: string;
	/** Injected only when this option is set. */
	requires?: 'calls';
}

export interface KindSpec {
	/** Folder under the content directory. */
	folder: string;
	/** Default URL section: pages live at `/<path>/<id>/`. */
	path: string;
	/** Default name of the section (sidebar, index title, search), and of one entry (page eyebrow, search result). */
	label: string;
	item: string;
	/**
	 * The trust model: true for maintainer content (raw HTML kept, `.mdx` accepted), false for files
	 * that arrive from outside contributors by pull request: only `.md` is accepted (MDX runs code at
	 * build time) and raw HTML is sanitized. A site can make a trusted kind contributed (the
	 * `contributed` option, see `isTrusted`), never the other way round.
	 */
	trusted: boolean;
	routes: readonly KindRoute[];
	/** The end of the checker's "must point at an existing page; …" for an unknown id. */
	missing: (id: string) => string;
	/** Front-matter fields that name people, each a person or a list of people. */
	peopleFields: readonly (readonly string[])[];
	/** Front-matter fields that list `owner/repo` names. */
	repoFields: readonly string[];
	/** `project-pages new <command>` writes `templates/<template>`; the argument is a title or a date. */
	scaffold: { command: string; template: string; argument: 'title' | 'date'; what: string };
	/** What the section's index offers, for the search page's list of indexes. */
	summary: string;
}

// In the order the sidebar, search and 404 page list them (mirage-www's).
export const KINDS = {
	blog: {
		folder: 'blog',
		path: 'blog',
		label: 'Blog',
		item: 'Post',
		trusted: true,
		routes: [
			{ pattern: '', entrypoint: './routes/blog/index.astro' },
			{ pattern: 'rss.xml', entrypoint: './routes/blog/rss.xml.ts' },
			// The Atom feed of every post, in full: at the site root, where mirage-www serves it, and
			// beside the RSS feed, where its 2013 site did (old posts still link it).
			{ pattern: '/feed.xml', entrypoint: './routes/blog/feed.xml.ts' },
			{ pattern: 'atom.xml', entrypoint: './routes/blog/atom.xml.ts' },
			{ pattern: '[permalink]', entrypoint: './routes/blog/[permalink].astro' },
		],
		missing: (id) => `no post has the permalink "${id}"`,
		peopleFields: [['authors']],
		repoFields: [],
		scaffold: { command: 'post', template: 'post.md', argument: 'title', what: 'a blog post' },
		summary: 'posts, newest first',
	},
	docs: {
		folder: 'docs',
		path: 'docs',
		label: 'Docs',
		item: 'Guide',
		// Developer guides are written and reviewed by maintainers, like posts (mirage-www's wiki pages
		// carry raw HTML: iframes, images); a site whose guides come from anyone says `contributed: ['docs']`.
		trusted: true,
		routes: [
			{ pattern: '', entrypoint: './routes/docs/index.astro' },
			{ pattern: '[permalink]', entrypoint: './routes/docs/[permalink].astro' },
		],
		missing: (id) => `no guide has the permalink "${id}"`,
		peopleFields: [['authors']],
		repoFields: [],
		scaffold: { command: 'guide', template: 'guide.md', argument: 'title', what: 'a developer guide' },
		summary: 'developer guides, by topic',
	},
	minutes: {
		folder: 'minutes',
		path: 'minutes',
		label: 'Minutes',
		item: 'Minutes',
		trusted: false,
		routes: [
			{ pattern: '', entrypoint: './routes/minutes/index.astro' },
			{ pattern: 'rss.xml', entrypoint: './routes/minutes/rss.xml.ts' },
			{ pattern: 'actions', entrypoint: './routes/minutes/actions.astro' },
			{ pattern: 'calls.ics', entrypoint: './routes/minutes/calls.ics.ts', requires: 'calls' },
			{ pattern: '[permalink]', entrypoint: './routes/minutes/[permalink].astro' },
		],
		missing: (id) => `no minutes have the permalink "${id}"`,
		peopleFields: [['chair'], ['attendees'], ['author']],
		repoFields: [],
		scaffold: { command: 'minutes', template: 'minutes.md', argument: 'date', what: 'minutes of a call (default: today)' },
		summary: 'minutes of every call, by year',
	},
	rfcs: {
		folder: 'rfcs',
		path: 'rfcs',
		label: 'RFCs',
		item: 'RFC',
		trusted: false,
		routes: [
			{ pattern: '', entrypoint: './routes/rfcs/index.astro' },
			{ pattern: '[id]', entrypoint: './routes/rfcs/[id].astro' },
		],
		missing: (id) => `no RFC has the id "${id}"`,
		peopleFields: [['authors']],
		repoFields: ['affects'],
		scaffold: { command: 'rfc', template: 'rfc.md', argument: 'title', what: 'a draft RFC with the next free number' },
		summary: 'proposals, by status',
	},
	projects: {
		folder: 'projects',
		path: 'projects',
		label: 'Projects',
		item: 'Project',
		trusted: false,
		routes: [
			{ pattern: '', entrypoint: './routes/projects/index.astro' },
			{ pattern: 'filter/[facet]/[value]', entrypoint: './routes/projects/filter/[facet]/[value].astro' },
			{ pattern: '[slug]', entrypoint: './routes/projects/[slug].astro' },
		],
		missing: (id) => `no project is named "${id}"`,
		peopleFields: [['mentors'], ['outcome', 'student']],
		repoFields: ['repos'],
		scaffold: { command: 'project', template: 'project.md', argument: 'title', what: 'a project idea for students and newcomers' },
		summary: 'project ideas, with filters',
	},
} as const satisfies Record<string, KindSpec>;

export type ContentKind = keyof typeof KINDS;
export const CONTENT_KINDS = Object.keys(KINDS) as ContentKind[];

export function isContentKind(value: string): value is ContentKind {
	return Object.hasOwn(KINDS, value);
}

/** Sections that are not a content kind, with their own pages. */
export interface PageSectionSpec {
	path: string;
	label: string;
	/** Whether the sidebar links to the section (after the kinds). */
	nav: boolean;
	/** What the section's index offers, for the search page's list of indexes. */
	summary?: string;
	routes: readonly KindRoute[];
	/** For the checker: the end of "must point at an existing page; …" (only sections with one page per id). */
	missing?: (id: string) => string;
	/** The section exists only when this kind is on (tags belong to the blog). */
	needs?: ContentKind;
}

export const PAGE_SECTIONS = {
	status: {
		path: 'status',
		label: 'Toolchain status',
		nav: true,
		routes: [
			{ pattern: '', entrypoint: './routes/status/index.astro' },
			// `/status.json`: a pattern starting with "." is a file beside the section, not in it.
			{ pattern: '.json', entrypoint: './routes/status/status.json.ts' },
			{ pattern: '[owner]/[repo].json', entrypoint: './routes/status/badge.json.ts' },
			{ pattern: '[owner]/[repo]', entrypoint: './routes/status/repo.astro' },
			{ pattern: 'known-good.json', entrypoint: './routes/status/known-good.json.ts' },
			{ pattern: 'feed.xml', entrypoint: './routes/status/feed.xml.ts' },
		],
	},
	people: {
		path: 'people',
		label: 'People',
		nav: true,
		summary: 'who wrote, chaired and mentored what',
		routes: [
			{ pattern: '', entrypoint: './routes/people/index.astro' },
			{ pattern: '[handle]', entrypoint: './routes/people/[handle].astro' },
		],
		missing: (id) => `no one in people.yaml has the GitHub handle "${id}"`,
	},
	tags: {
		path: 'tags',
		label: 'Tags',
		nav: false,
		summary: 'posts by topic',
		routes: [
			{ pattern: '', entrypoint: './routes/tags/index.astro' },
			{ pattern: '[tag]', entrypoint: './routes/tags/[tag].astro' },
		],
		missing: (id) => `no post is tagged "${id}"`,
		needs: 'blog',
	},
	search: {
		path: 'search',
		label: 'Search',
		nav: false,
		routes: [{ pattern: '', entrypoint: './routes/search.astro' }],
	},
	// `papers.yml` in the content folder; linked from the docs index (mirage-www's /papers).
	papers: {
		path: 'papers',
		label: 'Papers',
		nav: false,
		summary: 'papers and articles about the project',
		routes: [{ pattern: '', entrypoint: './routes/papers.astro' }],
	},
} as const satisfies Record<string, PageSectionSpec>;

export type PageSection = keyof typeof PAGE_SECTIONS;
/** Every section a site can rename, move or turn off. */
export type SectionKey = ContentKind | PageSection;
export const SECTION_KEYS = [...CONTENT_KINDS, ...(Object.keys(PAGE_SECTIONS) as PageSection[])] as SectionKey[];

/** Pages outside every section. */
export const SITE_ROUTES: readonly KindRoute[] = [
	{ pattern: '/', entrypoint: './routes/index.astro' },
	{ pattern: '/404', entrypoint: './routes/404.astro' },
];

/**
 * File names the build writes in every section's folder: `/weekly/` is
 * `weekly/index.html`, so an entry at `/weekly/index.html/` would need that
 * file to be a folder (the build crashed with EISDIR, or ENOTDIR).
 */
export const SECTION_FILES: readonly string[] = ['index.html'];

/**
 * Names under a kind's section that its own pages use (`actions`, `rss.xml`,
 * `filter`): an entry with one of these permalinks would silently lose to the
 * fixed page.
 */
export function reservedNames(kind: ContentKind): string[] {
	const names = KINDS[kind].routes.map((r) => r.pattern.split('/')[0]!).filter((first) => first !== '' && !first.startsWith('['));
	return [...new Set(names)];
}

/** Names at the site root that a kind's own files take (`feed.xml`): no entry served at the root may have one. */
export function rootFileNames(): string[] {
	return Object.values(KINDS).flatMap((spec) =>
		(spec.routes as readonly KindRoute[]).filter((r) => r.pattern.startsWith('/')).map((r) => r.pattern.slice(1)),
	);
}

/** Whether a kind's files are maintainer content on this site: the registry's `trusted`, unless the site lists the kind in `contributed`. */
export function isTrusted(kind: ContentKind, contributed: readonly ContentKind[] = []): boolean {
	return KINDS[kind].trusted && !contributed.includes(kind);
}
