declare module 'virtual:project-pages/config' {
	const config: import('./options.ts').ProjectPagesOptions;
	export default config;
	/** Where the loaders wrote rendered entry bodies: see content/html-store.ts. */
	export const htmlStoreDir: string;
}
