/**
 * The content schemas, for a site that builds on them: its own fields for a
 * kind (`projectPagesCollections({ extend })` takes `z.object`s; the field
 * schemas below give them the integration's rules), or its own collections
 * with the same shapes. `z` is Astro's (`astro/zod`), as in the site.
 *
 *     import { z } from 'astro/zod';
 *     import { PersonRef, listOf } from 'astro-project-pages/schemas';
 *     export const extend = { minutes: z.object({ notetakers: listOf(PersonRef).default([]) }) };
 */
export {
	BlogEntrySchema,
	BlogFields,
	ENTRY_SCHEMAS,
	FRONT_MATTER_SCHEMAS,
	frontMatterSchema,
	MinutesEntrySchema,
	MinutesFields,
	PeopleFile,
	PersonFields,
	ProjectEntrySchema,
	ProjectFields,
	RfcEntrySchema,
	RfcFields,
	type BlogData,
	type BlogEntryData,
	type KindExtensions,
	type MinutesData,
	type MinutesEntryData,
	type PersonData,
	type ProjectData,
	type ProjectEntryData,
	type RfcData,
	type RfcEntryData,
} from './content/schemas.ts';
export { ContentDate, DiscussionUrl, GitHubHandle, listOf, NonEmptyString, Permalink, PersonRef, RepoName } from './content/fields.ts';
export { PROJECT_DIFFICULTIES, PROJECT_SIZES, PROJECT_STATUSES, RFC_STATUSES } from './content/constants.ts';
