/**
 * `/status/feed.xml`: an Atom feed (RFC 4287) of the toolchain turning red
 * and green, built from the fetched history (see `transitions`), so people
 * can subscribe instead of polling. Pure: the route passes the site's URLs.
 * Entry ids are the commit's URL plus the colour, stable across builds, so
 * a reader shows each transition once however often the site rebuilds.
 */
import { xmlEscaped } from '../utils/xml-text.ts';
import { transitions, type Transition } from './derive.ts';
import type { RepoStatus, StatusSnapshot } from './snapshot-schema.ts';

export interface StatusFeedOptions {
	/** The site's name, for the feed title and author. */
	title: string;
	/** Absolute URL of the feed itself. */
	feedUrl: string;
	/** Absolute URL of /status/. */
	statusUrl: string;
	/** Absolute URL of a repo's status page. */
	repoUrl: (repo: RepoStatus) => string;
	/** Entries kept, newest first. */
	limit?: number;
}

const short = (oid: string) => oid.slice(0, 7);

/** Failing checks of a commit, in words: "ocaml-ci, CI / build (macos-latest, 5.2)". */
function failingChecks(t: Transition): string {
	const names = t.commit.checks.filter((c) => c.state === 'failure' || c.state === 'error').map((c) => c.name);
	return names.length > 0 ? names.join(', ') : 'its checks';
}

function entry(repo: RepoStatus, t: Transition, options: StatusFeedOptions): string {
	const turned = t.to === 'red' ? 'turned red' : 'is green again';
	const title = `${repo.id} ${turned} at ${short(t.commit.oid)}`;
	const what =
		t.to === 'red'
			? `${repo.id}${repo.branch ? ` (${repo.branch})` : ''} fails at ${short(t.commit.oid)} "${t.commit.message}": ${failingChecks(t)}. The last green commit was ${short(t.previous.oid)}.`
			: `${repo.id}${repo.branch ? ` (${repo.branch})` : ''} passes again at ${short(t.commit.oid)} "${t.commit.message}", after failing since ${short(t.previous.oid)} or earlier.`;
	const summary = t.compareUrl ? `${what} Changes: ${t.compareUrl}` : what;
	const lines = [
		'  <entry>',
		`    <title>${xmlEscaped(title)}</title>`,
		`    <id>${xmlEscaped(`${t.commit.url}#turned-${t.to}`)}</id>`,
		`    <updated>${xmlEscaped(atomDate(t.commit.committedAt))}</updated>`,
		`    <link rel="alternate" type="text/html" href="${xmlEscaped(options.repoUrl(repo))}"/>`,
		`    <link rel="related" type="text/html" href="${xmlEscaped(t.commit.url)}"/>`,
	];
	if (t.compareUrl) lines.push(`    <link rel="related" type="text/html" title="changes" href="${xmlEscaped(t.compareUrl)}"/>`);
	lines.push(`    <category term="${t.to}"/>`, `    <summary type="text">${xmlEscaped(summary)}</summary>`, '  </entry>');
	return lines.join('\n');
}

/** An RFC 3339 time, as Atom wants; GitHub's committedDate already is one. */
function atomDate(iso: string | undefined): string {
	const t = Date.parse(iso ?? '');
	return Number.isNaN(t) ? new Date(0).toISOString() : new Date(t).toISOString();
}

/** The transitions of every tracked repo, newest first. */
export function statusTransitions(snapshot: Pick<StatusSnapshot, 'repos'>): Array<{ repo: RepoStatus; transition: Transition }> {
	return snapshot.repos
		.filter((r) => r.group !== undefined)
		.flatMap((repo) => transitions(repo).map((transition) => ({ repo, transition })))
		.sort((a, b) => Date.parse(b.transition.commit.committedAt) - Date.parse(a.transition.commit.committedAt));
}

export function statusFeed(snapshot: Pick<StatusSnapshot, 'repos' | 'fetchedAt'>, options: StatusFeedOptions): string {
	const items = statusTransitions(snapshot).slice(0, options.limit ?? 50);
	const red = snapshot.repos.filter((r) => r.group !== undefined && r.state === 'failing').length;
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		'<feed xmlns="http://www.w3.org/2005/Atom">',
		`  <title>${xmlEscaped(`${options.title} toolchain: red and green`)}</title>`,
		`  <subtitle>${xmlEscaped(`When a tracked repository's CI turns red or green again (${red} red now).`)}</subtitle>`,
		`  <id>${xmlEscaped(options.feedUrl)}</id>`,
		`  <link rel="self" type="application/atom+xml" href="${xmlEscaped(options.feedUrl)}"/>`,
		`  <link rel="alternate" type="text/html" href="${xmlEscaped(options.statusUrl)}"/>`,
		`  <updated>${xmlEscaped(atomDate(snapshot.fetchedAt))}</updated>`,
		`  <author><name>${xmlEscaped(options.title)}</name></author>`,
		`  <generator>astro-project-pages</generator>`,
		...items.map(({ repo, transition }) => entry(repo, transition, options)),
		'</feed>',
		'',
	].join('\n');
}
