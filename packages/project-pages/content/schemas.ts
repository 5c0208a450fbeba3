/**
 * Front-matter schemas of the content kinds: one source of truth for the
 * build's loaders and for the content checker.
 *
 * Each kind has a `*FrontMatter` schema that accepts what authors write,
 * mirage-www's shapes included, and returns the normalized fields. A site
 * adds fields of its own with `frontMatterSchema(kind, extension)` (what
 * `projectPagesCollections({ extend })` calls); unknown fields stay errors.
 */
import { z } from 'astro/zod';
import type { ContentKind } from './kinds.ts';
import { PROJECT_DIFFICULTIES, PROJECT_SIZES, PROJECT_STATUSES, RFC_STATUSES } from './constants.ts';
import {
	ContentDate,
	DiscussionUrl,
	GitHubHandle,
	LinkField,
	listOf,
	NonEmptyString,
	OptionalLinkField,
	Permalink,
	PersonRef,
	RepoName,
} from './fields.ts';
import { mapMirageFields } from './mirage-compat.ts';

const oneOf = (values: readonly (string | number)[]) => `must be one of ${values.join(', ')}`;

export const MinutesFields = z.strictObject({
	/** Defaults to "<item>: <date>" ("Minutes: 2026-01-07", or the site's `labels.minutes` item). */
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
	number: z
		.number({ error: 'must be a whole number such as 7' })
		.int({ error: 'must be a whole number' })
		.positive({ error: 'must be positive' }),
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
/** Rules across RFC fields, each reported on the field to fix. */
function rfcRules(rfc: z.output<typeof RfcShape>, ctx: z.RefinementCtx): void {
	if ((rfc.status === 'accepted' || rfc.status === 'implemented') && !rfc.discussion) {
		ctx.addIssue({ code: 'custom', path: ['discussion'], message: `is required when status is ${rfc.status}` });
	}
	if (rfc.status === 'superseded' && rfc.supersededBy === undefined) {
		ctx.addIssue({ code: 'custom', path: ['supersededBy'], message: 'is required when status is superseded' });
	}
	if (rfc.supersededBy === rfc.number) {
		ctx.addIssue({ code: 'custom', path: ['supersededBy'], message: 'must name another RFC' });
	}
}
export const RfcFields = RfcShape.superRefine(rfcRules);
export const RfcFrontMatter = z.preprocess(mapMirageFields('rfcs'), RfcFields);

export const ProjectFields = z.strictObject({
	title: NonEmptyString,
	/** One or two sentences shown on the browse page. */
	summary: NonEmptyString,
	difficulty: z.union(
		PROJECT_DIFFICULTIES.map((n) => z.literal(n)),
		{ error: 'must be 1, 2 or 3 (stars)' },
	),
	size: z.enum(PROJECT_SIZES, { error: `${oneOf(PROJECT_SIZES)} (90, 175 or 350 hours)` }),
	skills: listOf(NonEmptyString).default([]),
	mentors: listOf(PersonRef).refine((list) => list.length > 0, { error: 'must name at least one mentor' }),
	repos: listOf(RepoName).default([]),
	status: z.enum(PROJECT_STATUSES, { error: oneOf(PROJECT_STATUSES) }),
	/** "GSoC", "Outreachy", or the project's own programme. */
	program: NonEmptyString,
	year: z
		.number({ error: 'must be a year such as 2026' })
		.int()
		.min(2000, { error: 'must be a year such as 2026' })
		.max(2100, { error: 'must be a year such as 2026' }),
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

/** A developer guide: mirage-www's `data/wiki` pages (`updated`, `author`, `subject`, `permalink`) as they are. */
export const DocsFields = z.strictObject({
	title: NonEmptyString,
	/** When the guide was last brought up to date: the page's "last updated" (mirage-www's `updated`). */
	date: ContentDate,
	authors: listOf(PersonRef).default([]),
	/** One line for the docs index, search results and the page's description. */
	description: NonEmptyString.optional(),
	permalink: Permalink.optional(),
});
export const DocsFrontMatter = z.preprocess(mapMirageFields('docs'), DocsFields);

export const PersonFields = z.strictObject({
	name: NonEmptyString,
	/** GitHub handle: the person's page is `/people/<github>/`. */
	github: GitHubHandle,
	url: OptionalLinkField(),
	/** Other spellings that content uses for this person. */
	aliases: listOf(NonEmptyString).default([]),
});
export const PeopleFile = z.array(PersonFields, { error: 'must be a list of people' });

export type MinutesData = z.output<typeof MinutesFields>;
export type RfcData = z.output<typeof RfcFields>;
export type ProjectData = z.output<typeof ProjectFields>;
export type BlogData = z.output<typeof BlogFields>;
export type DocsData = z.output<typeof DocsFields>;
export type PersonData = z.output<typeof PersonFields>;

export const FRONT_MATTER_SCHEMAS = {
	minutes: MinutesFrontMatter,
	rfcs: RfcFrontMatter,
	projects: ProjectFrontMatter,
	blog: BlogFrontMatter,
	docs: DocsFrontMatter,
} as const satisfies Record<ContentKind, z.ZodType>;

/** The fields of each kind before cross-field rules: what an extension adds to. */
export const FIELD_SHAPES = {
	minutes: MinutesFields,
	rfcs: RfcShape,
	projects: ProjectFields,
	blog: BlogFields,
	docs: DocsFields,
} as const satisfies Record<ContentKind, z.ZodObject>;

/** A site's own fields for some kinds: `{ minutes: z.object({ venue: z.string().optional() }) }` (z from `astro/zod`). */
export type KindExtensions = Partial<Record<ContentKind, z.ZodObject>>;

/** Throws when an extension is not an object schema or redefines a field the kind has. */
export function checkExtensions(extensions: Record<string, unknown>): void {
	for (const [kind, extension] of Object.entries(extensions)) {
		if (!(kind in FIELD_SHAPES))
			throw new Error(`projectPagesCollections(): extend.${kind}: is not a content kind (${Object.keys(FIELD_SHAPES).join(', ')})`);
		if (!(extension instanceof z.ZodObject)) {
			throw new Error(`projectPagesCollections(): extend.${kind}: must be z.object({ … }) from 'astro/zod'`);
		}
		const taken = Object.keys(extension.shape).filter(
			(field) => field in FIELD_SHAPES[kind as ContentKind].shape || field in ENTRY_SCHEMAS[kind as ContentKind].shape,
		);
		if (taken.length > 0) {
			throw new Error(
				`projectPagesCollections(): extend.${kind}.${taken[0]}: is already a field of ${kind}; an extension adds fields of its own`,
			);
		}
	}
}

/** A stable text for an extension's rules, for the digest of entries validated with it. */
export function extensionKey(extension: z.ZodObject | undefined): string {
	if (!extension) return '';
	try {
		return JSON.stringify(z.toJSONSchema(extension, { unrepresentable: 'any', io: 'input' }));
	} catch {
		return Object.keys(extension.shape).join(',');
	}
}

/** What authors write for one kind, with a site's extra fields; unknown fields are still errors. */
export function frontMatterSchema(kind: ContentKind, extension?: z.ZodObject): z.ZodType {
	if (!extension) return FRONT_MATTER_SCHEMAS[kind];
	const fields = FIELD_SHAPES[kind].extend(extension.shape);
	return z.preprocess(mapMirageFields(kind), kind === 'rfcs' ? fields.superRefine(rfcRules as never) : fields);
}

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
	inNotes: z.object({ chair: z.boolean(), attendees: z.boolean(), agenda: z.boolean() }).default({ chair: false, attendees: false, agenda: false }),
});
export const MinutesEntrySchema = MinutesFields.extend({ ...Derived, title: z.string(), summary: MinutesSummarySchema });
export const RfcEntrySchema = RfcShape.extend(Derived);
export const ProjectEntrySchema = ProjectFields.extend(Derived);
export const BlogEntrySchema = BlogFields.extend(Derived);
/** A heading of a guide, for its table of contents (kept by the loader, from the render). */
export const HeadingSchema = z.object({ depth: z.number(), slug: z.string(), text: z.string() });
export const DocsEntrySchema = DocsFields.extend({ ...Derived, headings: z.array(HeadingSchema).default([]) });
export const ENTRY_SCHEMAS = {
	minutes: MinutesEntrySchema,
	rfcs: RfcEntrySchema,
	projects: ProjectEntrySchema,
	blog: BlogEntrySchema,
	docs: DocsEntrySchema,
} as const satisfies Record<ContentKind, z.ZodObject>;
export type MinutesEntryData = z.output<typeof MinutesEntrySchema>;
export type RfcEntryData = z.output<typeof RfcEntrySchema>;
export type ProjectEntryData = z.output<typeof ProjectEntrySchema>;
export type BlogEntryData = z.output<typeof BlogEntrySchema>;
export type DocsEntryData = z.output<typeof DocsEntrySchema>;
