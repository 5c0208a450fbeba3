/**
 * Puts a state badge (open, closed, merged, unknown) right after each
 * autolinked `owner/repo#N` in rendered minutes, so a reader sees the state
 * where the reference is made, without client JavaScript. The markdown
 * pipeline marks those links with `class="gh-ref" data-ref="owner/repo#N"`.
 */
import type { StatusSnapshot } from '../../ci/snapshot-schema.ts';
import { findReferenceStatus } from '../../ci/view.ts';
import { parseReference } from '../../ci/references.ts';

const AUTOLINK = /<a href="([^"]*)" class="gh-ref" data-ref="([^"]+)"[^>]*>[^<]*<\/a>/g;

export function annotateReferences(html: string, status: StatusSnapshot | undefined): string {
	if (!html.includes('class="gh-ref"')) return html;
	return html.replace(AUTOLINK, (link, href: string, id: string) => {
		// Raw HTML in a contribution could imitate an autolink; only a link to the issue it names gets a badge.
		if (parseReference(id)?.url !== href) return link;
		const state = (status && findReferenceStatus(status, id)?.state) || 'unknown';
		return `${link} <span class="badge ref-${state}" data-pagefind-ignore>${state}</span>`;
	});
}
