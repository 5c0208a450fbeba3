/**
 * Small pure helpers for pages and endpoints that show the status: labels,
 * colours, "how long ago", look-ups, shields.io endpoint JSON, and the
 * grouping of a repo's checks into matrix columns.
 */
import {
	REPO_STATE_LABELS,
	type Check,
	type CheckState,
	type ReferenceStatus,
	type RepoState,
	type RepoStatus,
	type StatusSnapshot,
	type Variant,
} from './snapshot-schema.ts';
import { parseReference } from './references.ts';
import { worstState } from './derive.ts';

export { REPO_STATE_LABELS };

/** shields.io named colours. */
const SHIELD_COLORS: Record<RepoState, string> = { passing: 'brightgreen', failing: 'red', pending: 'yellow', unknown: 'lightgrey' };

export interface ShieldsEndpoint {
	schemaVersion: 1;
	label: string;
	message: string;
	color: string;
}

/** https://shields.io/badges/endpoint-badge: `{ schemaVersion, label, message, color }`. */
export function shieldsEndpoint(repo: Pick<RepoStatus, 'state'>, stale = false): ShieldsEndpoint {
	const label = REPO_STATE_LABELS[repo.state];
	return { schemaVersion: 1, label: 'CI', message: stale ? `${label} (stale)` : label, color: SHIELD_COLORS[repo.state] };
}

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago". */
export function timeAgo(iso: string, now: Date): string {
	const ms = now.getTime() - Date.parse(iso);
	if (Number.isNaN(ms)) return 'at an unknown time';
	const minutes = Math.floor(ms / 60_000);
	const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'} ago`;
	if (minutes < 1) return 'just now';
	if (minutes < 60) return plural(minutes, 'minute');
	const hours = Math.floor(minutes / 60);
	if (hours < 48) return plural(hours, 'hour');
	return plural(Math.floor(hours / 24), 'day');
}

/*
 * Every page looks up its repos and references in the same snapshot, so a
 * linear search per lookup made a build quadratic in content size; the
 * lookup maps are built once per snapshot list instead.
 */
const indexes = new WeakMap<readonly { id: string }[], Map<string, unknown>>();

function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
	let index = indexes.get(list) as Map<string, T> | undefined;
	if (!index) {
		index = new Map();
		for (const item of list) if (!index.has(item.id.toLowerCase())) index.set(item.id.toLowerCase(), item);
		indexes.set(list, index);
	}
	return index;
}

export function findRepoStatus(snapshot: Pick<StatusSnapshot, 'repos'>, id: string): RepoStatus | undefined {
	return byId(snapshot.repos).get(id.toLowerCase());
}

/** Accepts `owner/repo#N` or an issue/pull-request URL. */
export function findReferenceStatus(snapshot: Pick<StatusSnapshot, 'references'>, reference: string): ReferenceStatus | undefined {
	return byId(snapshot.references).get((parseReference(reference)?.id ?? reference).toLowerCase());
}

/** Tracked repos by group, in the order the options list them. */
export function reposByGroup(snapshot: Pick<StatusSnapshot, 'repos'>): Array<{ group: string; repos: RepoStatus[] }> {
	const groups = new Map<string, RepoStatus[]>();
	for (const repo of snapshot.repos) {
		if (repo.group === undefined) continue;
		groups.set(repo.group, [...(groups.get(repo.group) ?? []), repo]);
	}
	return [...groups].map(([group, repos]) => ({ group, repos }));
}

export interface CheckColumn {
	/** "ocaml-ci", "CI" (a workflow), "opam-ci". */
	name: string;
	state: CheckState;
	/** The run to open: the first failing one, else the first. */
	url?: string;
	checks: Check[];
}

/**
 * The matrix column a check belongs to: its workflow for GitHub Actions
 * (`CI / build (…)` → `CI`), the part before " - " or "/" for external CIs
 * (`opam-ci - debian-12-ocaml-5.2` → `opam-ci`), else its own name. This
 * keeps the matrix narrow when one repo reports 64 statuses.
 */
export function checkFamily(check: Pick<Check, 'name' | 'kind'>): string {
	const sep = check.name.match(/^(.+?)\s+(?:\/|-)\s+/);
	return sep ? sep[1]! : check.name;
}

/** A commit's checks grouped into matrix columns, in first-seen order. */
export function checkColumns(checks: readonly Check[]): CheckColumn[] {
	const columns = new Map<string, Check[]>();
	for (const check of checks) {
		const family = checkFamily(check);
		columns.set(family, [...(columns.get(family) ?? []), check]);
	}
	return [...columns].map(([name, list]) => {
		const state = worstState(list.map((c) => c.state)) ?? 'neutral';
		const pick = list.find((c) => c.state === state && c.url) ?? list.find((c) => c.url);
		const column: CheckColumn = { name, state, checks: list };
		if (pick?.url) column.url = pick.url;
		return column;
	});
}

/** Column names across several repos' heads, for a group's matrix header. */
export function matrixColumns(repos: readonly RepoStatus[]): string[] {
	const names: string[] = [];
	for (const repo of repos)
		for (const col of checkColumns(repo.history[0]?.checks ?? [])) if (!names.includes(col.name)) names.push(col.name);
	return names;
}

/** A repo's page on the site, before `base`: `/status/<owner>/<repo>/`, under the status section's path. */
export function repoStatusPath(repo: Pick<RepoStatus, 'owner' | 'repo'>, statusPath = 'status'): string {
	return `/${statusPath}/${repo.owner}/${repo.repo}/`;
}

export interface VariantSummary {
	/** Non-experimental variants that failed: what makes the run fail. */
	failed: Variant[];
	/** EXPERIMENTAL variants that failed (they do not fail the run). */
	experimental: Variant[];
	/** Still building. */
	active: Variant[];
	passed: number;
	skipped: number;
	total: number;
}

/** An ocaml-ci run's variants, counted the way its page reads them. */
export function variantSummary(variants: readonly Variant[]): VariantSummary {
	return {
		failed: variants.filter((v) => v.state === 'failure' && !v.experimental),
		experimental: variants.filter((v) => v.state === 'failure' && v.experimental),
		active: variants.filter((v) => v.state === 'pending'),
		passed: variants.filter((v) => v.state === 'success').length,
		skipped: variants.filter((v) => v.state === 'neutral').length,
		total: variants.length,
	};
}

/** A repo in `/status/known-good.json`: the commit to pin, or why there is none. */
export type KnownGoodEntry =
	| { repo: string; group: string; branch: string | null; sha: string; date: string; url: string; behind: number; checks: string[] }
	| { repo: string; group: string; branch: string | null; sha: null; reason: string };

/**
 * `/status/known-good.json`: for every tracked repo, its newest commit whose
 * checks all passed, so a broken combination can be pinned to a working one
 * and bisected (see the README for turning it into opam `pin-depends`).
 */
export function knownGoodManifest(snapshot: Pick<StatusSnapshot, 'repos' | 'fetchedAt' | 'stale' | 'source'>): {
	/** Null when the status was never fetched. */
	fetchedAt: string | null;
	stale: boolean;
	source: string;
	repos: KnownGoodEntry[];
} {
	const repos = snapshot.repos.flatMap((r): KnownGoodEntry[] => {
		if (r.group === undefined) return [];
		const base = { repo: r.id, group: r.group, branch: r.branch ?? null };
		const good = r.knownGood;
		if (!good) {
			const reason = r.reason ?? `no commit among the last ${r.history.length} passed all its checks`;
			return [{ ...base, sha: null, reason }];
		}
		return [{ ...base, sha: good.oid, date: good.committedAt, url: good.url, behind: good.behind, checks: good.checks }];
	});
	return { fetchedAt: snapshot.fetchedAt ?? null, stale: snapshot.stale, source: snapshot.source, repos };
}
