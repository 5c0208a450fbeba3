/**
 * GitHub references in prose: `owner/repo#N` and
 * `https://github.com/owner/repo/(issues|pull)/N`.
 *
 * Shared by the CI loader (to know which issues and pull requests to fetch)
 * and by the markdown autolink plugin (to link bare references), so both agree
 * on what counts as a reference. Pure: no I/O.
 */

import { isRepoPart, OWNER_PATTERN as OWNER, REPO_PATTERN as REPO } from '../utils/github-names.ts';

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

// Sticky matchers, run only where a reference can be: the scan below finds
// each '#' followed by a digit and each 'github.com/', instead of trying the
// pattern at every letter of the text (which cost 0.7 s per 5,000 pages).
const URL_AT = new RegExp(URL_FORM, 'y');
// The owner right before a '/': its leftmost possible start.
const OWNER_AT_END = new RegExp(`(${OWNER})$`);
const MAX_OWNER = 39;
const MAX_REPO = 100;
const DIGITS_AT = /[0-9]+/y;
const URL_ONLY = new RegExp(`^${URL_FORM}/?$`);
const SHORT_ONLY = new RegExp(`^${SHORT_FORM}$`);

function makeRef(owner: string, repo: string, num: string): GitHubRef | undefined {
	if (!isRepoPart(repo)) return undefined;
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
	// As with a global regex: matches come in order of where they start, and
	// scanning resumes after each match, whether or not it was accepted.
	let resume = 0;
	let hash = nextHash(text, 0);
	let url = nextUrlStart(text, 0);
	while (hash !== -1 || url !== -1) {
		const short = hash === -1 ? undefined : shortEndingAt(text, hash, resume);
		if (hash !== -1 && !short) {
			hash = nextHash(text, hash + 1);
			continue;
		}
		let match: Match | undefined;
		if (url !== -1 && (!short || url < short.index)) {
			match = urlAt(text, url);
			url = nextUrlStart(text, url + 1);
		} else {
			match = short;
			hash = nextHash(text, hash + 1);
		}
		if (!match || match.index < resume) continue;
		resume = match.index + match.raw.length;
		if (!accepted(text, match)) continue;
		const ref = makeRef(match.owner, match.repo, match.num);
		if (ref) found.push({ ...ref, index: match.index, length: match.raw.length });
	}
	return found;
}

interface Match {
	index: number;
	raw: string;
	isUrl: boolean;
	owner: string;
	repo: string;
	num: string;
}

function nextHash(text: string, from: number): number {
	for (let i = text.indexOf('#', from); i !== -1; i = text.indexOf('#', i + 1)) {
		const c = text.charCodeAt(i + 1);
		if (c >= 48 && c <= 57) return i;
	}
	return -1;
}

function nextUrlStart(text: string, from: number): number {
	for (let i = text.indexOf('github.com/', from); i !== -1; i = text.indexOf('github.com/', i + 1)) {
		const start = [12, 11, 8, 7].map((n) => i - n).find((j) => j >= 0 && /^https?:\/\/(?:www\.)?$/.test(text.slice(j, i)));
		if (start !== undefined && start >= from) return start;
	}
	return -1;
}

function urlAt(text: string, index: number): Match | undefined {
	URL_AT.lastIndex = index;
	const m = URL_AT.exec(text);
	return m ? { index, raw: m[0], isUrl: true, owner: m[1]!, repo: m[2]!, num: m[3]! } : undefined;
}

/** True for the characters of a repo name: A-Z a-z 0-9 . _ - */
function isRepoChar(c: number): boolean {
	return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 45;
}

/**
 * The short form whose `#` is at `hash`, starting no earlier than `resume`.
 * A repo name has no '/', so the repo is the run of repo characters back to
 * the nearest '/'; the owner is then the longest valid name ending there.
 */
function shortEndingAt(text: string, hash: number, resume: number): Match | undefined {
	let slash = hash - 1;
	while (slash >= 0 && hash - 1 - slash <= MAX_REPO && isRepoChar(text.charCodeAt(slash))) slash--;
	const repoLength = hash - 1 - slash;
	if (slash < 0 || repoLength < 1 || repoLength > MAX_REPO || text.charCodeAt(slash) !== 47 /* / */) return undefined;
	const from = Math.max(resume, slash - MAX_OWNER);
	const owner = OWNER_AT_END.exec(text.slice(from, slash));
	if (!owner) return undefined;
	DIGITS_AT.lastIndex = hash + 1;
	const digits = DIGITS_AT.exec(text)![0];
	const index = from + owner.index;
	return {
		index,
		raw: text.slice(index, hash + 1 + digits.length),
		isUrl: false,
		owner: owner[1]!,
		repo: text.slice(slash + 1, hash),
		num: digits,
	};
}

/** The checks around a match: what may come before and after each form. */
function accepted(text: string, { index, raw, isUrl }: Match): boolean {
	const before = text.slice(Math.max(0, index - 1), index);
	const after = text.slice(index + raw.length, index + raw.length + 2);
	if (!isUrl && !SHORT_BEFORE.test(before)) return false;
	if (isUrl && /[A-Za-z0-9_/.-]$/.test(before)) return false;
	// A URL may go on with a fragment or query (`/pull/5#issuecomment-1`,
	// `/pull/5/files`): still a reference to #5, keep the matched part.
	if (AFTER_BAD.test(after) && !(isUrl && /^[#?/]/.test(after))) return false;
	return true;
}

/** Parses one reference, in either form, with nothing around it. */
export function parseReference(s: string): GitHubRef | undefined {
	const trimmed = s.trim();
	const url = URL_ONLY.exec(trimmed);
	if (url) return makeRef(url[1]!, url[2]!, url[3]!);
	const short = SHORT_ONLY.exec(trimmed);
	if (short) return makeRef(short[1]!, short[2]!, short[3]!);
	return undefined;
}
