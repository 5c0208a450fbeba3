/**
 * The build service, started by Vitest before any test file (globalSetup):
 * builders (builder.ts) that each keep Astro loaded between builds, behind
 * an HTTP endpoint on 127.0.0.1 that every test worker reaches through
 * PROJECT_PAGES_BUILD_SERVICE (tests/helpers/build-site.ts).
 *
 * Why: a fresh `astro build` process spent over half of its 7 s of CPU
 * starting (loading Astro, Vite and Rolldown, compiling them, touching new
 * memory); a build in a process that has built before costs about 3 s. The
 * suite builds a dozen fixture sites. Only a site's first build comes here:
 * every rebuild of a folder, and every build that fails, is the command in
 * a fresh process, as a user's is (build-site.ts).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { BuildAnswer, BuildRequest } from './builder.ts';

const BUILDER = fileURLToPath(new URL('./builder.ts', import.meta.url));
/** Two cores: two builds at once, as two test workers would run two commands. */
const BUILDERS = 2;
/** Each build leaves a site's modules loaded (about 70 MB): a builder is replaced after this many. */
const BUILDS_PER_BUILDER = 8;

interface Builder {
	child: ChildProcess;
	builds: number;
	busy: boolean;
}

const builders: Builder[] = [];
const waiting: Array<(builder: Builder) => void> = [];
let nextId = 0;

function startBuilder(): Builder {
	// This Node (24, from node_modules), which runs the TypeScript builder as it is.
	const child = fork(BUILDER, [], { execPath: process.execPath, stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
	const builder: Builder = { child, builds: 0, busy: false };
	child.on('exit', () => builders.splice(builders.indexOf(builder) >>> 0, 1));
	builders.push(builder);
	return builder;
}

/** A builder with nothing to do, started or waited for. */
function idleBuilder(): Promise<Builder> {
	const idle = builders.find((b) => !b.busy && b.child.connected);
	if (idle) return Promise.resolve(idle);
	if (builders.length < BUILDERS) return Promise.resolve(startBuilder());
	return new Promise((resolve) => waiting.push(resolve));
}

function release(builder: Builder): void {
	builder.busy = false;
	if (builder.builds >= BUILDS_PER_BUILDER) {
		builder.child.kill();
		builders.splice(builders.indexOf(builder) >>> 0, 1);
	}
	const next = waiting.shift();
	if (next) next(builders.includes(builder) ? builder : startBuilder());
}

async function runBuild(root: string, env: Record<string, string>): Promise<BuildAnswer> {
	const builder = await idleBuilder();
	builder.busy = true;
	builder.builds++;
	const id = nextId++;
	try {
		return await new Promise<BuildAnswer>((resolve) => {
			const onMessage = (message: BuildAnswer) => {
				if (message.id !== id) return;
				builder.child.off('exit', onExit);
				builder.child.off('message', onMessage);
				resolve(message);
			};
			// A builder that dies mid-build (out of memory, a crash in a library) answers "failed": the caller runs the command.
			const onExit = (code: number | null, signal: string | null) =>
				resolve({ id, output: `the builder exited (code ${code}, signal ${signal})`, exitCode: 1 });
			builder.child.on('message', onMessage);
			builder.child.once('exit', onExit);
			builder.child.send({ id, root, env } satisfies BuildRequest);
		});
	} finally {
		release(builder);
	}
}

async function body(request: IncomingMessage): Promise<string> {
	let text = '';
	for await (const chunk of request) text += chunk;
	return text;
}

export default async function startBuildService(): Promise<() => Promise<void>> {
	const server = createServer(async (request, response) => {
		try {
			const { root, env } = JSON.parse(await body(request)) as { root: string; env: Record<string, string> };
			response.end(JSON.stringify(await runBuild(root, env)));
		} catch (error) {
			response.statusCode = 500;
			response.end(String(error));
		}
	});
	// A build takes as long as it takes: Node's default limits would cut a slow one off.
	server.requestTimeout = 0;
	server.headersTimeout = 0;
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	process.env.PROJECT_PAGES_BUILD_SERVICE = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
	return async () => {
		for (const builder of [...builders]) builder.child.kill();
		await new Promise((resolve) => server.close(resolve));
	};
}
