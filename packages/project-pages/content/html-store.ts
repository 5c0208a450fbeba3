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
 * Bodies are keyed by entry id and digest (text plus pipeline), so an
 * unchanged entry keeps its body across builds. Each collection keeps them
 * in one file, not one per entry: creating 5,000 small files cost seconds of
 * kernel time on a cold build (ext4 inode allocation). Within a process the
 * loader and the pages share the same object, so a build reads each file at
 * most once.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What names a stored body: the entry as the loader wrote it and as a page gets it. */
export interface StoredBodyRef {
	collection: string;
	id: string;
	digest?: string | number | undefined;
	filePath?: string | undefined;
}

/** MDX posts are compiled components, rendered by Astro: the one kind of entry whose body is not stored here. */
export function isMdxFile(file: string | undefined): boolean {
	return !!file && file.toLowerCase().endsWith('.mdx');
}

/**
 * The folder inside Astro's `cacheDir`, so a cached store and its bodies
 * travel together. `astro dev` keeps its own content store (in `.astro/`),
 * so it gets its own bodies too: a dev server and a build running side by
 * side never replace each other's files.
 */
export function htmlStoreDir(cacheDir: URL | string, { dev = false } = {}): string {
	const dir = typeof cacheDir === 'string' ? cacheDir : fileURLToPath(cacheDir);
	return path.join(dir, 'project-pages', dev ? 'html-dev' : 'html');
}

function keyOf(ref: StoredBodyRef): string {
	if (ref.digest === undefined || ref.digest === '') {
		throw new Error(`${ref.filePath ?? `${ref.collection} → ${ref.id}`}: the entry has no digest, so its rendered body cannot be found`);
	}
	return `${ref.id}\n${ref.digest}`;
}

interface SavedIndex {
	/** The bodies file this index points into, beside it. */
	bodies: string;
	/** That file's size: a file cut short (a crash before it reached the disk) is not read as empty bodies. */
	size: number;
	/** Byte offset and length of each body in that file. */
	entries: Record<string, [offset: number, length: number]>;
}

/**
 * One collection's bodies: a small index (`<collection>.json`) and the bodies
 * back to back in a file it names. A warm build reads only the index; a body
 * file is read (as bytes, not parsed) the first time one of its bodies is
 * needed, and rewritten only when an entry changed.
 */
class CollectionBodies {
	readonly file: string;
	#index: Map<string, [number, number]> | undefined;
	#bodiesFile: string | undefined;
	#bytes: Buffer | undefined;
	#added = new Map<string, string>();
	#changed = false;

	constructor(file: string) {
		this.file = file;
	}

	get #entries(): Map<string, [number, number]> {
		if (!this.#index) {
			this.#index = new Map();
			try {
				const saved = JSON.parse(readFileSync(this.file, 'utf8')) as SavedIndex;
				const bodiesFile = path.join(path.dirname(this.file), path.basename(saved.bodies));
				if (existsSync(bodiesFile) && statSync(bodiesFile).size === saved.size) {
					this.#bodiesFile = bodiesFile;
					for (const [key, at] of Object.entries(saved.entries)) this.#index.set(key, at);
				}
			} catch {
				// Missing or damaged: a cache miss, so every entry of the collection is rendered again.
			}
		}
		return this.#index;
	}

	/** A body from the file; undefined when the file went away since the index was read. */
	#body(at: [number, number]): string | undefined {
		return this.#bodyBytes(at)?.toString('utf8');
	}

	#bodyBytes(at: [number, number]): Buffer | undefined {
		try {
			this.#bytes ??= readFileSync(this.#bodiesFile!);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
			throw error;
		}
		return this.#bytes.subarray(at[0], at[0] + at[1]);
	}

	has(key: string): boolean {
		return this.#added.has(key) || this.#entries.has(key);
	}
	get(key: string): string | undefined {
		const added = this.#added.get(key);
		if (added !== undefined) return added;
		const at = this.#entries.get(key);
		return at ? this.#body(at) : undefined;
	}
	set(key: string, html: string): void {
		this.#added.set(key, html);
		this.#changed = true;
	}
	retain(keys: ReadonlySet<string>): void {
		for (const map of [this.#entries, this.#added]) {
			for (const key of map.keys()) {
				if (!keys.has(key)) {
					map.delete(key);
					this.#changed = true;
				}
			}
		}
	}
	save(): void {
		if (!this.#changed) return;
		const parts: Buffer[] = [];
		const entries: SavedIndex['entries'] = {};
		let offset = 0;
		const put = (key: string, bytes: Buffer) => {
			entries[key] = [offset, bytes.length];
			parts.push(bytes);
			offset += bytes.length;
		};
		for (const [key, at] of this.#entries) {
			// Kept bodies are copied as bytes, not decoded and encoded again.
			const bytes = this.#added.has(key) ? undefined : this.#bodyBytes(at);
			if (bytes) put(key, bytes);
		}
		for (const [key, html] of this.#added) put(key, Buffer.from(html, 'utf8'));
		const bytes = Buffer.concat(parts);
		// A new bodies file, then the index that names it (written aside and renamed),
		// then the old file goes: a build that dies midway leaves a whole pair behind.
		const base = path.basename(this.file, '.json');
		const bodiesFile = path.join(path.dirname(this.file), `${base}.${randomBytes(6).toString('hex')}.html`);
		mkdirSync(path.dirname(this.file), { recursive: true });
		writeFileSync(bodiesFile, bytes);
		const temporary = `${this.file}.${process.pid}.tmp`;
		writeFileSync(temporary, JSON.stringify({ bodies: path.basename(bodiesFile), size: bytes.length, entries } satisfies SavedIndex));
		renameSync(temporary, this.file);
		if (this.#bodiesFile && this.#bodiesFile !== bodiesFile) rmSync(this.#bodiesFile, { force: true });
		this.#index = new Map(Object.entries(entries));
		this.#bodiesFile = bodiesFile;
		this.#bytes = bytes;
		this.#added.clear();
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

	/**
	 * Saves the collection if it changed. Drops every body but those of `current` (old digests of
	 * edited or deleted files), except with `keepEarlier`: under `astro dev`, pages read Astro's
	 * data store as last written to disk, up to half a second (and more while saves keep coming)
	 * behind the loader's, so the entries they see may still name a digest just replaced. Those
	 * bodies stay until the dev server's next start.
	 */
	commit(collection: string, current: readonly StoredBodyRef[], { keepEarlier = false } = {}): void {
		const bodies = this.#collection(collection);
		if (!keepEarlier) bodies.retain(new Set(current.map(keyOf)));
		bodies.save();
	}
}
