/**
 * The one URL rule for everything that reaches an href or src from outside:
 * markdown, raw HTML, front-matter fields and GitHub's answers. Pure: no I/O.
 *
 * The values reaching us are already entity-decoded (by the markdown parser or
 * the HTML reparse), so `&#106;avascript:` arrives as `javascript:`. What is
 * left is what browsers forgive when they read a URL: leading spaces and
 * control characters, and tabs or newlines anywhere (`java\tscript:`), plus
 * any letter case. We drop those before reading the scheme.
 */

// An allow-list, like GitHub's sanitizer: any other scheme (javascript:,
// vbscript:, data:, file:, blob:, and whatever browsers add next) is refused.
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'xmpp', 'irc', 'ircs']);

/** What a URL that fails `isSafeUrl` is told, for the checker's findings. */
export const SAFE_URL_RULE = `must be a path, a #fragment or a URL whose scheme is one of ${[...SAFE_SCHEMES].join(', ')}`;

// Everything at or below U+0020 (controls, space), plus DEL and the C1 range.
// eslint-disable-next-line no-control-regex -- these are the characters browsers skip
const IGNORED = /[\u0000-\u0020\u007f-\u009f]+/g;

// A scheme is letters/digits/+/./- followed by ':' before any '/', '?' or '#'.
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** True when `value` is a relative URL, a fragment, or uses an allowed scheme. */
export function isSafeUrl(value: string): boolean {
	const compact = value.replace(IGNORED, '');
	// Some parsers also treat a backslash or an encoded colon oddly; a colon
	// written as an entity is already decoded, so only the plain form remains.
	const scheme = SCHEME.exec(compact);
	if (!scheme) return true;
	return SAFE_SCHEMES.has(scheme[1]!.toLowerCase());
}

/**
 * True when every candidate URL of a `srcset` (`a.png 1x, b.png 2x`) is safe.
 * Commas inside a data: URL would split it, but its first piece still starts
 * with `data:`, so it is refused either way.
 */
export function isSafeSrcset(value: string): boolean {
	return srcsetUrls(value).every(isSafeUrl);
}

/** The candidate URLs of a `srcset`, in order, as a browser splits them (a comma, then the URL before any width or density). */
export function srcsetUrls(value: string): string[] {
	return value
		.split(',')
		.map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
		.filter((url) => url !== '');
}

/**
 * A URL an API handed us (GitHub's `url`, `detailsUrl`, `targetUrl`, links
 * in a check run's summary), as the one absolute http(s) URL it must be to
 * make sense there, normalised the way a browser reads it; undefined for
 * anything else (relative paths, `javascript:`, `data:`, unparsable text).
 * Passes `isSafeUrl` too, so there is still one rule, only narrower.
 */
export function safeHttpUrl(value: unknown): string | undefined {
	if (typeof value !== 'string' || !isSafeUrl(value)) return undefined;
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return undefined;
	}
	return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}

export interface LinkFieldRule {
	/** Whether a `mailto:` address is a fitting link for the field. Default false. */
	mailto?: boolean;
}

/**
 * The rule for a URL written in a content field (front matter, the people
 * file), which a page puts in an href as it is: an absolute `http(s)://`
 * URL, a `mailto:` where the field allows one, or a path on this site
 * (`/…`). Stricter than `isSafeUrl`, which also has to take the relative
 * URLs markdown bodies use. Returns why the value breaks the rule, or
 * undefined when it keeps it.
 */
export function linkFieldProblem(value: string, { mailto = false }: LinkFieldRule = {}): string | undefined {
	const kinds = mailto
		? 'an http(s):// or mailto: URL, or a path on this site starting with "/"'
		: 'an http(s):// URL, or a path on this site starting with "/"';
	const rule = `must be ${kinds}`;
	const shown = JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
	// Whitespace and controls are what browsers strip to find a hidden scheme; a real URL has none.
	if (IGNORED_ANYWHERE.test(value)) return `${rule} (got ${shown}, which holds spaces or control characters)`;
	if (value.startsWith('/')) {
		// `//host` and `/\host` leave the site.
		return value.startsWith('//') || value.startsWith('/\\') ? `${rule} (got ${shown}, which leaves the site)` : undefined;
	}
	const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
	if (scheme === 'http' || scheme === 'https') return URL.canParse(value) && new URL(value).host ? undefined : `${rule} (got ${shown})`;
	if (scheme === 'mailto' && mailto) return undefined;
	return `${rule} (got ${shown})`;
}

// eslint-disable-next-line no-control-regex -- the characters browsers skip or strip in URLs
const IGNORED_ANYWHERE = /[\u0000-\u0020\u007f-\u009f]/;
