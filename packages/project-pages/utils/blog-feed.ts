/**
 * The posts as the Atom feed has them (utils/atom-feed.ts): full bodies with
 * absolute links, authors with a page (their own, or theirs on this site).
 * Made once per build, as `/feed.xml` and `/blog/atom.xml` both serve it;
 * in `astro dev` anew for each request, so edits show.
 */
import { render } from 'astro:content';
import { experimental_AstroContainer } from 'astro/container';
import config from 'virtual:project-pages/config';
import { absoluteLinks, atomFeed, type AtomPost } from './atom-feed.ts';
import { isMdxEntry, storedBody } from './entry-body.ts';
import { siteData, type Post } from './site-data.ts';
import { absoluteUrl, entryUrl, link, personUrl, section, sectionUrl } from './site-urls.ts';
import type { PeopleIndex, PersonRefLike } from './people.ts';

let cached: Promise<string> | undefined;

export function blogAtomFeed(site: URL | undefined): Promise<string> {
	if (import.meta.env.DEV) return build(site);
	cached ??= build(site);
	return cached;
}

const FALLBACK_SITE = new URL('http://localhost/');

async function build(siteUrl: URL | undefined): Promise<string> {
	const site = siteUrl ?? FALLBACK_SITE;
	const { posts, people } = await siteData();
	const blog = section('blog')!;
	const entries: AtomPost[] = [];
	const mdx = posts.some(isMdxEntry) ? await mdxContainer() : undefined;
	for (const post of posts) {
		entries.push({
			url: absoluteUrl(entryUrl(post), site),
			title: post.data.title,
			date: post.data.date,
			authors: post.data.authors.map((author) => authorOf(author, people, site)),
			tags: post.data.tags,
			...(post.data.description ? { summary: post.data.description } : {}),
			html: absoluteLinks(await bodyOf(post, mdx), site),
		});
	}
	return atomFeed(entries, {
		title: `${config.title}: ${blog.label}`,
		subtitle: config.description,
		feedUrl: absoluteUrl(link('/feed.xml'), site),
		blogUrl: absoluteUrl(sectionUrl('blog'), site),
		siteName: config.title,
	});
}

type Container = Awaited<ReturnType<typeof experimental_AstroContainer.create>>;

/**
 * An MDX post is a component: the feed renders it on its own, in Astro's container, with MDX's
 * renderer. A site has @astrojs/mdx when it has MDX posts (an optional peer dependency of this
 * package), so it is looked up only then, by a name the bundler leaves to Node.
 */
async function mdxContainer(): Promise<Container> {
	const id = '@astrojs/mdx/server.js';
	const { default: renderer } = (await import(/* @vite-ignore */ id)) as {
		default: Parameters<Container['addServerRenderer']>[0]['renderer'];
	};
	const container = await experimental_AstroContainer.create();
	container.addServerRenderer({ name: 'astro:jsx', renderer });
	return container;
}

/** A post's body as its page shows it. */
async function bodyOf(post: Post, mdx: Container | undefined): Promise<string> {
	if (!isMdxEntry(post) || !mdx) return storedBody(post);
	const { Content } = await render(post);
	return mdx.renderToString(Content);
}

/** Name and page: the one the content or the people file gives, else their page on this site. Never an e-mail address. */
function authorOf(ref: PersonRefLike, people: PeopleIndex, site: URL): { name: string; uri?: string } {
	const person = people.find(ref);
	const page = ref.url ?? person?.url ?? (person ? personUrl(person.github) : undefined);
	return { name: person?.name ?? ref.name, ...(page ? { uri: absoluteUrl(link(page), site) } : {}) };
}
