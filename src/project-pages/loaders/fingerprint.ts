/**
 * A hash of the code that turns a file into a stored entry (schemas,
 * markdown pipeline, extractors, these loaders). It goes into every entry's
 * digest, so that a cached entry is re-rendered when that code changes, not
 * only when its text does: otherwise an upgrade would keep serving pages
 * rendered by the old pipeline from Astro's content store.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PIPELINE_DIRS = ['content', 'markdown', 'loaders'];
let cached: string | undefined;

export function pipelineFingerprint(): string {
	if (cached) return cached;
	const hash = createHash('sha256');
	try {
		const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
		for (const dir of PIPELINE_DIRS) {
			const folder = path.join(root, dir);
			for (const name of readdirSync(folder)
				.filter((n) => n.endsWith('.ts'))
				.sort()) {
				hash.update(name).update(readFileSync(path.join(folder, name)));
			}
		}
	} catch {
		// Bundled somewhere without its sources: fall back to a per-process value, which re-renders everything once.
		hash.update(String(process.pid) + Date.now());
	}
	cached = hash.digest('hex').slice(0, 16);
	return cached;
}
