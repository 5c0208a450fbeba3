/**
 * syncOnChange (loaders/watch.ts) against a stand-in for Vite's watcher: a
 * burst of events makes one sync, and a write the watcher never reported
 * (two saves inside one tick of the file clock) makes another, so `astro dev`
 * does not stay on half a save. Found by tests/build/dev-reload.test.ts
 * failing under load.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { syncOnChange } from '../../../packages/project-pages/loaders/watch.ts';

function setUp() {
	const root = mkdtempSync(path.join(tmpdir(), 'watch-'));
	const file = path.join(root, 'content/minutes/a.md');
	const watcher = Object.assign(new EventEmitter(), { add: () => watcher });
	const logged: string[] = [];
	const logger = { info: (m: string) => logged.push(`info ${m}`), error: (m: string) => logged.push(`error ${m}`) };
	const context = { watcher, config: { root: pathToFileURL(`${root}/`) }, logger } as unknown as Parameters<typeof syncOnChange>[0];
	return { root, file, watcher, logged, context };
}

/** Resolves once `condition` holds, checking every 20 ms; the test timeout ends a wait that never does. */
async function until(condition: () => boolean): Promise<void> {
	while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('syncOnChange', () => {
	it('syncs once for a burst of events on one save, after the file settles', async () => {
		const { file, watcher, context, logged } = setUp();
		let syncs = 0;
		syncOnChange(context, 'content/minutes', async () => void syncs++);
		for (let i = 0; i < 5; i++) watcher.emit('change', file);
		await until(() => logged.length > 0);
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(syncs).toBe(1);
		expect(logged).toEqual(['info Reloaded after a change to content/minutes/a.md']);
	});

	it('syncs again when the file changed while it was read and no event came', async () => {
		const { file, watcher, context } = setUp();
		mkdirSync(path.dirname(file), { recursive: true });
		writeFileSync(file, '---\ntitle: first\n---\n');
		const seen: string[] = [];
		syncOnChange(context, 'content/minutes', async () => {
			seen.push(readFileSync(file, 'utf8'));
			// The second half of the save lands after the loader read the file, with no event of its own.
			if (seen.length === 1) writeFileSync(file, '---\ntitle: first\n---\n\nA paragraph.\n');
		});
		watcher.emit('change', file);
		await until(() => seen.length >= 2);
		expect(seen.at(-1)).toContain('A paragraph.');
	});

	it('ignores files outside its folder and files it does not accept', async () => {
		const { root, watcher, context } = setUp();
		let syncs = 0;
		syncOnChange(
			context,
			'content/minutes',
			async () => void syncs++,
			(f) => f.endsWith('.md'),
		);
		watcher.emit('change', path.join(root, 'content/rfcs/0001-x.md'));
		watcher.emit('change', path.join(root, 'content/minutes/notes.txt'));
		watcher.emit('change', path.join(root, 'content/minutes-old/a.md'));
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(syncs).toBe(0);
	});

	it('logs a failed sync by its message and keeps watching', async () => {
		const { file, watcher, context, logged } = setUp();
		let syncs = 0;
		syncOnChange(context, 'content/minutes', async () => {
			syncs++;
			if (syncs === 1) throw new Error('content/minutes/a.md: date: is required');
		});
		watcher.emit('change', file);
		await until(() => logged.length === 1);
		watcher.emit('change', file);
		await until(() => logged.length === 2);
		expect(logged).toEqual(['error content/minutes/a.md: date: is required', 'info Reloaded after a change to content/minutes/a.md']);
	});
});
