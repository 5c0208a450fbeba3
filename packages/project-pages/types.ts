/**
 * The package's types, for a site's own code and its component overrides,
 * without importing anything that runs.
 */
export type { ProjectPagesOptions, ProjectPagesUserOptions, ComponentSlot } from './options.ts';
export type { ContentKind, PageSection, SectionKey } from './content/kinds.ts';
export type { Section, Sections, LabelOption } from './utils/sections.ts';
export type { KindExtensions, PersonData } from './content/schemas.ts';
export type { ProjectPagesCollectionsOptions } from './collections.ts';
export type { SiteData, Minutes, Post, Rfc, Project } from './utils/site-data.ts';
export type { PageProps } from './layouts/page-props.ts';
