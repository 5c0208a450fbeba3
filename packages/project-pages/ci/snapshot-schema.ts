/**
 * The shape of the toolchain status data: what the client returns, what the
 * snapshot file holds, and what the `status` collection's `current` entry
 * holds. One schema, so the snapshot file, the loader's parseData and the
 * pages agree. Derived fields (state, failingSince, flakyChecks) are
 * recomputed from the raw commits whenever data is loaded (see derive.ts).
 */
import { z } from 'astro/zod';

/** The `status` collection holds one entry, with this id. */
export const STATUS_ENTRY_ID = 'current';

/** Where a check comes from: a GitHub Actions/App check run, or a classic commit status (ocaml-ci, mirage-ci…). */
export const CHECK_KINDS = ['check-run', 'status'] as const;
/** A check's outcome, normalised across check runs and commit statuses. */
export const CHECK_STATES = ['success', 'failure', 'error', 'pending', 'neutral'] as const;
/** A repo's overall state, as shown to readers. */
export const REPO_STATES = ['passing', 'failing', 'pending', 'unknown'] as const;
/** An issue or pull request's state. */
export const REFERENCE_STATES = ['open', 'closed', 'merged', 'unknown'] as const;

export const CheckSchema = z.object({
	/** Check run name (prefixed by its workflow when known) or status context, e.g. `ocaml-ci` or `CI / build (ubuntu)`. */
	name: z.string().min(1),
	kind: z.enum(CHECK_KINDS),
	state: z.enum(CHECK_STATES),
	/** Link to the CI run or status page, when GitHub has one. */
	url: z.string().optional(),
	/** A status's description or a check run's conclusion in GitHub's words. */
	description: z.string().optional(),
});

export const CommitSchema = z.object({
	oid: z.string().min(7),
	url: z.string(),
	/** First line of the commit message. */
	message: z.string(),
	committedAt: z.string(),
	/** GitHub's own rollup of all the commit's checks; absent when nothing reported. */
	rollup: z.enum(CHECK_STATES).optional(),
	checks: z.array(CheckSchema),
	/** True when the commit has more checks than were fetched. */
	checksTruncated: z.boolean().optional(),
	/**
	 * Outcomes of earlier attempts of re-run check runs. GitHub's rollup shows
	 * only the latest attempt, so without these a job that failed and then
	 * passed on a re-run would look simply green: they are what makes a check
	 * flaky. Only passes and failures are kept (a cancelled run is not flaky).
	 */
	earlierAttempts: z.array(z.object({ name: z.string(), state: z.enum(['success', 'failure']) })).optional(),
});

export const FailingSinceSchema = z.object({
	oid: z.string(),
	url: z.string(),
	committedAt: z.string(),
	/** False when every commit in the history fails: it has failed since at least this one. */
	exact: z.boolean(),
});

export const FlakyCheckSchema = z.object({ name: z.string(), oid: z.string() });

export const RepoStatusSchema = z.object({
	/** `owner/repo`, as written in the options or content. */
	id: z.string(),
	owner: z.string(),
	repo: z.string(),
	/** Toolchain group; absent for repos only referenced from content. */
	group: z.string().optional(),
	url: z.string(),
	/** The branch whose head is reported (the default branch unless one was named). */
	branch: z.string().optional(),
	/** Set when GitHub answered for a repo under another name (renamed or transferred). */
	renamedTo: z.string().optional(),
	state: z.enum(REPO_STATES),
	/** Why the state is unknown (not found, no access, no CI reported…). */
	reason: z.string().optional(),
	/** Newest first; `history[0]` is the branch head. */
	history: z.array(CommitSchema),
	failingSince: FailingSinceSchema.optional(),
	flakyChecks: z.array(FlakyCheckSchema),
	/** Open issues with these labels, for project pages. */
	issues: z.object({ goodFirstIssue: z.number().int().min(0), helpWanted: z.number().int().min(0) }).optional(),
});

export const ReferenceStatusSchema = z.object({
	/** `owner/repo#N`. */
	id: z.string(),
	url: z.string(),
	kind: z.enum(['issue', 'pull-request', 'unknown']),
	title: z.string().optional(),
	state: z.enum(REFERENCE_STATES),
	reason: z.string().optional(),
	/** Pull requests only. */
	reviewCount: z.number().int().min(0).optional(),
	commentCount: z.number().int().min(0).optional(),
	/** Time of the last activity (GitHub's updatedAt). */
	updatedAt: z.string().optional(),
});

export const StatusSnapshotSchema = z.object({
	schemaVersion: z.literal(1),
	/** When the data was fetched from GitHub (ISO 8601, UTC). */
	fetchedAt: z.string(),
	/** True when the data is not from this build's fetch (snapshot or earlier store). */
	stale: z.boolean(),
	staleReason: z.string().optional(),
	/** Provenance of the data, in words: which API, or which fixture. */
	source: z.string(),
	/** HTTP requests the fetch made. */
	requests: z.number().int().min(0).optional(),
	repos: z.array(RepoStatusSchema),
	references: z.array(ReferenceStatusSchema),
});

export type CheckKind = (typeof CHECK_KINDS)[number];
export type CheckState = (typeof CHECK_STATES)[number];
export type RepoState = (typeof REPO_STATES)[number];
export type ReferenceState = (typeof REFERENCE_STATES)[number];
export type Check = z.infer<typeof CheckSchema>;
export type Commit = z.infer<typeof CommitSchema>;
export type FailingSince = z.infer<typeof FailingSinceSchema>;
export type FlakyCheck = z.infer<typeof FlakyCheckSchema>;
export type RepoStatus = z.infer<typeof RepoStatusSchema>;
export type ReferenceStatus = z.infer<typeof ReferenceStatusSchema>;
export type StatusSnapshot = z.infer<typeof StatusSnapshotSchema>;
