/**
 * Rendered entry bodies live in files beside Astro's content store, not in it.
 *
 * Astro inlines its whole data store into the server bundle as one JSON
 * string, so HTML kept there is serialized, bundled, compiled and parsed on
 * every build, even when one file changed, and held in memory several times
 * over. Measured at 5,000 entries (bench/README.md): the store shrinks from
 * 63 MB to 8 MB, Vite's bundle step from 3.4 s to 0.9 s, and a one-file
 * rebuild from 11 s to 5 s. A page reads only the bodies it shows.
 *
 * A file is named by its entry's id and digest (text plus pipeline), so an
 * unchanged entry keeps its file across builds and an edit writes a new one.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What names a stored body: the entry as the loader wrote it and as a page gets it. */
export interface StoredBodyRef {
	collection: string;
	id: string;
	digest?: string | number | undefined;
	filePath?: string | undefined;
}

/** The folder inside Astro's `cacheDir`, so a cached store and its bodies travel together. */
export function htmlStoreDir(cacheDir: URL | string): string {
	const dir = typeof cacheDir === 'string' ? cacheDir : fileURLToPath(cacheDir);
	return path.join(dir, 'project-pages', 'html');
}

export class HtmlStore {
	readonly #dir: string;
	readonly #made = new Set<string>();

	constructor(dir: string) {
		this.#dir = dir;
	}

	file(ref: StoredBodyRef): string {
		if (!ref.digest) throw new Error(`${ref.filePath ?? `${ref.collection} → ${ref.id}`}: the entry has no digest, so its rendered body cannot be found`);
		return path.join(this.#dir, ref.collection, `${encodeURIComponent(ref.id)}.${ref.digest}.html`);
	}

	has(ref: StoredBodyRef): boolean {
		return existsSync(this.file(ref));
	}

	async write(ref: StoredBodyRef, html: string): Promise<void> {
		const folder = path.join(this.#dir, ref.collection);
		if (!this.#made.has(folder)) {
			mkdirSync(folder, { recursive: true });
			this.#made.add(folder);
		}
		await writeFile(this.file(ref), html);
	}

	async read(ref: StoredBodyRef): Promise<string> {
		const file = this.file(ref);
		try {
			return await readFile(file, 'utf8');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
			throw new Error(
				`${ref.filePath ?? ref.id}: its rendered body is missing from ${file}. ` +
					'The content store and its bodies are cached together; build again to render it.',
			);
		}
	}

	/** Deletes a collection's bodies that no current entry names: old digests of edited or deleted files. */
	prune(collection: string, current: readonly StoredBodyRef[]): void {
		const folder = path.join(this.#dir, collection);
		if (!existsSync(folder)) return;
		const keep = new Set(current.map((ref) => path.basename(this.file(ref))));
		for (const name of readdirSync(folder)) if (!keep.has(name)) rmSync(path.join(folder, name), { force: true });
	}
}
