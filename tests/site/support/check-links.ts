/**
 * The link check over a built site folder: every href, src, srcset and form
 * action in every page, every URL in the sitemaps and feeds, and every url()
 * in the CSS must reach a file and, with a fragment, an element with that
 * id. Links to other origins are counted as external and not fetched.
 */
import { builtPages, distFiles, readDist, urlOf } from '../../e2e/support/built-site.ts';
import { parseHtml, type ParsedElement } from './parse-html.ts';

/** Attributes that hold one URL, by element. */
const URL_ATTRIBUTES: Record<string, string[]> = {
	a: ['href'],
	area: ['href'],
	link: ['href'],
	img: ['src'],
	source: ['src'],
	script: ['src'],
	iframe: ['src'],
	video: ['src', 'poster'],
	audio: ['src'],
	track: ['src'],
	use: ['href'],
	form: ['action'],
	object: ['data'],
};
/** Resource hints name an origin, not a resource. */
const HINT_RELS = new Set(['preconnect', 'dns-prefetch']);
/** The fragments every browser understands without a matching id. */
const BUILT_IN_FRAGMENTS = new Set(['', 'top']);

interface Link {
	from: string;
	url: string;
}

interface Site {
	files: Set<string>;
	/** Ids (and `<a name>`s) of each HTML file. */
	ids: Map<string, Set<string>>;
	links: Link[];
	/** The deployed origin, from the home page's canonical link: absolute links to it are internal. */
	origin: string | undefined;
}

function urlsOf(element: ParsedElement): string[] {
	const tag = element.tagName;
	if (tag === 'link' && (element.attr('rel') ?? '').split(/\s+/).some((rel) => HINT_RELS.has(rel))) return [];
	const urls = (URL_ATTRIBUTES[tag] ?? []).map((name) => element.attr(name)).filter((v): v is string => v !== undefined);
	for (const name of ['srcset', 'imagesrcset']) {
		const srcset = element.attr(name);
		if (srcset)
			urls.push(
				...srcset
					.split(',')
					.map((candidate) => candidate.trim().split(/\s+/)[0]!)
					.filter(Boolean),
			);
	}
	return urls;
}

function readSite(root: string): Site {
	const files = new Set(distFiles(root));
	const ids = new Map<string, Set<string>>();
	const links: Link[] = [];
	let origin: string | undefined;
	for (const page of builtPages(root)) {
		const file = page.file;
		const doc = parseHtml(readDist(file, root));
		ids.set(
			file,
			new Set(
				doc.all().flatMap((el) => [el.attr('id'), el.tagName === 'a' ? el.attr('name') : undefined].filter((v): v is string => Boolean(v))),
			),
		);
		// The 404 page is served at any missing address, so its links must work from any depth.
		const base = file === '404.html' ? '/no/such/page/' : page.url;
		for (const element of doc.all()) {
			for (const url of urlsOf(element)) {
				// A bare fragment stays on the page itself, wherever it is served.
				links.push({
					from: `${page.url} <${element.tagName}>`,
					url: url.startsWith('#') ? resolveFrom(`/${file}`, url) : resolveFrom(base, url),
				});
			}
		}
		if (page.url === '/')
			origin = doc
				.all()
				.find((el) => el.tagName === 'link' && el.attr('rel') === 'canonical')
				?.attr('href');
	}
	for (const file of files) {
		if (file.endsWith('.xml')) {
			const xml = readDist(file, root);
			for (const match of xml.matchAll(/<(?:loc|link)>([^<]+)<\/(?:loc|link)>|\shref="([^"]+)"/g)) {
				links.push({ from: `/${file}`, url: resolveFrom(urlOf(file), decodeEntities((match[1] ?? match[2])!.trim())) });
			}
		} else if (file.endsWith('.css')) {
			for (const match of readDist(file, root).matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
				links.push({ from: `/${file}`, url: resolveFrom(urlOf(file), match[2]!) });
			}
		}
	}
	return { files, ids, links, origin: origin ? new URL(origin).origin : undefined };
}

const LOCAL = 'http://site.invalid';

function resolveFrom(base: string, url: string): string {
	return new URL(url, LOCAL + base).href;
}

function decodeEntities(text: string): string {
	return text.replace(
		/&(amp|lt|gt|quot|apos|#39);/g,
		(_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" })[name]!,
	);
}

/** Why a link is broken, or undefined when it works or is external. */
function problemWith(site: Site, href: string): string | undefined {
	const url = new URL(href);
	if (url.protocol === 'data:' || url.protocol === 'mailto:' || url.protocol === 'tel:') return undefined;
	if (url.protocol === 'javascript:') return 'javascript: URL';
	if (url.origin !== LOCAL && url.origin !== site.origin) return undefined;
	let pathname: string;
	try {
		pathname = decodeURIComponent(url.pathname);
	} catch {
		return 'malformed percent-encoding';
	}
	const relative = pathname.slice(1);
	let file: string | undefined;
	if (relative === '' || relative.endsWith('/')) file = site.files.has(`${relative}index.html`) ? `${relative}index.html` : undefined;
	else if (site.files.has(relative)) file = relative;
	else if (site.files.has(`${relative}/index.html`))
		return 'no trailing slash (the site is built with trailingSlash: always, so this address is a 404)';
	if (!file) return 'no such page or file in dist/';
	if (!url.hash || !file.endsWith('.html')) return undefined;
	const fragment = decodeURIComponent(url.hash.slice(1));
	if (BUILT_IN_FRAGMENTS.has(fragment.toLowerCase()) || site.ids.get(file)?.has(fragment)) return undefined;
	return `no element with id="${fragment}" in dist/${file}`;
}

export interface LinkReport {
	pages: number;
	/** Internal links checked. */
	checked: number;
	/** `<from> → <to>: <why>`, one line per distinct broken link. */
	broken: string[];
}

export function checkLinks(root: string): LinkReport {
	const site = readSite(root);
	let checked = 0;
	const broken = new Set<string>();
	for (const link of site.links) {
		const url = new URL(link.url);
		if (url.origin === LOCAL || url.origin === site.origin) checked++;
		const problem = problemWith(site, link.url);
		if (problem) broken.add(`${link.from} → ${url.origin === LOCAL ? url.href.slice(LOCAL.length) : url.href}: ${problem}`);
	}
	return { pages: site.ids.size, checked, broken: [...broken] };
}
