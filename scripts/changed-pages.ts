/**
 * node scripts/changed-pages.ts [base]   (base: a ref such as origin/main)
 *
 * The pull-request workflow's caller of the package's command
 * (`project-pages changed-pages`), which maps changed content files to the
 * pages the site serves them at. Run from the project root.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const bin = path.join(path.dirname(createRequire(import.meta.url).resolve('astro-project-pages/package.json')), 'bin/project-pages.mjs');
const { status } = spawnSync(process.execPath, [bin, 'changed-pages', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = status ?? 1;
