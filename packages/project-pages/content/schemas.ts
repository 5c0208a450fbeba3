/**
 * Front-matter schemas of the four content kinds: one source of truth for the
 * build's loaders and for the content checker.
 *
 * Each kind has a `*FrontMatter` schema that accepts what authors write,
 * mirage-www's shapes included, and returns the normalized fields.
 */
import { z } from 'zod';
import {
	PROJECT_DIFFICULTIES,
	PROJECT_SIZES,
	PROJECT_STATUSES,
	RFC_STATUSES,
} from './constants.ts';
import { ContentDate, DiscussionUrl, LinkField, listOf, NonEmptyString, OptionalLinkField, Permalink, PersonRef, RepoName } from './fields.ts';
import { mapMirageFields } from './mirage-compat.ts';

const oneOf = (values: readonly (string | number)[]) => `must be one of ${values.join(', ')}`;

export const MinutesFields = z.strictObject({
	/** Defaults to "Weekly call: <date>". */
	title: NonEmptyString.optional(),
	date: ContentDate,
	/** One line that the index shows under the call's title. */
	description: NonEmptyString.optional(),
	chair: PersonRef.optional(),
	attendees: listOf(PersonRef).default([]),
	agenda: listOf(NonEmptyString).default([]),
	/** Who took the notes (mirage-www's `author`). */
	author: PersonRef.optional(),
	permalink: Permalink.optional(),
});
export const MinutesFrontMatter = z.preprocess(mapMirageFields('minutes'), MinutesFields);

const RfcShape = z.strictObject({
		number: z.number({ error: 'must be a whole number such as 7' }).int({ error: 'must be a whole number' }).positive({ error: 'must be positive' }),
		title: NonEmptyString,
		status: z.enum(RFC_STATUSES, { error: oneOf(RFC_STATUSES) }),
		authors: listOf(PersonRef).refine((list) => list.length > 0, { error: 'must name at least one author' }),
		created: ContentDate,
		/** The pull request where the RFC is discussed. */
		discussion: DiscussionUrl.optional(),
		/** Repositories the proposal changes. */
		affects: listOf(RepoName).default([]),
		supersedes: listOf(z.number({ error: 'must be RFC numbers' }).int().positive()).default([]),
		supersededBy: z.number({ error: 'must be an RFC number' }).int().positive().optional(),
		description: NonEmptyString.optional(),
});
export const RfcFields = RfcShape.superRefine((rfc, ctx) => {
		if ((rfc.status === 'accepted' || rfc.status === 'implemented') && !rfc.discussion) {
			ctx.addIssue({ code: 'custom', path: ['discussion'], message: `is required when status is ${rfc.status}` });
		}
		if (rfc.status === 'superseded' && rfc.supersededBy === undefined) {
			ctx.addIssue({ code: 'custom', path: ['supersededBy'], message: 'is required when status is superseded' });
		}
		if (rfc.supersededBy === rfc.number) {
			ctx.addIssue({ code: 'custom', path: ['supersededBy'], message: 'must name another RFC' });
		}
});
export const RfcFrontMatter = z.preprocess(mapMirageFields('rfcs'), RfcFields);

export const ProjectFields = z.strictObject({
	title: NonEmptyString,
	/** One or two sentences shown on the browse page. */
	summary: NonEmptyString,
	difficulty: z.union(PROJECT_DIFFICULTIES.map((n) => z.literal(n)), { error: 'must be 1, 2 or 3 (stars)' }),
	size: z.enum(PROJECT_SIZES, { error: `${oneOf(PROJECT_SIZES)} (90, 175 or 350 hours)` }),
	skills: listOf(NonEmptyString).default([]),
	mentors: listOf(PersonRef).refine((list) => list.length > 0, { error: 'must name at least one mentor' }),
	repos: listOf(RepoName).default([]),
	status: z.enum(PROJECT_STATUSES, { error: oneOf(PROJECT_STATUSES) }),
	/** "GSoC", "Outreachy", or the project's own programme. */
	program: NonEmptyString,
	year: z.number({ error: 'must be a year such as 2026' }).int().min(2000, { error: 'must be a year such as 2026' }).max(2100, { error: 'must be a year such as 2026' }),
	/** For finished projects: who did it and where to read about it. */
	outcome: z
		.strictObject({
			student: PersonRef.optional(),
			/** Where the write-up is: a link on the project's page and card. */
			post: LinkField().optional(),
			summary: NonEmptyString.optional(),
		})
		.optional(),
});
export const ProjectFrontMatter = z.preprocess(mapMirageFields('projects'), ProjectFields);

export const BlogFields = z.strictObject({
	title: NonEmptyString,
	date: ContentDate,
	authors: listOf(PersonRef).default([]),
	tags: listOf(NonEmptyString).default([]),
	description: NonEmptyString.optional(),
	permalink: Permalink.optional(),
});
export const BlogFrontMatter = z.preprocess(mapMirageFields('blog'), BlogFields);

export const PersonFields = z.strictObject({
	name: NonEmptyString,
	/** GitHub handle: the person's page is `/people/<github>/`. */
	github: z.string({ error: 'must be a GitHub handle' }).regex(/^[A-Za-z0-9-]+$/, { error: 'must be a GitHub handle (letters, digits, "-")' }),
	url: OptionalLinkField(),
	/** Other spellings that content uses for this person. */
	aliases: listOf(NonEmptyString).default([]),
});
export const PeopleFile = z.array(PersonFields, { error: 'must be a list of people' });

export type MinutesData = z.output<typeof MinutesFields>;
export type RfcData = z.output<typeof RfcFields>;
export type ProjectData = z.output<typeof ProjectFields>;
export type BlogData = z.output<typeof BlogFields>;
export type PersonData = z.output<typeof PersonFields>;

export const FRONT_MATTER_SCHEMAS = {
	minutes: MinutesFrontMatter,
	rfcs: RfcFrontMatter,
	projects: ProjectFrontMatter,
	blog: BlogFrontMatter,
} as const;

/*
 * What the loaders store: the normalized fields plus what they derive. These
 * give pages their types; validation happens before storing, with the
 * schemas above.
 */
const Derived = {
	permalink: z.string(),
	/** Source file relative to the project root, for "edit this page" links and messages. */
	file: z.string(),
	/** `owner/repo#N` ids the body links to. */
	references: z.array(z.string()).default([]),
};
export const MinutesSummarySchema = z.object({
	chair: z.string().optional(),
	attendees: z.array(z.string()),
	agenda: z.array(z.string()),
	actions: z.array(z.object({ owner: z.string().optional(), text: z.string(), done: z.boolean() })),
	decisions: z.array(z.string()),
	rfcMentions: z.array(z.number()),
});
export const MinutesEntrySchema = MinutesFields.extend({ ...Derived, title: z.string(), summary: MinutesSummarySchema });
export const RfcEntrySchema = RfcShape.extend(Derived);
export const ProjectEntrySchema = ProjectFields.extend(Derived);
export const BlogEntrySchema = BlogFields.extend(Derived);
export type MinutesEntryData = z.output<typeof MinutesEntrySchema>;
export type RfcEntryData = z.output<typeof RfcEntrySchema>;
export type ProjectEntryData = z.output<typeof ProjectEntrySchema>;
export type BlogEntryData = z.output<typeof BlogEntrySchema>;
