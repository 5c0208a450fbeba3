/**
 * The pages the site will have, by section, so that a markdown link such as
 * `/rfcs/0007-foo/` can be checked without building. Sections, their paths
 * and their fixed pages (`rss.xml`, `actions`, `calls.ics`, the project
 * filters) come from the registry and the options, as the routes do: a link
 * to any page the build makes is never reported.
 */
import { KINDS, PAGE_SECTIONS, isContentKind, type SectionKey } from '../content/kinds.ts';
import { padRfcNumber } from '../content/identity.ts';
import { resolveSections, type Sections } from '../utils/sections.ts';
import type { ContentKind, KindRoute } from '../content/kinds.ts';

/**
 * The id a file's page gets, from its file name and raw front matter, without
 * validating it: what `entryId` returns for a valid file, and a best guess for
 * a broken one (so that links to it are not reported as well).
 */
export function pageId(kind: ContentKind, stem: string, data: Record<string, unknown> = {}): string {
	if (kind === 'rfcs') {
		const match = /^(\d{1,4})-(.+)$/.exec(stem);
		return match ? `${padRfcNumber(Number(match[1]))}-${match[2]}` : stem;
	}
	return typeof data.permalink === 'string' && data.permalink ? data.permalink : stem;
}

/** The registry's sections with no options: what a site gets by default. */
export function defaultSections(): Sections {
	return resolveSections({ hasToolchain: false });
}

interface CheckedSection {
	key: SectionKey;
	segments: string[];
	missing: (id: string) => string;
	/** Pages under the section that are not entries, as segment patterns (`['filter', '[facet]', '[value]']`). */
	fixed: string[][];
}

export interface SitePagesOptions {
	/** Whether the calls calendar (`calls.ics`) exists: the `calls` option is set. */
	calls?: boolean;
}

export class SitePages {
	readonly #sections: CheckedSection[] = [];
	readonly #ids = new Map<SectionKey, Set<string>>();
	/** Facet values of the project filter pages, as `facet/value`. */
	readonly #filters = new Set<string>();
	/** Pages that exist whatever the content: the old paths of sections (`wiki`, `wiki/papers`), which redirect. */
	readonly #exact = new Set<string>();

	constructor(sections: Sections = defaultSections(), { calls = false }: SitePagesOptions = {}) {
		for (const [key, section] of Object.entries(sections) as [SectionKey, NonNullable<Sections[SectionKey]>][]) {
			const spec = isContentKind(key) ? KINDS[key] : PAGE_SECTIONS[key as keyof typeof PAGE_SECTIONS];
			for (const old of section.oldPaths ?? []) this.#exact.add(old);
			if (!('missing' in spec)) continue;
			const routes = spec.routes as readonly KindRoute[];
			const fixed = routes
				.filter((r) => r.pattern !== '' && !r.pattern.startsWith('[') && !r.pattern.startsWith('/') && (r.requires !== 'calls' || calls))
				.map((r) => r.pattern.split('/'));
			this.#sections.push({ key, segments: section.path.split('/'), missing: spec.missing, fixed });
			// Under an old path, each entry's page redirects to the entry: `/wiki/install` is fine when the guide is.
			for (const old of section.oldPaths ?? []) this.#sections.push({ key, segments: old.split('/'), missing: spec.missing, fixed: [] });
			this.#ids.set(key, new Set());
		}
		// Longest path first, so that `community/calls` wins over `community`.
		this.#sections.sort((a, b) => b.segments.length - a.segments.length);
	}

	add(key: SectionKey, id: string): void {
		const ids = this.#ids.get(key);
		if (!ids) throw new Error(`unknown or unchecked section ${key}`);
		ids.add(normalize(key, id));
	}

	has(key: SectionKey, id: string): boolean {
		return this.#ids.get(key)?.has(normalize(key, id)) ?? false;
	}

	/** A value the project filters offer (`skill`, `ocaml`): its page `/projects/filter/skill/ocaml/` exists. */
	addFilter(facet: string, value: string): void {
		this.#filters.add(`${facet}/${value}`);
	}

	/**
	 * Why a site-relative link points nowhere, or undefined when it is fine (or
	 * is not a link to an entry page). `publicFileExists` lets links to files
	 * in `public/` pass, such as `/blog/2016/diagram.pdf`.
	 */
	brokenLink(url: string, publicFileExists: (urlPath: string) => boolean): string | undefined {
		if (!url.startsWith('/') || url.startsWith('//')) return undefined;
		const urlPath = url.replace(/[?#].*$/s, '');
		const segments = urlPath.split('/').slice(1);
		if (segments.at(-1) === '') segments.pop();
		if (this.#exact.has(segments.join('/'))) return undefined;
		// The longest matching path; several sections when they share an old path (`wiki`: guides and calls).
		const first = this.#sections.find((s) => s.segments.every((part, i) => segments[i] === part));
		if (!first) return undefined;
		const candidates = this.#sections.filter((s) => s.segments.join('/') === first.segments.join('/'));
		const rest = segments.slice(first.segments.length);
		if (rest.length === 0 || publicFileExists(urlPath)) return undefined;
		if (candidates.some((section) => section.fixed.some((pattern) => this.#matchesFixed(pattern, rest)))) return undefined;
		let id: string;
		try {
			id = decodeURIComponent(rest.join('/'));
		} catch {
			return `is not a valid URL path (bad %-escape)`;
		}
		if (rest.length === 1 && candidates.some((section) => this.has(section.key, id))) return undefined;
		return `must point at an existing page; ${candidates.map((section) => section.missing(id)).join(', and ')}${this.#hint(first, id)}`;
	}

	#matchesFixed(pattern: string[], rest: string[]): boolean {
		if (pattern.length !== rest.length || pattern[0] !== rest[0]) return false;
		// The one fixed page with parameters: a project filter, which exists for the values projects have.
		if (pattern.length === 3 && pattern[0] === 'filter') return this.#filters.has(`${rest[1]}/${rest[2]}`);
		return pattern.every((part, i) => part.startsWith('[') || part === rest[i]);
	}

	/** RFC links are often written with the number only, or an old slug. */
	#hint(section: CheckedSection, id: string): string {
		const number = section.key === 'rfcs' ? /^0*(\d{1,4})(?:$|-)/.exec(id)?.[1] : undefined;
		if (!number) return '';
		const prefix = `${number.padStart(4, '0')}-`;
		const match = [...this.#ids.get('rfcs')!].find((known) => known.startsWith(prefix));
		return match ? ` (did you mean /${section.segments.join('/')}/${match}/?)` : '';
	}
}

/** Tag pages are slugs (utils/slug.ts), so a link matches case-insensitively; everything else matches exactly. */
function normalize(key: SectionKey, id: string): string {
	return key === 'tags' ? id.toLowerCase() : id;
}
