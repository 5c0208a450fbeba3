/**
 * The site's sections as the options settle them: for each kind and page
 * section that is on, its URL path and its labels. Resolved once, with the
 * options; the result travels in the virtual config module, so pages, routes,
 * loaders and the command-line tools read the same paths. Pure.
 */
import { KINDS, PAGE_SECTIONS, SECTION_KEYS, isContentKind, type ContentKind, type KindRoute, type SectionKey } from '../content/kinds.ts';

export interface Section {
	/** URL path without slashes at either end: `minutes`, `community/calls`. */
	path: string;
	/** The section's name: sidebar, index title, search filter, 404. */
	label: string;
	/** One entry's name: page eyebrow, search result kind ("Minutes", "RFC"). */
	item: string;
	/**
	 * Former paths of the section (`wiki` for mirage-www's docs): each is a page that redirects to the
	 * section's index, and `/<old path>/<id>/` redirects to the entry's page (the `oldPaths` option).
	 */
	oldPaths?: string[];
	/** Entries served at the site root, `/<id>/`, whose page under the section redirects there (`atRoot`). */
	atRoot?: string[];
}

/** The sections that are on; a section turned off (or not applicable) is absent. */
export type Sections = Partial<Record<SectionKey, Section>>;

export type LabelOption = string | { name: string; item?: string | undefined };

export interface SectionOptions {
	labels?: Partial<Record<SectionKey, LabelOption>> | undefined;
	paths?: Partial<Record<SectionKey, string | false>> | undefined;
	oldPaths?: Partial<Record<SectionKey, readonly string[]>> | undefined;
	atRoot?: Partial<Record<SectionKey, readonly string[]>> | undefined;
	/** Whether a status section is wanted when `paths.status` does not say: the site tracks a toolchain. */
	hasToolchain: boolean;
}

export function resolveSections({ labels = {}, paths = {}, oldPaths = {}, atRoot = {}, hasToolchain }: SectionOptions): Sections {
	const sections: Sections = {};
	for (const key of SECTION_KEYS) {
		const spec = isContentKind(key) ? KINDS[key] : PAGE_SECTIONS[key];
		const path = paths[key];
		if (path === false) continue;
		if (key === 'status' && path === undefined && !hasToolchain) continue;
		if ('needs' in spec && !(spec.needs in sections)) continue;
		const defaultItem = 'item' in spec ? spec.item : spec.label;
		sections[key] = {
			path: path ?? spec.path,
			...labelsOf(labels[key], spec.label, defaultItem),
			...(oldPaths[key]?.length ? { oldPaths: [...oldPaths[key]] } : {}),
			...(atRoot[key]?.length ? { atRoot: [...atRoot[key]] } : {}),
		};
	}
	return sections;
}

/**
 * A label given as text names the section. Where the default item is the
 * default label without its "s" (RFCs → RFC, Projects → Project), the item
 * follows the same rule: "Student Ideas" → "Student Idea". Elsewhere
 * ("Blog" → "Post", "Minutes") the default item stays; `{ name, item }` sets both.
 */
function labelsOf(option: LabelOption | undefined, label: string, item: string): { label: string; item: string } {
	if (option === undefined) return { label, item };
	if (typeof option === 'object') return { label: option.name, item: option.item ?? option.name };
	const plural = label === `${item}s` && /[^s]s$/i.test(option);
	return { label: option, item: plural ? option.slice(0, -1) : item };
}

/**
 * Why a section is not on, in the option's words: for an error that a page
 * asked for it. `paths.status` is not the only way to lose the status section:
 * it is on only when the site tracks a toolchain.
 */
export function whySectionIsOff(key: SectionKey, { paths = {} }: Pick<SectionOptions, 'paths'>): string {
	if (paths[key] === false) return `paths.${key}: false turns it off`;
	if (key === 'status') return 'it is on only when ci.toolchain names repositories, or paths.status gives it a path';
	const needs = isContentKind(key) ? undefined : (PAGE_SECTIONS[key] as { needs?: ContentKind }).needs;
	if (needs) return `it belongs to the ${needs} section, which is off (paths.${needs}: false)`;
	return 'it is not on';
}

/** The kinds that are on, in registry order. */
export function enabledKinds(sections: Sections): ContentKind[] {
	return (Object.keys(KINDS) as ContentKind[]).filter((kind) => sections[kind] !== undefined);
}

/** What the sidebar lists, in order: every kind that is on, then the page sections marked `nav`. */
export function navSections(sections: Sections): SectionKey[] {
	const pages = (Object.keys(PAGE_SECTIONS) as (keyof typeof PAGE_SECTIONS)[]).filter((key) => PAGE_SECTIONS[key].nav);
	return [...enabledKinds(sections), ...pages.filter((key) => sections[key] !== undefined)];
}

/** The kinds that are on and have a feed (an `rss.xml` page). */
export function feedKinds(sections: Sections): ContentKind[] {
	return enabledKinds(sections).filter((kind) => KINDS[kind].routes.some((route) => route.pattern === 'rss.xml'));
}

/** What a section's index offers, for the search page's list of indexes; undefined when it has no summary. */
export function sectionSummary(key: SectionKey): string | undefined {
	return isContentKind(key) ? KINDS[key].summary : (PAGE_SECTIONS[key] as { summary?: string }).summary;
}

/**
 * A route's URL pattern under its section: `''` the index, `.json` a file beside it (`/status.json`),
 * `/feed.xml` a file at the site root, anything else below it.
 */
export function routePattern(section: Section, route: KindRoute): string {
	if (route.pattern.startsWith('/')) return route.pattern;
	if (route.pattern === '') return `/${section.path}`;
	if (route.pattern.startsWith('.')) return `/${section.path}${route.pattern}`;
	return `/${section.path}/${route.pattern}`;
}

/**
 * A page's site path, before `base`: `/minutes/2026-01-07/`. Segments are
 * joined as they are (ids are URL path segments already).
 */
export function sectionPage(section: Section, ...segments: string[]): string {
	return `/${[section.path, ...segments].join('/')}/`;
}

/** An entry's page, before `base`: under its section (`/docs/install/`), or at the site root for an `atRoot` entry (`/security/`). */
export function entryPage(section: Section, id: string): string {
	return section.atRoot?.includes(id) ? `/${id}/` : sectionPage(section, id);
}

/** A file in a section (`/minutes/rss.xml`) or beside it (`/status.json` from `.json`). */
export function sectionFile(section: Section, name: string): string {
	return name.startsWith('.') ? `/${section.path}${name}` : `/${section.path}/${name}`;
}

/**
 * Whether a site path (no trailing slash, before `base`) names one of the site's pages rather than a
 * file: a section's index (`/docs`), an entry or fixed page under it (`/docs/install`,
 * `/weekly/actions`), an old path of a section (`/wiki`, `/wiki/install`) or an entry served at the
 * root (`/security`). A section's own files (`/weekly/rss.xml`) and anything deeper
 * (`/blog/2016/diagram.pdf`) are not. Links written the mirage-www way, without the slash, are
 * given it by the loaders (loaders/rebase-urls.ts).
 */
export function sitePageMatcher(sections: Sections): (sitePath: string) => boolean {
	const prefixes: { path: string; files: string[] }[] = [];
	const roots = new Set<string>();
	for (const [key, section] of Object.entries(sections) as [SectionKey, Section][]) {
		const spec = isContentKind(key) ? KINDS[key] : PAGE_SECTIONS[key];
		const files = (spec.routes as readonly KindRoute[])
			.map((route) => route.pattern)
			.filter(
				(pattern) =>
					pattern !== '' && !pattern.startsWith('/') && !pattern.startsWith('.') && !pattern.includes('/') && pattern.includes('.'),
			);
		for (const path of [section.path, ...(section.oldPaths ?? [])]) prefixes.push({ path, files });
		for (const id of section.atRoot ?? []) roots.add(id);
	}
	return (sitePath) => {
		const path = sitePath.replace(/^\/+/, '');
		if (path === '' || path.endsWith('/')) return false;
		if (roots.has(path)) return true;
		return prefixes.some((prefix) => {
			if (path === prefix.path) return true;
			if (!path.startsWith(`${prefix.path}/`)) return false;
			const rest = path.slice(prefix.path.length + 1);
			return !rest.includes('/') && !prefix.files.includes(rest);
		});
	};
}
