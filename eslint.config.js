// @ts-check
/**
 * One lint over the TypeScript, JavaScript and .astro files of the site, the
 * package, the scripts, tests and benchmark: ESLint's and typescript-eslint's
 * recommended rules, and eslint-plugin-astro's for components. Formatting is
 * Prettier's job (`npm run format`), so no rule here is about layout.
 */
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

export default defineConfig(
	{ ignores: ['dist/', '.astro/', 'node_modules/', 'bench/.work/', 'test-results/', 'playwright-report/', 'tests/fixtures/'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	...astro.configs.recommended,
	{
		languageOptions: { globals: { ...globals.node } },
		rules: {
			// `_name` marks a parameter kept for its position in a callback's signature.
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
		},
	},
	{
		// Scripts that run in the browser.
		files: ['packages/project-pages/scripts/**/*.ts', 'tests/e2e/**/*.ts'],
		languageOptions: { globals: { ...globals.browser } },
	},
);
