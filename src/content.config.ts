// Astro reads collections only from this file; the integration supplies them.
import { projectPagesCollections } from './project-pages/collections.ts';

export const collections = projectPagesCollections();
