/**
 * Everything pages derive from the collections, computed once per build:
 * sorted lists, the people index, tags, and who did what. Pages call
 * `siteData()` instead of re-scanning collections, so a person page or a tag
 * page costs a map lookup rather than a pass over every entry.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { PeopleIndex, type PersonRefLike } from './people.ts';
import { slug } from './slug.ts';
import { isoDay } from '../content/dates.ts';
import { cacheKey, linkKey, sharedCacheKey } from './cache-keys.ts';
import { toolchainStatus } from '../components/status/get-status.ts';
import config from 'virtual:project-pages/config';
import { docsIndexView, type DocsIndexView } from './docs-index.ts';

export type Minutes = CollectionEntry<'minutes'>;
export type Post = CollectionEntry<'blog'>;
export type Rfc = CollectionEntry<'rfcs'>;
export type Project = CollectionEntry<'projects'>;
export type Guide = CollectionEntry<'docs'>;
export type Paper = CollectionEntry<'papers'>;

export interface PersonActivity {
	posts: Post[];
	guides: Guide[];
	calls: Minutes[];
	chaired: Minutes[];
	rfcs: Rfc[];
	projects: Project[];
	actions: Array<{ call: Minutes; text: string; done: boolean }>;
}

export interface SiteData {
	minutes: Minutes[];
	posts: Post[];
	rfcs: Rfc[];
	projects: Project[];
	/** Guides by title. */
	guides: Guide[];
	/** The docs index (docs.yaml) resolved against the guides, with each guide's previous and next. */
	docs: DocsIndexView<Guide>;
	/** Papers in the order of papers.yml. */
	papers: Paper[];
	people: PeopleIndex;
	tags: Map<string, { label: string; posts: Post[] }>;
	activity: Map<string, PersonActivity>;
	/** Posts by tag, keyed by the tag's URL slug; the label is its first spelling. */
	/** Calls whose notes mention an RFC, by RFC number. */
	rfcDiscussions: Map<number, Minutes[]>;
	/** Incremental-build keys: what every page shows, what every project listing shows, and the docs index (every guide page shows its section). */
	keys: { shared: string; projects: string; docs: string };
}

let cached: Promise<SiteData> | undefined;

export function siteData(): Promise<SiteData> {
	// In dev, content changes between requests; a build reads it once.
	if (import.meta.env.DEV) return build();
	cached ??= build();
	return cached;
}

const byDateDesc = (a: { data: { date: Date } }, b: { data: { date: Date } }) => b.data.date.getTime() - a.data.date.getTime();

async function build(): Promise<SiteData> {
	const [minutes, posts, rfcs, projects, guides, papers, docsIndex, peopleEntries, status] = await Promise.all([
		getCollection('minutes'),
		getCollection('blog'),
		getCollection('rfcs'),
		getCollection('projects'),
		getCollection('docs'),
		getCollection('papers'),
		getCollection('docsIndex'),
		getCollection('people'),
		toolchainStatus(),
	]);
	minutes.sort(byDateDesc);
	posts.sort(byDateDesc);
	rfcs.sort((a, b) => a.data.number - b.data.number);
	projects.sort((a, b) => b.data.year - a.data.year || a.data.title.localeCompare(b.data.title));
	guides.sort((a, b) => a.data.title.localeCompare(b.data.title) || (a.id < b.id ? -1 : 1));
	papers.sort((a, b) => a.data.order - b.data.order);
	const docs = docsIndexView(docsIndex[0]?.data, guides, config.sections, 'More guides');
	const people = new PeopleIndex(peopleEntries.map((e) => e.data));

	const tags = new Map<string, { label: string; posts: Post[] }>();
	for (const post of posts) {
		for (const label of post.data.tags) {
			const key = slug(label);
			const entry = tags.get(key) ?? tags.set(key, { label, posts: [] }).get(key)!;
			if (!entry.posts.includes(post)) entry.posts.push(post);
		}
	}

	const activity = new Map<string, PersonActivity>();
	const of = (ref: PersonRefLike | string): PersonActivity | undefined => {
		const handle = people.find(ref)?.github;
		if (!handle) return undefined;
		let a = activity.get(handle);
		if (!a) activity.set(handle, (a = { posts: [], guides: [], calls: [], chaired: [], rfcs: [], projects: [], actions: [] }));
		return a;
	};
	for (const post of posts) for (const author of post.data.authors) of(author)?.posts.push(post);
	for (const guide of guides) for (const author of guide.data.authors) of(author)?.guides.push(guide);
	for (const call of minutes) {
		const { summary } = call.data;
		for (const name of new Set(summary.attendees)) of(name)?.calls.push(call);
		if (summary.chair) of(summary.chair)?.chaired.push(call);
		for (const action of summary.actions) if (action.owner) of(action.owner)?.actions.push({ call, text: action.text, done: action.done });
	}
	for (const rfc of rfcs) for (const author of rfc.data.authors) of(author)?.rfcs.push(rfc);
	for (const project of projects) for (const mentor of project.data.mentors) of(mentor)?.projects.push(project);

	const rfcDiscussions = new Map<number, Minutes[]>();
	for (const call of [...minutes].reverse()) {
		for (const n of new Set(call.data.summary.rfcMentions)) (rfcDiscussions.get(n) ?? rfcDiscussions.set(n, []).get(n)!).push(call);
	}
	const shared = sharedCacheKey({
		statusDigest: status ? [status.fetchedAt, status.stale, status.repos.length, status.references.length, cacheKey(status)] : null,
		peopleDigests: peopleEntries.map((e) => e.digest ?? e.data),
		today: isoDay(new Date()),
	});
	const keys = {
		shared,
		projects: cacheKey(
			shared,
			projects.map((p) => [p.id, p.digest]),
		),
		docs: cacheKey(
			shared,
			docsIndex.map((e) => e.digest ?? e.data),
			guides.map(linkKey),
		),
	};
	return { minutes, posts, rfcs, projects, guides, docs, papers, people, tags, activity, rfcDiscussions, keys };
}
