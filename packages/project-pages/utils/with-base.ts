/**
 * The one rule for Astro's `base`: a site-relative URL (`/rfcs/`) goes under
 * it (`/docs/rfcs/`); absolute URLs, protocol-relative ones, fragments and
 * page-relative URLs are left alone. Pure; `utils/site-urls.ts` applies it
 * with the site's base, and the loaders with theirs.
 */
export function withBase(base: string, url: string): string {
	if (!url.startsWith('/') || url.startsWith('//')) return url;
	return `${base}${url.slice(1)}`;
}

/** Astro's `base` option as pages join it: a slash at both ends (`/`, `/docs/`). */
export function normalizeBase(base: string | undefined): string {
	const trimmed = (base ?? '/').replace(/^\/+|\/+$/g, '');
	return trimmed ? `/${trimmed}/` : '/';
}
