/**
 * What the Page layout (layouts/Page.astro) takes: in a file of its own so
 * that a site's pages can type their props with it (`PageProps` from
 * `astro-project-pages/types`) without importing an `.astro` file's types.
 */
export interface PageProps {
	title: string;
	description?: string;
	/** OpenGraph type: `article` for posts, minutes, RFCs and projects. */
	ogType?: 'website' | 'article';
	/** Publication date of an article, for OpenGraph. */
	published?: Date;
	/** Hides the page from search engines (the 404 page). */
	noindex?: boolean;
	/** Whether the site search indexes the page; not for duplicates such as filter views. */
	searchable?: boolean;
}
