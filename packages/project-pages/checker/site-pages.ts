/**
 * The pages the site will have, by section, so that a markdown link such as
 * `/rfcs/0007-foo/` can be checked without building. The sections and ids
 * are the ones the integration's routes use (`utils/site-data.ts`).
 */
import { SECTION_OF_KIND, type ContentKind } from '../content/constants.ts';
import { padRfcNumber } from '../content/identity.ts';

export { SECTION_OF_KIND };

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

const SECTIONS = ['weekly', 'blog', 'rfcs', 'projects', 'people', 'tags'] as const;
type Section = (typeof SECTIONS)[number];

/** Pages under a section that are not entries. */
const FIXED: Partial<Record<Section, readonly string[]>> = { weekly: ['rss.xml'], blog: ['rss.xml'] };

const MISSING: Record<Section, (id: string) => string> = {
	weekly: (id) => `no minutes have the permalink "${id}"`,
	blog: (id) => `no post has the permalink "${id}"`,
	rfcs: (id) => `no RFC has the id "${id}"`,
	projects: (id) => `no project is named "${id}"`,
	people: (id) => `no one in people.yaml has the GitHub handle "${id}"`,
	tags: (id) => `no post is tagged "${id}"`,
};

export class SitePages {
	readonly #ids = new Map<Section, Set<string>>(SECTIONS.map((s) => [s, new Set<string>()]));

	add(section: string, id: string): void {
		const ids = this.#ids.get(section as Section);
		if (!ids) throw new Error(`unknown section ${section}`);
		ids.add(key(section, id));
	}

	has(section: string, id: string): boolean {
		return this.#ids.get(section as Section)?.has(key(section, id)) ?? false;
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
		const section = segments[0] as Section | undefined;
		if (!section || !this.#ids.has(section) || segments.length === 1) return undefined;
		if (publicFileExists(urlPath)) return undefined;
		if (segments.length === 2 && FIXED[section]?.includes(segments[1]!)) return undefined;
		let id: string;
		try {
			id = decodeURIComponent(segments.slice(1).join('/'));
		} catch {
			return `is not a valid URL path (bad %-escape)`;
		}
		if (segments.length === 2 && this.has(section, id)) return undefined;
		return `must point at an existing page; ${MISSING[section](id)}${this.#hint(section, id)}`;
	}

	/** RFC links are often written with the number only, or an old slug. */
	#hint(section: Section, id: string): string {
		const number = section === 'rfcs' ? /^0*(\d{1,4})(?:$|-)/.exec(id)?.[1] : undefined;
		if (!number) return '';
		const prefix = `${number.padStart(4, '0')}-`;
		const match = [...this.#ids.get('rfcs')!].find((known) => known.startsWith(prefix));
		return match ? ` (did you mean /rfcs/${match}/?)` : '';
	}
}

/** Tag pages are slugs (see tagSlug), so a link matches case-insensitively; everything else matches exactly. */
function key(section: string, id: string): string {
	return section === 'tags' ? id.toLowerCase() : id;
}
