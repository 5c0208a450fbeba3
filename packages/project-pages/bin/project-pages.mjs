#!/usr/bin/env node
// The package's command, `project-pages`. Node does not strip TypeScript types
// under node_modules, so the packed package carries the CLI as JavaScript,
// bundled from cli/ when it is packed (dist/cli.mjs and a chunk per command,
// see package.json "prepack"); in this repository, where the sources are not under
// node_modules, the sources run as they are.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli.mjs', import.meta.url);
const { main } = await import(existsSync(bundle) ? bundle.href : new URL('../cli/main.ts', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
