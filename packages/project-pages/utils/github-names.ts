/**
 * GitHub's naming rules, in one place: an owner (user or organisation) is 1-39
 * letters, digits and single hyphens, not starting or ending with one; a repo
 * is 1-100 letters, digits, ".", "_" or "-", and is neither "." nor "..";
 * a trailing ".git" is a clone URL, not a name. The options, the content
 * schemas, the reference finder and the status loader all use these. Pure.
 */

/** A regular-expression source for an owner, for building larger patterns. */
export const OWNER_PATTERN = '[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}';
/** A regular-expression source for a repo name; `isRepoPart` adds what a pattern cannot say simply. */
export const REPO_PATTERN = '[A-Za-z0-9._-]{1,100}';

const OWNER_ONLY = new RegExp(`^${OWNER_PATTERN}$`);
const OWNER_REPO = new RegExp(`^(${OWNER_PATTERN})/(${REPO_PATTERN})$`);

/** The repo part of a name that matched `REPO_PATTERN`: not "." or "..", not a clone URL's "x.git". */
export function isRepoPart(repo: string): boolean {
	return repo !== '.' && repo !== '..' && !repo.toLowerCase().endsWith('.git');
}

/** A GitHub user or organisation name, as in `https://github.com/<handle>`. */
export function isGitHubHandle(name: string): boolean {
	return OWNER_ONLY.test(name);
}

/** `owner/repo`, exactly. */
export function isRepoName(name: string): boolean {
	const match = OWNER_REPO.exec(name);
	return match !== null && isRepoPart(match[2]!);
}
