/**
 * Field schemas shared by every content kind. Each states its rule in its
 * message, because the message is what an author sees next to the file name.
 */
import { z } from 'astro/zod';
import { isGitHubHandle, isRepoName, isRepoPart, OWNER_PATTERN, REPO_PATTERN } from '../utils/github-names.ts';
import { parseContentDate } from './dates.ts';

/** A calendar date, written `YYYY-MM-DD` (zero padding optional) or as a YAML date. */
export const ContentDate = z.unknown().transform((value, ctx) => {
	const result = parseContentDate(value);
	if (!result.ok) {
		ctx.addIssue({ code: 'custom', message: value === undefined ? 'is required' : result.reason });
		return z.NEVER;
	}
	return result.date;
});

export const NonEmptyString = z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' });

/** `owner/repo` on GitHub. */
export const RepoName = z
	.string({ error: 'must be a GitHub repository written "owner/repo"' })
	.refine(isRepoName, { error: 'must be a GitHub repository written "owner/repo"' });

/** A GitHub user name: a person's page is `/people/<handle>/`. */
export const GitHubHandle = z
	.string({ error: 'must be a GitHub handle' })
	.refine(isGitHubHandle, { error: 'must be a GitHub handle (letters, digits and single "-", at most 39)' });

/** A URL path segment: what follows `/blog/` or `/weekly/`. */
export const Permalink = z
	.string({ error: 'must be text' })
	.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: 'must be letters, digits, ".", "_" or "-" (a URL path segment)' });

const DISCUSSION_URL = new RegExp(`^https://github\\.com/${OWNER_PATTERN}/(${REPO_PATTERN})/(?:pull|issues)/\\d+/?$`);

/** A GitHub pull request or issue URL, as RFC discussions link them. */
export const DiscussionUrl = z
	.string({ error: 'must be a pull-request URL' })
	.refine((url) => isRepoPart(DISCUSSION_URL.exec(url)?.[1] ?? '.'), {
		error: 'must be a GitHub pull-request URL such as https://github.com/owner/repo/pull/123',
	});

/**
 * A person as content names them: a plain name (resolved against the people
 * file), or mirage-www's `{name, uri, email}` map. The e-mail address is
 * dropped here, at the edge, so that it can never reach a page.
 */
export const PersonRef = z
	.union([
		NonEmptyString,
		z.looseObject({
			name: NonEmptyString,
			uri: z.string().optional(),
			url: z.string().optional(),
			github: z.string().optional(),
		}),
	], { error: 'must be a name, or a map with a "name" (and optional "uri")' })
	.transform((value) => {
		if (typeof value === 'string') return { name: value };
		const url = value.url ?? value.uri;
		return { name: value.name, ...(url ? { url } : {}), ...(value.github ? { github: value.github } : {}) };
	});
export type PersonRefValue = z.output<typeof PersonRef>;

/** A list that also accepts a single value, since authors write `tags: ocaml`. */
export function listOf<T extends z.ZodType>(item: T) {
	return z.preprocess((value) => (value === undefined || Array.isArray(value) ? value : [value]), z.array(item));
}
