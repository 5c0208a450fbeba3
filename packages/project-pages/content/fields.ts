/**
 * Field schemas shared by every content kind. Each states its rule in its
 * message, because the message is what an author sees next to the file name.
 */
import { z } from 'astro/zod';
import { isGitHubHandle, isRepoName, isRepoPart, OWNER_PATTERN, REPO_PATTERN } from '../utils/github-names.ts';
import { linkFieldProblem, type LinkFieldRule } from '../utils/safe-url.ts';
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

// eslint-disable-next-line no-control-regex -- the characters refused: C0 controls but tab and newlines, and DEL
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Text that a page, a feed or a calendar shows. Control characters have no
 * meaning there and make XML invalid (a title with U+0001 broke the RSS
 * feed), so they are refused, naming the first.
 */
export const NonEmptyString = z
	.string({ error: 'must be text' })
	.trim()
	.min(1, { error: 'must not be empty' })
	.superRefine((value, ctx) => {
		const control = CONTROL.exec(value)?.[0];
		if (control !== undefined) {
			const code = `U+${control.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
			ctx.addIssue({ code: 'custom', message: `must not hold control characters (it holds ${code}); remove it` });
		}
	});

/** `owner/repo` on GitHub. */
export const RepoName = z
	.string({ error: 'must be a GitHub repository written "owner/repo"' })
	.refine(isRepoName, { error: 'must be a GitHub repository written "owner/repo"' });

/** A GitHub user name: a person's page is `/people/<handle>/`. */
export const GitHubHandle = z
	.string({ error: 'must be a GitHub handle' })
	.refine(isGitHubHandle, { error: 'must be a GitHub handle (letters, digits and single "-", at most 39)' });

/**
 * The shape of an entry's URL segment (what follows `/blog/` or `/weekly/`),
 * whether it comes from a `permalink` or from the file name. Which segments
 * the site's own files take is the other half of the rule: `permalinkProblem`
 * in identity.ts.
 */
export const URL_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A URL path segment: what follows `/blog/` or `/weekly/`. */
export const Permalink = z
	.string({ error: 'must be text' })
	.regex(URL_SEGMENT, { error: 'must be letters, digits, ".", "_" or "-" (a URL path segment)' });

/**
 * A URL that a page links to as written: every content field that reaches
 * an href goes through this one rule (utils/safe-url.ts), so a page cannot
 * forget it. `javascript:`, `data:` and the like are refused here, with the
 * field's name, by the build and the checker alike.
 */
export function LinkField(rule: LinkFieldRule = {}) {
	return z
		.string({ error: 'must be a URL' })
		.trim()
		.superRefine((value, ctx) => {
			const problem = linkFieldProblem(value, rule);
			if (problem) ctx.addIssue({ code: 'custom', message: problem });
		});
}

/** An optional link: empty (`uri:` with no value, as mirage-www writes it) is the same as absent. */
export function OptionalLinkField(rule: LinkFieldRule = {}) {
	return z.preprocess((value) => (value === null || value === '' ? undefined : value), LinkField(rule).optional());
}

const DISCUSSION_URL = new RegExp(`^https://github\\.com/${OWNER_PATTERN}/(${REPO_PATTERN})/(?:pull|issues)/\\d+/?$`);

/** A GitHub pull request or issue URL, as RFC discussions link them. */
export const DiscussionUrl = LinkField().pipe(
	z.string().refine((url) => isRepoPart(DISCUSSION_URL.exec(url)?.[1] ?? '.'), {
		error: 'must be a GitHub pull-request URL such as https://github.com/owner/repo/pull/123',
	}),
);

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
			// A person's own page; never a mailto: (their address must not be published).
			uri: OptionalLinkField(),
			url: OptionalLinkField(),
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
