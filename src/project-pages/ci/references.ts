/**
 * GitHub references in prose: `owner/repo#N` and
 * `https://github.com/owner/repo/(issues|pull)/N`.
 *
 * Shared by the CI loader (to know which issues and pull requests to fetch)
 * and by the markdown autolink plugin (to link bare references), so both agree
 * on what counts as a reference. Pure: no I/O.
 */

export interface GitHubRef {
	owner: string;
	repo: string;
	number: number;
	/** Canonical id, `owner/repo#N`. */
	id: string;
	/** https://github.com/owner/repo/issues/N (GitHub redirects to /pull/ for pull requests). */
	url: string;
}

export type FoundReference = GitHubRef & { index: number; length: number };

// GitHub's own rules: owner is 1-39 alphanumerics or single hyphens, not at
// either end; repo names are alphanumerics, '.', '_', '-'.
const OWNER = '[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}';
const REPO = '[A-Za-z0-9._-]{1,100}';

const URL_FORM = `https?://(?:www\\.)?github\\.com/(${OWNER})/(${REPO})/(?:issues|pull)/([0-9]+)`;
const SHORT_FORM = `(${OWNER})/(${REPO})#([0-9]+)`;

// What may precede a short reference: start, whitespace or opening
// punctuation. This excludes e-mail addresses (`a@b/c#1`), paths
// (`x/a/b#1`), URLs (`://host/a/b#1`), and words glued to the owner.
const SHORT_BEFORE = /(?:^|[\s([{<"'*_~`>,;])$/;
// What may follow either form: end, whitespace or closing punctuation. A
// following word character, '/', '#', '-', '.' + letter means the match is
// a fragment of something longer (`a/b#12abc`, `a/b#1/x`).
const AFTER_BAD = /^(?:[A-Za-z0-9_/#@-]|\.[A-Za-z0-9])/;

const SCANNER = new RegExp(`${URL_FORM}|${SHORT_FORM}`, 'g');

function makeRef(owner: string, repo: string, num: string): GitHubRef | undefined {
	// A repo named "." or ".." is not a repo; a trailing ".git" is a clone URL.
	if (repo === '.' || repo === '..' || repo.endsWith('.git')) return undefined;
	const number = Number(num);
	if (!Number.isSafeInteger(number) || number < 1) return undefined;
	return {
		owner,
		repo,
		number,
		id: `${owner}/${repo}#${number}`,
		url: `https://github.com/${owner}/${repo}/issues/${number}`,
	};
}

/**
 * Finds `owner/repo#N` and https://github.com/owner/repo/(issues|pull)/N
 * references in text, with their index and length (in UTF-16 code units, as
 * `String.prototype.slice` expects), in order of appearance.
 */
export function findReferences(text: string): FoundReference[] {
	const found: FoundReference[] = [];
	// Most text has neither form; the scanner tries a match at every letter, so skip it outright.
	if (!text.includes('#') && !text.includes('github.com/')) return found;
	for (const m of text.matchAll(SCANNER)) {
		const index = m.index;
		const isUrl = m[1] !== undefined;
		const raw = m[0];
		const [owner, repo, num] = isUrl ? [m[1]!, m[2]!, m[3]!] : [m[4]!, m[5]!, m[6]!];
		const before = text.slice(Math.max(0, index - 1), index);
		const after = text.slice(index + raw.length, index + raw.length + 2);
		if (!isUrl && !SHORT_BEFORE.test(before)) continue;
		if (isUrl && /[A-Za-z0-9_/.-]$/.test(before)) continue;
		if (AFTER_BAD.test(after)) {
			// A URL may go on with a fragment or query (`/pull/5#issuecomment-1`,
			// `/pull/5/files`): still a reference to #5, keep the matched part.
			if (!(isUrl && /^[#?/]/.test(after))) continue;
		}
		const ref = makeRef(owner, repo, num);
		if (!ref) continue;
		found.push({ ...ref, index, length: raw.length });
	}
	return found;
}

/** Parses one reference, in either form, with nothing around it. */
export function parseReference(s: string): GitHubRef | undefined {
	const trimmed = s.trim();
	const url = new RegExp(`^${URL_FORM}/?$`).exec(trimmed);
	if (url) return makeRef(url[1]!, url[2]!, url[3]!);
	const short = new RegExp(`^${SHORT_FORM}$`).exec(trimmed);
	if (short) return makeRef(short[1]!, short[2]!, short[3]!);
	return undefined;
}
