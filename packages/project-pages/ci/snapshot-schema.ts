/**
 * The shape of the toolchain status data: what the client returns, what the
 * snapshot file holds, and what the `status` collection's `current` entry
 * holds. One schema, so the snapshot file, the loader's parseData and the
 * pages agree. Derived fields (state, failingSince, knownGood, flakyChecks)
 * are recomputed from the raw commits whenever data is loaded (see derive.ts).
 *
 * Every URL in here passes `safeHttpUrl` (utils/safe-url.ts): the parser
 * drops any other from GitHub's answer, and a snapshot file holding one is
 * refused with the field's path, so no page can link a `javascript:` value.
 */
import { z } from 'astro/zod';
import { safeHttpUrl } from '../utils/safe-url.ts';

/** The `status` collection holds one entry, with this id. */
export const STATUS_ENTRY_ID = 'current';

/** What this version writes. */
export const SNAPSHOT_VERSION = 2;
/**
 * What it reads. Version 1 (before ocaml-ci variants, re-run attempts by
 * start time, failing-since ranges and known-good commits) lacks only
 * fields that are optional or derived, so it is read as it is.
 */
export const READABLE_SNAPSHOT_VERSIONS = [1, 2] as const;

/** Where a check comes from: a GitHub Actions/App check run (ocaml-ci, Actions jobs), or a classic commit status (opam-repo-ci…). */
export const CHECK_KINDS = ['check-run', 'status'] as const;
/** A check's outcome, normalised across check runs and commit statuses. */
export const CHECK_STATES = ['success', 'failure', 'error', 'pending', 'neutral'] as const;
/** A repo's overall state, as data (`/status.json`, the snapshot). */
export const REPO_STATES = ['passing', 'failing', 'pending', 'unknown'] as const;
/** The same states in readers' words: CI that has not finished is building (ocaml-ci's queued run, a job in progress). */
export const REPO_STATE_LABELS: Record<(typeof REPO_STATES)[number], string> = {
	passing: 'passing',
	failing: 'failing',
	pending: 'building',
	unknown: 'unknown',
};
/** An issue or pull request's state. */
export const REFERENCE_STATES = ['open', 'closed', 'merged', 'unknown'] as const;

/** An absolute http(s) URL: the only kind that makes sense from GitHub. */
export const HttpUrlSchema = z.string().refine((s) => safeHttpUrl(s) !== undefined, { error: 'must be an absolute http(s) URL' });
const Oid = z.string().regex(/^[0-9a-f]{7,64}$/, { error: 'must be a commit SHA (hex)' });

/**
 * One variant of an ocaml-ci run (a platform × compiler build, or a lint
 * job), read from the check run's summary: `✅ [debian-12-5.3_opam-2.3 (passed)](url)`.
 */
export const VariantSchema = z.object({
	/** `debian-12-5.3_opam-2.3`, `(lint-fmt)`. */
	name: z.string().min(1),
	/** passed → success, failed → failure, active → pending, skipped → neutral. */
	state: z.enum(['success', 'failure', 'pending', 'neutral']),
	/** ocaml-ci's EXPERIMENTAL variants: their failures do not fail the run. */
	experimental: z.boolean().optional(),
	/** Why it failed or was skipped, as ocaml-ci wrote it (`Exit code 2`). */
	detail: z.string().optional(),
	/** The variant's job. */
	url: HttpUrlSchema.optional(),
});

export const CheckSchema = z.object({
	/** Check run name (prefixed by its workflow when known) or status context, e.g. `ocaml-ci` or `CI / build (ubuntu)`. */
	name: z.string().min(1),
	kind: z.enum(CHECK_KINDS),
	state: z.enum(CHECK_STATES),
	/** Link to the CI run or status page, when GitHub has one. */
	url: HttpUrlSchema.optional(),
	/** A status's description or a check run's conclusion in GitHub's words. */
	description: z.string().optional(),
	/** When this attempt started (check runs; absent while queued). The latest attempt of a check is the one shown. */
	startedAt: z.string().optional(),
	/** The run's variants, when its summary lists them the way ocaml-ci does (branch heads only). */
	variants: z.array(VariantSchema).optional(),
	/** True when the summary listed variants that were not kept (too many, or not in ocaml-ci's format). */
	variantsTruncated: z.boolean().optional(),
});

export const CommitSchema = z.object({
	oid: Oid,
	url: HttpUrlSchema,
	/** First line of the commit message. */
	message: z.string(),
	committedAt: z.string(),
	/**
	 * GitHub's own rollup of all the commit's checks; absent when nothing
	 * reported. Not the verdict: it counts superseded attempts of re-run
	 * checks, so it can stay `failure` after a successful re-run.
	 */
	rollup: z.enum(CHECK_STATES).optional(),
	/** The latest attempt of each check. */
	checks: z.array(CheckSchema),
	/** True when the commit has more checks than were fetched. */
	checksTruncated: z.boolean().optional(),
	/**
	 * Outcomes of earlier attempts of re-run check runs (GitHub Actions
	 * "re-run jobs"): a check that failed and then passed on the same commit
	 * is flaky. Only passes and failures are kept (a cancelled run is not flaky).
	 */
	earlierAttempts: z.array(z.object({ name: z.string(), state: z.enum(['success', 'failure']) })).optional(),
});

/** A commit as other fields point at it. */
export const CommitRefSchema = z.object({ oid: Oid, url: HttpUrlSchema, committedAt: z.string() });

export const FailingSinceSchema = CommitRefSchema.extend({
	/** False when every commit in the history fails: it has failed since at least this one. */
	exact: z.boolean(),
	/** The last commit that passed before it (absent when none is in the history). */
	lastGood: CommitRefSchema.optional(),
	/** GitHub's comparison of `lastGood` with this commit: the changes that broke it. */
	compareUrl: HttpUrlSchema.optional(),
});

/** The newest commit whose checks all passed: what to pin to reproduce a working toolchain. */
export const KnownGoodSchema = CommitRefSchema.extend({
	/** Commits between it and the branch head (0: the head itself). */
	behind: z.number().int().min(0),
	/** Names of the checks that passed on it. */
	checks: z.array(z.string()),
	/** GitHub's comparison of it with the head (absent when it is the head). */
	compareUrl: HttpUrlSchema.optional(),
});

export const FlakyCheckSchema = z.object({ name: z.string(), oid: z.string() });

export const RepoStatusSchema = z.object({
	/** `owner/repo`, as written in the options or content. */
	id: z.string(),
	owner: z.string(),
	repo: z.string(),
	/** Toolchain group; absent for repos only referenced from content. */
	group: z.string().optional(),
	url: HttpUrlSchema,
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
	knownGood: KnownGoodSchema.optional(),
	flakyChecks: z.array(FlakyCheckSchema),
	/** Open issues with these labels, for project pages. */
	issues: z.object({ goodFirstIssue: z.number().int().min(0), helpWanted: z.number().int().min(0) }).optional(),
});

export const ReferenceStatusSchema = z.object({
	/** `owner/repo#N`. */
	id: z.string(),
	url: HttpUrlSchema,
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
	/** 2; files written as version 1 are read too (see READABLE_SNAPSHOT_VERSIONS). */
	schemaVersion: z.union([z.literal(1), z.literal(2)], {
		error: `must be one of ${READABLE_SNAPSHOT_VERSIONS.join(', ')}; a newer file needs a newer astro-project-pages`,
	}),
	/** When the data was fetched from GitHub (ISO 8601, UTC); absent when it never was (no snapshot and no fetch). */
	fetchedAt: z.string().optional(),
	/** True when the data is not current: not from this build's fetch, nor a snapshot fetched just before it. */
	stale: z.boolean(),
	staleReason: z.string().optional(),
	/** Provenance of the data, in words: which API, or which fixture. */
	source: z.string(),
	/** HTTP requests the fetch made. */
	requests: z.number().int().min(0).optional(),
	/** GitHub's rate-limit points the fetch cost (the sum of `rateLimit.cost`). */
	points: z.number().int().min(0).optional(),
	repos: z.array(RepoStatusSchema),
	references: z.array(ReferenceStatusSchema),
	/** References named in the content but not asked for (over `ci.maxReferences`). */
	omittedReferences: z.number().int().min(0).optional(),
});

export type CheckKind = (typeof CHECK_KINDS)[number];
export type CheckState = (typeof CHECK_STATES)[number];
export type RepoState = (typeof REPO_STATES)[number];
export type ReferenceState = (typeof REFERENCE_STATES)[number];
export type Variant = z.infer<typeof VariantSchema>;
export type Check = z.infer<typeof CheckSchema>;
export type Commit = z.infer<typeof CommitSchema>;
export type CommitRef = z.infer<typeof CommitRefSchema>;
export type FailingSince = z.infer<typeof FailingSinceSchema>;
export type KnownGood = z.infer<typeof KnownGoodSchema>;
export type FlakyCheck = z.infer<typeof FlakyCheckSchema>;
export type RepoStatus = z.infer<typeof RepoStatusSchema>;
export type ReferenceStatus = z.infer<typeof ReferenceStatusSchema>;
export type StatusSnapshot = z.infer<typeof StatusSnapshotSchema>;
