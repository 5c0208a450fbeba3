/**
 * The integration's `ci` option: which repos make up the toolchain and how
 * the status is fetched. Validated once, in `astro:config:setup`, by the
 * integration's main options schema (which nests this one under `ci`), so
 * error paths read `ci.toolchain.core.1.branch: …`.
 */
import { z } from 'astro/zod';
import { isRepoName } from '../utils/github-names.ts';

const BRANCH = /^(?!\/|.*\/$|.*\.\.|.*\/\/|.*@\{)[^\s~^:?*[\\]+$/;

export const RepoNameSchema = z.string().refine(isRepoName, { error: 'must look like "owner/repo" (letters, digits, "-", "." or "_")' });

/** A tracked repo: `"owner/repo"`, or `{ repo: "owner/repo", branch: "main" }` to report a branch other than the default. */
export const TrackedRepoOptionSchema = z.union(
	[
		RepoNameSchema,
		z.strictObject({
			/** The repo, as `owner/repo`. */
			repo: RepoNameSchema,
			/** The branch whose head is reported. Default: the repo's default branch. */
			branch: z.string().regex(BRANCH, { error: 'must be a branch name such as "main" (no spaces, "..", "~", "^", ":")' }).optional(),
		}),
	],
	{ error: 'must be "owner/repo" or { repo: "owner/repo", branch?: "name" }' },
);

export const CiOptionsSchema = z.strictObject({
	/**
	 * The tracked toolchain, grouped: `{ core: ['owner/repo', …], network: […] }`.
	 * Group names are shown as headings on `/status/`, in this order.
	 */
	toolchain: z
		.record(
			z.string().regex(/^[\w -]{1,40}$/, { error: 'group names must be 1-40 letters, digits, spaces, "-" or "_"' }),
			z.array(TrackedRepoOptionSchema).min(1, { error: 'a group must list at least one repo' }),
			{ error: (issue) => (issue.code === 'invalid_key' ? 'group names must be 1-40 letters, digits, spaces, "-" or "_"' : undefined) },
		)
		.default({}),
	/** Path of the committed snapshot JSON, relative to the project root. Used when there is no token or the fetch fails. */
	snapshot: z.string().min(1).default('src/data/status-snapshot.json'),
	/** Fail the build instead of falling back to the snapshot. Also turned on by `CI_STATUS_STRICT=1`. */
	strict: z.boolean().default(false),
	/** Upper bound for the whole fetch, retries included, in milliseconds. */
	timeoutMs: z
		.number()
		.int()
		.min(100, { error: 'must be at least 100 (milliseconds)' })
		.max(120_000, { error: 'must be at most 120000 (milliseconds)' })
		.default(20_000),
	/** How many recent commits of each branch to report, head included. */
	history: z.number().int().min(1, { error: 'must be between 1 and 50' }).max(50, { error: 'must be between 1 and 50' }).default(10),
	/**
	 * Issues and pull requests named in the content asked for per build, at
	 * most: those in front-matter fields (RFC discussions) first, then those
	 * in the newest content (see collectContentReferences). The build log and
	 * `/status.json` (`omittedReferences`) say how many were left out; their
	 * badges read "unknown". 300 cost three requests and about 6 points.
	 */
	maxReferences: z
		.number()
		.int()
		.min(0, { error: 'must be between 0 and 5000' })
		.max(5000, { error: 'must be between 0 and 5000' })
		.default(300),
	/**
	 * A build without a token reads the snapshot file; when that was fetched
	 * at most this many minutes ago (by `project-pages status-refresh` just before,
	 * as the deploy workflow does, so the build itself never holds the token)
	 * it is shown as current, not stale, and strict mode accepts it.
	 */
	freshForMinutes: z
		.number()
		.int()
		.min(0, { error: 'must be between 0 and 1440 (minutes)' })
		.max(1440, { error: 'must be between 0 and 1440 (minutes)' })
		.default(30),
});

export type CiOptionsInput = z.input<typeof CiOptionsSchema>;
export type CiOptions = z.infer<typeof CiOptionsSchema>;

/** A tracked repo with its group, as the client wants it. */
export interface TrackedRepo {
	owner: string;
	repo: string;
	/** `owner/repo`. */
	id: string;
	group?: string;
	branch?: string;
}

/** Flattens the grouped toolchain option, keeping the first entry when a repo is listed twice. */
export function trackedRepos(toolchain: CiOptions['toolchain']): TrackedRepo[] {
	const seen = new Set<string>();
	const out: TrackedRepo[] = [];
	for (const [group, entries] of Object.entries(toolchain)) {
		for (const entry of entries) {
			const { repo: id, branch } = typeof entry === 'string' ? { repo: entry, branch: undefined } : entry;
			const key = id.toLowerCase();
			if (seen.has(key)) continue;
			seen.add(key);
			const [owner, repo] = id.split('/') as [string, string];
			out.push(branch ? { owner, repo, id, group, branch } : { owner, repo, id, group });
		}
	}
	return out;
}
