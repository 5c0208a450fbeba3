/**
 * The committed snapshot: the last good status, used when there is no token
 * or the fetch fails. Reading validates it (a hand-edited file gets a
 * message naming the file and field); writing is atomic and refuses text
 * containing the token, as a last guard against leaking it into git.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StatusSnapshotSchema, type StatusSnapshot } from './snapshot-schema.ts';

export class SnapshotError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SnapshotError';
	}
}

/** The snapshot at `path`, or undefined when there is none. Throws SnapshotError when it is not valid. */
export async function readSnapshot(path: string): Promise<StatusSnapshot | undefined> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw e;
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		throw new SnapshotError(`${path}: must be JSON (${(e as Error).message}); regenerate it with \`npx project-pages status-refresh\``);
	}
	const result = StatusSnapshotSchema.safeParse(json);
	if (!result.success) {
		const issue = result.error.issues[0]!;
		throw new SnapshotError(
			`${path}: ${issue.path.join('.') || '(root)'}: ${issue.message}; regenerate it with \`npx project-pages status-refresh\``,
		);
	}
	return result.data;
}

/** Writes the snapshot as stable, reviewable JSON (two-space indent, final newline). */
export async function writeSnapshot(path: string, snapshot: StatusSnapshot, secret?: string): Promise<void> {
	const valid = StatusSnapshotSchema.parse(snapshot);
	const text = `${JSON.stringify(valid, null, 2)}\n`;
	if (secret && secret.length >= 4 && text.includes(secret)) {
		throw new SnapshotError(`${path}: refusing to write a snapshot that contains the GitHub token`);
	}
	await mkdir(dirname(path), { recursive: true });
	const tmp = `${path}.${process.pid}.tmp`;
	await writeFile(tmp, text, 'utf8');
	await rename(tmp, path);
}
