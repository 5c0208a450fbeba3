declare module 'virtual:project-pages/config' {
	const config: import('./options.ts').ProjectPagesOptions;
	export default config;
}
