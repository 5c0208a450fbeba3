/**
 * An entry's rendered body as a page shows it. The loaders keep bodies out
 * of Astro's data store (content/html-store.ts), so pages read them here
 * rather than through `render()`; only MDX posts, which are compiled
 * components, still go through Astro.
 */
import { htmlStoreDir } from 'virtual:project-pages/config';
import { HtmlStore, isMdxFile, type StoredBodyRef } from '../content/html-store.ts';

const store = new HtmlStore(htmlStoreDir);

export const isMdxEntry = (entry: { filePath?: string | undefined }) => isMdxFile(entry.filePath);

/** The body's HTML, as sanitized and rebased by the loader. */
export function storedBody(entry: StoredBodyRef): string {
	return store.read(entry);
}
