/**
 * Astro drops a collection with no entries from its data store, and then
 * every `getCollection()` of it warns that the collection "does not exist or
 * is empty. Please check your content config file", once per page under
 * `astro dev`. A section with no content yet (no RFCs, no people file) is no
 * mistake, so a loader that stored nothing leaves its collection in the
 * store, empty: an entry set and deleted again does that. A collection the
 * site forgot to register still gets Astro's warning, which is then right.
 */
import type { DataStore } from 'astro/loaders';

const PLACEHOLDER = 'project-pages:empty';

export function keepEmptyCollection(store: DataStore): void {
	if (store.keys().length > 0) return;
	store.set({ id: PLACEHOLDER, data: {} });
	store.delete(PLACEHOLDER);
}
