/**
 * The integration's options: one schema, validated once in
 * `astro:config:setup`. Both the input type (what `astro.config.mjs` writes)
 * and the resolved type come from it.
 */
import { z } from 'zod';
import { CiOptionsSchema } from './ci/options.ts';
import { describeIssues } from './content/issues.ts';

const NavLinkSchema = z.strictObject({
	/** Text of the link in the sidebar. */
	label: z.string().min(1, { error: 'must not be empty' }),
	/** Site-relative path such as `/docs/` or an absolute URL. */
	href: z.string().min(1, { error: 'must not be empty' }),
});

export const ProjectPagesOptionsSchema = z.strictObject({
	/** The project's name, shown in titles and feeds. */
	title: z.string({ error: 'must be text' }).min(1, { error: 'must not be empty' }),
	/** One sentence about the project, used for the home page and feeds. */
	description: z.string({ error: 'must be text' }).min(1, { error: 'must not be empty' }),
	/** Folder holding minutes/, rfcs/, projects/, blog/ and people.yaml, relative to the project root. */
	contentDir: z.string().min(1).default('content'),
	/** The project's repository, for "edit this page" and "propose an RFC" links: `owner/repo`. */
	repository: z
		.string()
		.regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9_.-]+$/, { error: 'must look like "owner/repo"' })
		.optional(),
	/** Branch that "edit this page" links point at. */
	branch: z.string().min(1).default('main'),
	/** Extra sidebar links after the built-in ones. */
	nav: z.array(NavLinkSchema).default([]),
	/** Toolchain status from CI. */
	ci: CiOptionsSchema.prefault({}),
	/** Recurring community call, for the iCalendar feed of upcoming calls. */
	calls: z
		.strictObject({
			/** First call of the series, `YYYY-MM-DD`. */
			start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD' }),
			/** Time in UTC, `HH:MM`. */
			time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time written HH:MM (UTC)' }),
			/** Weeks between calls: 1 weekly, 2 every other week. */
			everyWeeks: z.number().int().min(1, { error: 'must be 1 or more' }).max(8, { error: 'must be at most 8' }).default(2),
			/** Length in minutes. */
			durationMinutes: z.number().int().positive().default(60),
			/** Where to join. */
			url: z.url({ error: 'must be a URL' }).optional(),
		})
		.optional(),
});

export type ProjectPagesUserOptions = z.input<typeof ProjectPagesOptionsSchema>;
export type ProjectPagesOptions = z.output<typeof ProjectPagesOptionsSchema>;

export class ProjectPagesOptionsError extends Error {
	constructor(lines: string[]) {
		super(`Invalid projectPages() options:\n${lines.map((l) => `  ${l}`).join('\n')}`);
		this.name = 'ProjectPagesOptionsError';
	}
}

/** Validates user options; the error names each option's path and the rule it breaks. */
export function parseOptions(input: unknown): ProjectPagesOptions {
	const result = ProjectPagesOptionsSchema.safeParse(input ?? {}, { reportInput: true });
	if (result.success) return result.data;
	throw new ProjectPagesOptionsError(describeIssues(result.error.issues).map((p) => `${p.path || '(options)'}: ${p.message}`));
}
