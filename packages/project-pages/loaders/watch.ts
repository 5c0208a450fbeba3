/**
 * In `astro dev`, loads a collection again when one of its files is added,
 * changed or removed, so a note-taker previewing minutes sees each save.
 * Astro's glob loader watches its own files; a custom loader has to ask.
 * A whole sync is cheap: files whose text did not change are only hashed.
 */
import type { LoaderContext } from 'astro/loaders';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * How long a file must stay quiet before it is read. A save is often more
 * than one write (Node's writeFile empties the file, then fills it), and a
 * read in between sees half a file.
 */
const SETTLE_MS = 100;

/** What a file holds now, to tell whether it changed while a sync read it. */
function contentOf(file: string): string {
	try {
		return createHash('sha256').update(readFileSync(file)).digest('hex');
	} catch {
		return 'missing';
	}
}

/**
 * Runs `sync` once changes to files under `target` (a folder or one file,
 * relative to the project root) that `accepts` have settled. Syncs run one
 * at a time; a failed sync is logged with its message (which names the
 * file) and the dev server keeps going.
 *
 * The watcher does not report every write: two saves in quick succession
 * can reach it as one event, seen before the second (file times are as
 * coarse as the kernel's clock tick). So each changed file's content is
 * noted before a sync and compared after it, and a file that changed in
 * the meantime is synced again.
 */
export function syncOnChange(
	{ watcher, config, logger }: Pick<LoaderContext, 'watcher' | 'config' | 'logger'>,
	target: string,
	sync: () => Promise<void>,
	accepts: (file: string) => boolean = () => true,
): void {
	if (!watcher) return;
	const root = fileURLToPath(config.root);
	const watched = path.resolve(root, target);
	watcher.add(watched);
	const changed = new Set<string>();
	let timer: ReturnType<typeof setTimeout> | undefined;
	let running = false;

	const schedule = () => {
		clearTimeout(timer);
		timer = setTimeout(run, SETTLE_MS);
	};
	const run = async () => {
		// A change during a sync stays in `changed`, and runs the next one when this ends.
		if (running || changed.size === 0) return;
		running = true;
		const files = [...changed];
		changed.clear();
		const before = new Map(files.map((file) => [file, contentOf(file)]));
		try {
			await sync();
			logger.info(`Reloaded after a change to ${files.map((file) => path.relative(root, file)).join(', ')}`);
		} catch (error) {
			logger.error(error instanceof Error ? error.message : String(error));
		}
		for (const [file, content] of before) if (contentOf(file) !== content) changed.add(file);
		running = false;
		if (changed.size > 0) schedule();
	};
	const onChange = (file: string) => {
		const relative = path.relative(watched, file);
		const inside = file === watched || (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative));
		if (!inside || !accepts(file)) return;
		changed.add(file);
		schedule();
	};
	for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, onChange);
}
