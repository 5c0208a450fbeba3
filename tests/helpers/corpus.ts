/**
 * Where the real mirage-www content lives: `../shared/corpus/mirage-www`
 * beside the repository (or `MIRAGE_CORPUS`). It is never copied into the
 * repository. Tests that read it skip, saying why, when it is absent on a
 * developer's machine; under CI a missing corpus is a failure, not a skip.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const CORPUS = process.env.MIRAGE_CORPUS ?? path.resolve(REPO, '../shared/corpus/mirage-www');

/** True when `sub` (e.g. `minutes`) is there to test against; prints the reason when not. */
export function corpusAvailable(what: string, sub = ''): boolean {
	const dir = path.join(CORPUS, sub);
	if (existsSync(dir)) return true;
	if (process.env.CI) throw new Error(`${what}: the mirage-www corpus is missing at ${dir}; CI must provide it (set MIRAGE_CORPUS)`);
	console.warn(`[${what} skipped] no mirage-www corpus at ${dir}`);
	return false;
}
