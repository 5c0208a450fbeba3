// Astro reads collections only from this file; the integration supplies them.
import { projectPagesCollections } from 'astro-project-pages/collections';

export const collections = projectPagesCollections();
