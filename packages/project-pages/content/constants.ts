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
