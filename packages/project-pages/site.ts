// The virtual modules' types, for a site that type-checks with this package in node_modules (a script
// declaration file cannot be imported, so this is a reference, as in Starlight).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./virtual.d.ts" />
/**
 * For a site's own pages and for components that replace the integration's
 * (the `components` option): the resolved options and the URL helpers the
 * integration's own pages use, so that a site's links honour its `base`
 * and its section paths too. Runs inside Astro (it reads a virtual module).
 *
 *     import { config, sectionUrl } from 'astro-project-pages/site';
 *     <a href={sectionUrl('minutes')}>{config.sections.minutes?.label}</a>
 */
export { default as config, base } from 'virtual:project-pages/config';
export { absoluteUrl, entryUrl, link, personUrl, section, sectionFileUrl, sectionUrl, tagUrl } from './utils/site-urls.ts';
export { siteData, type SiteData } from './utils/site-data.ts';
