/**
 * `/feed.xml`: the Atom feed of every post, in full (utils/atom-feed.ts).
 * The same document is served at `/blog/atom.xml` (atom.xml.ts); it is
 * made once per build.
 */
import type { APIContext } from 'astro';
import { blogAtomFeed } from '../../utils/blog-feed.ts';

export async function GET(context: APIContext) {
	return new Response(await blogAtomFeed(context.site), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
