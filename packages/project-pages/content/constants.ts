/**
 * Allowed values for the content kinds, in one place so that the schemas, the
 * content checker, the pages and the authoring templates agree.
 */

export const RFC_STATUSES = [
	'draft',
	'discussion',
	'accepted',
	'rejected',
	'withdrawn',
	'implemented',
	'superseded',
] as const;
export type RfcStatus = (typeof RFC_STATUSES)[number];

/** Order in which the RFC index groups statuses: live proposals first. */
export const RFC_STATUS_ORDER: readonly RfcStatus[] = [
	'discussion',
	'draft',
	'accepted',
	'implemented',
	'superseded',
	'rejected',
	'withdrawn',
];

export const PROJECT_STATUSES = ['available', 'taken', 'done'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_DIFFICULTIES = [1, 2, 3] as const;
export type ProjectDifficulty = (typeof PROJECT_DIFFICULTIES)[number];
export const DIFFICULTY_LABELS: Record<ProjectDifficulty, string> = {
	1: 'Beginner',
	2: 'Intermediate',
	3: 'Advanced',
};

/** Project sizes as GSoC defines them, with their expected hours. */
export const PROJECT_SIZES = ['small', 'medium', 'large'] as const;
export type ProjectSize = (typeof PROJECT_SIZES)[number];
export const PROJECT_SIZE_HOURS: Record<ProjectSize, number> = {
	small: 90,
	medium: 175,
	large: 350,
};

/** The content kinds this integration knows, keyed by their folder under `content/`. */
export const CONTENT_KINDS = ['minutes', 'rfcs', 'projects', 'blog'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/** The URL section of each kind's pages: mirage-www's `/weekly/` for minutes. */
export const SECTION_OF_KIND: Record<ContentKind, string> = {
	minutes: 'weekly',
	rfcs: 'rfcs',
	projects: 'projects',
	blog: 'blog',
};

/**
 * Paths under each section that the integration's own pages use: an entry
 * with one of these permalinks would silently lose to the fixed route, or
 * be written over the route's file.
 */
/**
 * File names the build writes in every section's folder: `/weekly/` is
 * `weekly/index.html`, so an entry at `/weekly/index.html/` would need that
 * file to be a folder (the build crashed with EISDIR, or ENOTDIR).
 */
export const SECTION_FILES: readonly string[] = ['index.html'];

export const RESERVED_PERMALINKS: Record<ContentKind, readonly string[]> = {
	minutes: ['actions', 'rss.xml', 'calls.ics'],
	rfcs: [],
	projects: ['filter'],
	blog: ['rss.xml'],
};

/**
 * Kinds whose markdown arrives from outside contributors by pull request: only
 * `.md` is accepted there (MDX runs code at build time) and raw HTML is sanitized.
 */
export const UNTRUSTED_KINDS: readonly ContentKind[] = ['minutes', 'rfcs', 'projects'];
