/**
 * `astro dev` shows a saved change without a restart: the integration's
 * loaders are custom, so they must watch their own files (loaders/watch.ts).
 * A note-taker edits minutes, an RFC author an RFC, a maintainer the people
 * file; each page must follow.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASTRO_CLI, prepareFixtureSite, REPO } from '../helpers/build-site.ts';

let root: string;
let server: ChildProcess;
let base: string;
let log = '';

const freePort = () =>
	new Promise<number>((resolve) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});

async function page(urlPath: string): Promise<string> {
	const response = await fetch(new URL(urlPath, base));
	return response.ok ? response.text() : `HTTP ${response.status}`;
}

/**
 * Polls `urlPath` until `test` holds. The dev server reloads within a second or two; the limit
 * is there to end a wait that never will with the dev server's log, and is generous for a busy machine.
 */
async function eventually(urlPath: string, test: (html: string) => boolean, seconds = 60): Promise<string> {
	const until = Date.now() + seconds * 1000;
	let html = '';
	while (Date.now() < until) {
		html = await page(urlPath).catch((e: Error) => e.message);
		if (test(html)) return html;
		await new Promise((r) => setTimeout(r, 300));
	}
	throw new Error(`${urlPath} never changed as expected (last answer: ${html.slice(0, 300)}); dev server log:\n${log.slice(-3000)}`);
}

beforeAll(async () => {
	root = await prepareFixtureSite({ content: { '.': path.join(REPO, 'tests/fixtures/site/content') } });
	const port = await freePort();
	base = `http://127.0.0.1:${port}`;
	// Offline, and not in vitest's test mode: with NODE_ENV=test the dev server answers 404 to every page.
	const env = Object.fromEntries(
		Object.entries(process.env).filter(([k]) => k !== 'GITHUB_TOKEN' && k !== 'NODE_ENV' && !k.startsWith('VITEST')),
	);
	server = spawn(process.execPath, [ASTRO_CLI, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
		cwd: root,
		env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	server.stdout!.on('data', (d) => (log += d));
	server.stderr!.on('data', (d) => (log += d));
	await eventually('/weekly/2026-11-18/', (html) => html.includes('Fixture call'), 240);
});

afterAll(() => {
	// The whole group: npx, then astro.
	if (server?.pid) process.kill(-server.pid, 'SIGTERM');
});

describe('astro dev', () => {
	// Two writes in a row, as an editor may save: the watcher can report them as one event, seen
	// between the two (loaders/watch.ts syncs again when the file changed while it was read).
	it('shows an edited call’s new notes and title', async () => {
		const file = path.join(root, 'content/minutes/2026-11-18.md');
		await writeFile(file, (await readFile(file, 'utf8')).replace('title: Fixture call', 'title: Edited while serving'));
		await appendFile(file, '\nA paragraph saved while the server runs.\n');
		const html = await eventually('/weekly/2026-11-18/', (h) => h.includes('A paragraph saved while the server runs.'));
		expect(html).toContain('Edited while serving');
	});

	it('lists a call added while serving, and reports a broken one by file name', async () => {
		await writeFile(
			path.join(root, 'content/minutes/2026-11-25.md'),
			'---\ntitle: Added call\ndate: 2026-11-25\nattendees: [Ada Tester]\n---\n\nNew notes.\n',
		);
		await eventually('/weekly/', (h) => h.includes('/weekly/2026-11-25/'));
		await writeFile(path.join(root, 'content/minutes/2026-12-02.md'), '---\ntitle: [unclosed\n---\n');
		await eventually('/weekly/', () => log.includes('content/minutes/2026-12-02.md'));
	});

	it('follows the people file', async () => {
		await appendFile(path.join(root, 'content/people.yaml'), '- name: Dana Devserver\n  github: dana-dev\n');
		await eventually('/people/', (h) => h.includes('Dana Devserver'));
	});
});
