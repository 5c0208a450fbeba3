/*
 * Types of the integration's virtual modules (integration/virtual-modules.ts).
 * The package's entry points reference this file, so a site's type check
 * knows them too.
 */
declare module 'virtual:project-pages/config' {
	const config: import('./options.ts').ProjectPagesOptions;
	export default config;
	/** Astro's `base`, with a slash at both ends: `/` or `/docs/`. */
	export const base: string;
	/** Where the loaders wrote rendered entry bodies: see content/html-store.ts. */
	export const htmlStoreDir: string;
}

declare module 'virtual:project-pages/user-css' {}

declare module 'virtual:project-pages/components/Head' {
	const Head: typeof import('./components/HeadLinks.astro').default;
	export default Head;
}
declare module 'virtual:project-pages/components/Logo' {
	const Logo: typeof import('./components/Logo.astro').default;
	export default Logo;
}
declare module 'virtual:project-pages/components/Sidebar' {
	const Sidebar: typeof import('./components/Sidebar.astro').default;
	export default Sidebar;
}
declare module 'virtual:project-pages/components/StatusStrip' {
	const StatusStrip: typeof import('./components/status/ToolchainStrip.astro').default;
	export default StatusStrip;
}
declare module 'virtual:project-pages/components/Footer' {
	const Footer: typeof import('./components/Footer.astro').default;
	export default Footer;
}
