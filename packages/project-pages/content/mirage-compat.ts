/**
 * mirage-www writes front matter as `updated`, `subject`, `author` and
 * `authors`; this maps those names onto the fields the schemas use, so that
 * its `data/weekly`, `data/blog` and `data/wiki` files build without edits. A field the
 * author also wrote under the new name wins.
 */
import type { ContentKind } from './kinds.ts';

const RENAMES: ReadonlyArray<[legacy: string, current: string]> = [
	['subject', 'title'],
	['updated', 'date'],
];

/** Returns a preprocessor for one kind's front matter. */
export function mapMirageFields(kind: ContentKind) {
	return (input: unknown): unknown => {
		if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
		const data: Record<string, unknown> = { ...(input as Record<string, unknown>) };
		for (const [legacy, current] of RENAMES) {
			if (!(legacy in data)) continue;
			if (!(current in data)) data[current] = data[legacy];
			delete data[legacy];
		}
		if (kind === 'rfcs' && 'date' in data && !('created' in data)) {
			data.created = data.date;
			delete data.date;
		}
		// Minutes keep `author` as their note-taker; for posts, guides and RFCs a single
		// `author` map is the same thing as a one-item `authors` list.
		if ((kind === 'blog' || kind === 'docs' || kind === 'rfcs') && 'author' in data && !('authors' in data)) {
			data.authors = [data.author];
			delete data.author;
		}
		return data;
	};
}
