/**
 * mirage-www served pages without a trailing slash (`/blog/pinata`), so its
 * markdown writes `../graphics/x.svg` meaning `/graphics/x.svg`. This site's
 * pages end in `/`, which would shift every relative URL one level down.
 * Rewriting relative `href`/`src` against the slash-less page URL keeps what
 * the authors meant, and makes every URL root-relative for the link checker.
 * Site-relative URLs (`/rfcs/…`, written or rebased) then go under Astro's
 * `base`, as every link the integration writes does. For the same reason a
 * link to a page written without its trailing slash (`/docs/hello-world`)
 * gets one, when `isPage` says the path is a page: this site's pages are
 * folders, and a host that does not redirect (or `astro preview`) would
 * answer 404.
 */
// Only inside a real tag: code samples keep `href="x"` as text, after an escaped `&lt;`.
const RELATIVE_ATTR = /(<[a-z][a-z0-9-]*(?:\s[^<>]*?)?\s(href|src)=")(?![a-z][a-z0-9+.-]*:|\/\/|#|\?)([^"]*)"/gi;

export function rebaseRelativeUrls(html: string, pagePath: string, base = '/', isPage?: (sitePath: string) => boolean): string {
	if (!html.includes('="')) return html;
	return html.replace(RELATIVE_ATTR, (_match, prefix: string, attribute: string, url: string) => {
		if (url === '') return `${prefix}"`;
		const sitePath = url.startsWith('/') ? url : resolvePageRelative(url.replace(/&amp;/g, '&'), pagePath).replace(/&/g, '&amp;');
		// A `src` is a file (an image, a frame's document), never given a page's slash.
		const rebased = attribute.toLowerCase() === 'href' ? withPageSlash(sitePath, isPage) : sitePath;
		return `${prefix}${base}${rebased.slice(1)}"`;
	});
}

/** `/docs/x?y#z` → `/docs/x/?y#z` when `/docs/x` is a page. */
function withPageSlash(sitePath: string, isPage: ((sitePath: string) => boolean) | undefined): string {
	if (!isPage) return sitePath;
	const end = sitePath.search(/[?#]/);
	const pathname = end === -1 ? sitePath : sitePath.slice(0, end);
	if (pathname.endsWith('/')) return sitePath;
	let decoded: string;
	try {
		decoded = decodeURIComponent(pathname);
	} catch {
		return sitePath;
	}
	return isPage(decoded) ? `${pathname}/${end === -1 ? '' : sitePath.slice(end)}` : sitePath;
}

/** What a relative URL written on the page at `pagePath` points to, as a root-relative URL. */
export function resolvePageRelative(url: string, pagePath: string): string {
	const resolved = new URL(url, new URL(pagePath.replace(/\/+$/, ''), 'https://site.invalid'));
	return resolved.pathname + resolved.search + resolved.hash;
}
