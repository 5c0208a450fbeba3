/**
 * In `astro dev`, loads a collection again when one of its files is added,
 * changed or removed, so a note-taker previewing minutes sees each save.
 * Astro's glob loader watches its own files; a custom loader has to ask.
 * A whole sync is cheap: files whose text did not change are only hashed.
 */
import type { LoaderContext } from 'astro/loaders';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Runs `sync` after each change to a file under `target` (a folder or one
 * file, relative to the project root) that `accepts`. Changes are handled one
 * at a time; a failed sync is logged with its message (which names the file)
 * and the dev server keeps going.
 */
export function syncOnChange(
	{ watcher, config, logger }: Pick<LoaderContext, 'watcher' | 'config' | 'logger'>,
	target: string,
	sync: () => Promise<void>,
	accepts: (file: string) => boolean = () => true,
): void {
	if (!watcher) return;
	const watched = path.resolve(fileURLToPath(config.root), target);
	watcher.add(watched);
	let queue = Promise.resolve();
	const onChange = (changed: string) => {
		const relative = path.relative(watched, changed);
		const inside = changed === watched || (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative));
		if (!inside || !accepts(changed)) return;
		queue = queue.then(sync).then(
			() => logger.info(`Reloaded after a change to ${path.relative(fileURLToPath(config.root), changed)}`),
			(error: unknown) => logger.error(error instanceof Error ? error.message : String(error)),
		);
	};
	for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, onChange);
}
