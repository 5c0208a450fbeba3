/**
 * What the loaders store for each entry beyond its front matter: its
 * permalink and source file, the GitHub references its body links, and for
 * minutes the summary extracted from the notes.
 */
import type { ContentKind } from '../content/kinds.ts';
import { isoDay } from '../content/dates.ts';
import type { MinutesData } from '../content/schemas.ts';
import type { LoadedDocument } from '../content/read-content.ts';
import { extractMinutes } from '../markdown/extract-minutes.ts';
import type { RenderedMarkdown } from '../markdown/render.ts';
import type { EntrySite } from './markdown-loader.ts';

export function enrichEntry(
	kind: ContentKind,
	loaded: LoadedDocument<ContentKind>,
	permalink: string,
	rendered: RenderedMarkdown,
	site: Pick<EntrySite, 'item' | 'rfcsPath'>,
): Record<string, unknown> {
	const common = { permalink, file: loaded.source.file, references: rendered.references };
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
