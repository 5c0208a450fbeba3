/**
 * One builder of the build service (build-service.ts): runs Astro's own
 * `build()`, the function `astro build` calls, in this process, one site at
 * a time, for the requests its parent sends over the IPC channel.
 *
 * Each build gets the environment and working folder the command would have
 * (the caller's environment, sent with the request) and its log, everything
 * written to stdout and stderr while it runs. A build that throws is
 * answered as failed, and the caller runs the command instead to report it.
 */
import { build } from 'astro';

export interface BuildRequest {
	id: number;
	root: string;
	env: Record<string, string>;
}

export interface BuildAnswer {
	id: number;
	output: string;
	/** 0 when the build finished; otherwise the caller reruns it with the command and reads that output instead. */
	exitCode: number;
}

/** Sets process.env to exactly `env` (in place: libraries hold the object itself). */
function replaceEnvironment(env: Record<string, string>): void {
	for (const name of Object.keys(process.env)) if (!(name in env)) delete process.env[name];
	Object.assign(process.env, env);
}

/** Runs `work` with everything this process writes to stdout and stderr kept, not printed. */
async function capturingOutput(work: () => Promise<void>): Promise<{ output: string; error?: unknown }> {
	let output = '';
	const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
	const keep = (chunk: string | Uint8Array, ...rest: unknown[]) => {
		output += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
		const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
		callback?.();
		return true;
	};
	process.stdout.write = keep as typeof process.stdout.write;
	process.stderr.write = keep as typeof process.stderr.write;
	try {
		await work();
		return { output };
	} catch (error) {
		return { output, error };
	} finally {
		process.stdout.write = writes.stdout;
		process.stderr.write = writes.stderr;
	}
}

async function answer({ id, root, env }: BuildRequest): Promise<BuildAnswer> {
	const started = { cwd: process.cwd(), env: { ...process.env } as Record<string, string> };
	replaceEnvironment(env);
	process.chdir(root);
	try {
		const { output, error } = await capturingOutput(() => build({ root }));
		return { id, output, exitCode: error ? 1 : 0 };
	} finally {
		process.chdir(started.cwd);
		replaceEnvironment(started.env);
	}
}

// One build at a time: process.env and the working folder belong to the build that runs.
let queue = Promise.resolve();
process.on('message', (request: BuildRequest) => {
	queue = queue.then(async () => {
		// Whatever goes wrong, the request is answered (as failed, so the caller runs the command), and the next one runs.
		const reply = await answer(request).catch(() => ({ id: request.id, output: '', exitCode: 1 }));
		process.send!(reply);
	});
});
