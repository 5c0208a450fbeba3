/**
 * Every URL a page, feed or endpoint of the integration writes comes from
 * here: section paths from the options (utils/sections.ts), joined under
 * Astro's `base` (utils/with-base.ts). A moved or renamed section, or a
 * site served from a sub-path, changes nothing else.
 */
import config, { base } from 'virtual:project-pages/config';
import type { ContentKind, SectionKey } from '../content/kinds.ts';
import { entryPage, sectionFile, sectionPage, whySectionIsOff, type Section } from './sections.ts';
import { slug } from './slug.ts';
import { withBase } from './with-base.ts';
import { repoStatusPath } from '../ci/view.ts';

/** A site-relative URL (`/favicon.svg`, `/docs/`) under the site's base; other URLs unchanged. */
export function link(url: string): string {
	return withBase(base, url);
}

/** A section's path and labels, or undefined when the site turned it off. */
export function section(key: SectionKey): Section | undefined {
	return config.sections[key];
}

/** `/weekly/`, `/weekly/2026-01-07/`: a page in a section (which must be on). */
export function sectionUrl(key: SectionKey, ...segments: string[]): string {
	return link(sectionPage(required(key, segments), ...segments));
}

/** `/weekly/rss.xml`, `/status.json`: a file in a section, or beside it when the name starts with ".". */
export function sectionFileUrl(key: SectionKey, name: string): string {
	return link(sectionFile(required(key, [name]), name));
}

/** An entry's page: under its section, or at the site root for a guide served there (`atRoot`). */
export function entryUrl(entry: { collection: ContentKind; id: string }): string {
	return link(entryPage(required(entry.collection), entry.id));
}

export function tagUrl(tag: string): string {
	return sectionUrl('tags', slug(tag));
}

/** A person's page, or undefined when the site has no people section. */
export function personUrl(handle: string): string | undefined {
	return config.sections.people ? sectionUrl('people', handle) : undefined;
}

/** A tracked repo's page in the status section (`/status/<owner>/<repo>/`), or undefined when the site has none. */
export function repoStatusUrl(repo: { owner: string; repo: string }): string | undefined {
	return config.sections.status ? link(repoStatusPath(repo, config.sections.status.path)) : undefined;
}

/** An absolute URL on the deployed site (feeds, calendar, badge snippets), or the site-relative one without `site`. */
export function absoluteUrl(url: string, site: URL | undefined): string {
	return site ? new URL(url, site).href : url;
}

function required(key: SectionKey, segments: readonly string[] = []): Section {
	const found = config.sections[key];
	if (!found) {
		const what = segments.length > 0 ? `${segments.join('/')} in the ${key} section` : `the ${key} section`;
		throw new Error(
			`project-pages: a page links to ${what}, which this site does not have (${whySectionIsOff(key, config)}); link to it only when section('${key}') is set`,
		);
	}
	return found;
}
