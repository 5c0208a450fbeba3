/**
 * What the loaders store for each entry beyond its front matter: its
 * permalink and source file, the GitHub references its body links, for
 * minutes the summary extracted from the notes, and for guides the headings
 * their table of contents lists (taken from the render, not parsed again).
 */
import type { ContentKind } from '../content/kinds.ts';
import { isoDay } from '../content/dates.ts';
import type { MinutesData } from '../content/schemas.ts';
import type { LoadedDocument } from '../content/read-content.ts';
import { extractMinutes } from '../markdown/extract-minutes.ts';
import type { RenderedMarkdown } from '../markdown/render.ts';
import type { EntrySite } from './markdown-loader.ts';
import { safeHeadingId } from './reserved-ids.ts';

export function enrichEntry(
	kind: ContentKind,
	loaded: LoadedDocument<ContentKind>,
	permalink: string,
	rendered: RenderedMarkdown,
	site: Pick<EntrySite, 'item' | 'rfcsPath'>,
): Record<string, unknown> {
	const common = { permalink, file: loaded.source.file, references: rendered.references };
	if (kind === 'docs') return { ...loaded.data, ...common, headings: tocHeadings(rendered.headings) };
	if (kind !== 'minutes') return { ...loaded.data, ...common };
	const data = loaded.data as MinutesData;
	const summary = extractMinutes(
		loaded.doc.body,
		{ chair: data.chair?.name, attendees: data.attendees.map((a) => a.name), agenda: data.agenda },
		{ rfcsPath: site.rfcsPath },
	);
	const day = isoDay(data.date);
	// Calls are told apart by their date: "Weekly call" alone would name every page the same.
	const title = data.title ?? site.item;
	return {
		...data,
		title: title.includes(day) ? title : `${title}: ${day}`,
		...common,
		summary,
	};
}

/** The headings a guide's table of contents lists: sections and their subsections (h2, h3), as rendered. */
export function tocHeadings(headings: RenderedMarkdown['headings']): RenderedMarkdown['headings'] {
	return headings.filter((h) => h.depth === 2 || h.depth === 3).map((h) => ({ ...h, slug: safeHeadingId(h.slug) }));
}
