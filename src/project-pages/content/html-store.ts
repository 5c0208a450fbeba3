/**
 * Rendered entry bodies live beside Astro's content store, not in it.
 *
 * Astro inlines its whole data store into the server bundle as one JSON
 * string, so HTML kept there is serialized, bundled, compiled and parsed on
 * every build, even when one file changed, and held in memory several times
 * over. Measured at 5,000 entries (bench/README.md): the store shrinks from
 * 63 MB to 6 MB, Vite's bundle step from 3.4 s to 0.9 s, and a one-file
 * rebuild from 11 s to 5 s.
 *
 * Each collection's bodies are one file, keyed by entry id and digest (text
 * plus pipeline), so an unchanged entry keeps its body across builds. One
 * file rather than one per entry: creating 5,000 small files cost seconds of
 * kernel time on a cold build (ext4 inode allocation). Within a process the
 * loader and the pages share the same object, so a build reads each file at
 * most once.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

function keyOf(ref: StoredBodyRef): string {
	if (ref.digest === undefined || ref.digest === '') {
		throw new Error(`${ref.filePath ?? `${ref.collection} → ${ref.id}`}: the entry has no digest, so its rendered body cannot be found`);
	}
	return `${ref.id}\n${ref.digest}`;
}

/** One collection's bodies: loaded from disk once per process, saved when changed. */
class CollectionBodies {
	readonly file: string;
	#bodies: Map<string, string> | undefined;
	#changed = false;

	constructor(file: string) {
		this.file = file;
	}

	get #map(): Map<string, string> {
		if (!this.#bodies) {
			this.#bodies = new Map();
			if (existsSync(this.file)) {
				try {
					const saved = JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, string>;
					for (const [key, html] of Object.entries(saved)) if (typeof html === 'string') this.#bodies.set(key, html);
				} catch {
					// A damaged file is a cache miss: every entry of the collection is rendered again.
				}
			}
		}
		return this.#bodies;
	}

	has(key: string): boolean {
		return this.#map.has(key);
	}
	get(key: string): string | undefined {
		return this.#map.get(key);
	}
	set(key: string, html: string): void {
		if (this.#map.get(key) === html) return;
		this.#map.set(key, html);
		this.#changed = true;
	}
	retain(keys: ReadonlySet<string>): void {
		for (const key of this.#map.keys()) {
			if (!keys.has(key)) {
				this.#map.delete(key);
				this.#changed = true;
			}
		}
	}
	save(): void {
		if (!this.#changed) return;
		mkdirSync(path.dirname(this.file), { recursive: true });
		// Written aside and renamed, so a build that dies midway leaves the old file whole.
		const temporary = `${this.file}.${process.pid}.tmp`;
		writeFileSync(temporary, JSON.stringify(Object.fromEntries(this.#map)));
		renameSync(temporary, this.file);
		this.#changed = false;
	}
}

// Shared by every copy of this module in the process: the loaders run from
// the content config, the pages from the server bundle.
const REGISTRY = Symbol.for('project-pages.html-store');
type Registry = Map<string, CollectionBodies>;
const registry: Registry = ((globalThis as Record<symbol, Registry>)[REGISTRY] ??= new Map());

export class HtmlStore {
	readonly #dir: string;

	constructor(dir: string) {
		this.#dir = dir;
	}

	#collection(name: string): CollectionBodies {
		const file = path.join(this.#dir, `${encodeURIComponent(name)}.json`);
		let bodies = registry.get(file);
		if (!bodies) registry.set(file, (bodies = new CollectionBodies(file)));
		return bodies;
	}

	has(ref: StoredBodyRef): boolean {
		return this.#collection(ref.collection).has(keyOf(ref));
	}

	set(ref: StoredBodyRef, html: string): void {
		this.#collection(ref.collection).set(keyOf(ref), html);
	}

	read(ref: StoredBodyRef): string {
		const bodies = this.#collection(ref.collection);
		const html = bodies.get(keyOf(ref));
		if (html === undefined) {
			throw new Error(
				`${ref.filePath ?? ref.id}: its rendered body is missing from ${bodies.file}. ` +
					'The content store and its bodies are cached together; build again to render it.',
			);
		}
		return html;
	}

	/** Keeps only the bodies of `current` (dropping old digests of edited or deleted files) and saves the collection if it changed. */
	commit(collection: string, current: readonly StoredBodyRef[]): void {
		const bodies = this.#collection(collection);
		bodies.retain(new Set(current.map(keyOf)));
		bodies.save();
	}
}
