/**
 * An Atom feed (RFC 4287) of posts with their full content, as mirage-www
 * serves `/feed.xml`: every post, newest first, each with its authors (name
 * and page; never an e-mail address), its tags and its body as HTML whose
 * links are absolute, so a feed reader resolves them. Pure: the route hands
 * in the posts and the site's URLs. Everything written is escaped text
 * (xml-text.ts), so the document is well-formed whatever a post holds.
 */
import { xmlEscaped } from './xml-text.ts';

export interface AtomPost {
	/** Absolute URL of the post's page: also its id. */
	url: string;
	title: string;
	date: Date;
	authors: Array<{ name: string; uri?: string }>;
	tags: readonly string[];
	summary?: string;
	/** The post's body as HTML, links already absolute. */
	html: string;
}

export interface AtomFeedOptions {
	title: string;
	subtitle: string;
	/** Absolute URL of the feed itself, and of the blog's index. */
	feedUrl: string;
	blogUrl: string;
	/** Who the feed is by when a post names no one: the site. */
	siteName: string;
}

const attr = xmlEscaped;

function entry(post: AtomPost): string {
	const lines = [
		'  <entry>',
		`    <id>${xmlEscaped(post.url)}</id>`,
		`    <title type="text">${xmlEscaped(post.title)}</title>`,
		`    <link rel="alternate" type="text/html" href="${attr(post.url)}"/>`,
		`    <published>${post.date.toISOString()}</published>`,
		`    <updated>${post.date.toISOString()}</updated>`,
	];
	for (const author of post.authors) {
		lines.push(`    <author><name>${xmlEscaped(author.name)}</name>${author.uri ? `<uri>${xmlEscaped(author.uri)}</uri>` : ''}</author>`);
	}
	for (const tag of post.tags) lines.push(`    <category term="${attr(tag)}"/>`);
	if (post.summary) lines.push(`    <summary type="text">${xmlEscaped(post.summary)}</summary>`);
	lines.push(`    <content type="html">${xmlEscaped(post.html)}</content>`, '  </entry>');
	return lines.join('\n');
}

/** `posts` newest first. */
export function atomFeed(posts: readonly AtomPost[], options: AtomFeedOptions): string {
	const updated = posts[0]?.date ?? new Date(0);
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		'<feed xmlns="http://www.w3.org/2005/Atom">',
		`  <id>${xmlEscaped(options.feedUrl)}</id>`,
		`  <title type="text">${xmlEscaped(options.title)}</title>`,
		`  <subtitle type="text">${xmlEscaped(options.subtitle)}</subtitle>`,
		`  <updated>${updated.toISOString()}</updated>`,
		`  <link rel="self" type="application/atom+xml" href="${attr(options.feedUrl)}"/>`,
		`  <link rel="alternate" type="text/html" href="${attr(options.blogUrl)}"/>`,
		// Atom wants an author for every entry; a post that names none is the site's.
		`  <author><name>${xmlEscaped(options.siteName)}</name></author>`,
		'  <generator>astro-project-pages</generator>',
		...posts.map(entry),
		'</feed>',
		'',
	].join('\n');
}

// A real tag's href, src or poster whose value is site-relative (starts with one "/"), as the loaders write them.
const SITE_RELATIVE = /(<[a-z][a-z0-9-]*(?:\s[^<>]*?)?\s(?:href|src|poster)=")(\/(?!\/)[^"]*)"/gi;

/** `html` with every site-relative link made absolute on `site`: a feed reader has no page to resolve them from. */
export function absoluteLinks(html: string, site: URL): string {
	return html.replace(
		SITE_RELATIVE,
		(_match, prefix: string, url: string) => `${prefix}${new URL(url.replace(/&amp;/g, '&'), site).href.replace(/&/g, '&amp;')}"`,
	);
}
