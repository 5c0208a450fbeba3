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
import { buildEnvironment } from '../build-site.ts';
import type { BuildAnswer, BuildRequest } from './builder.ts';

const BUILDER = fileURLToPath(new URL('./builder.ts', import.meta.url));
/** Two cores: two builds at once, as two test workers would run two commands. */
const BUILDERS = 2;
/** Each build leaves a site's modules loaded (about 70 MB): a builder is replaced after this many. */
const BUILDS_PER_BUILDER = 8;

/** One build's limit: a hung build gives its site to the command, rather than its builder to no one. */
const BUILD_TIMEOUT_MS = 300_000;

interface Builder {
	child: ChildProcess;
	builds: number;
	busy: boolean;
}

const builders: Builder[] = [];
const waiting: Array<(builder: Builder) => void> = [];
let nextId = 0;

function startBuilder(): Builder {
	// Never the developer's token, even between builds (each build gets the environment its caller sends).
	const env = buildEnvironment({});
	// This Node (24, from node_modules), which runs the TypeScript builder as it is; none of Vitest's own flags.
	// Its output is not read: a failed build's report is the command's (build-site.ts reruns it).
	const child = fork(BUILDER, [], { execPath: process.execPath, execArgv: [], env, stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
	const builder: Builder = { child, builds: 0, busy: false };
	for (const event of ['exit', 'disconnect', 'error'] as const) child.on(event, () => remove(builder));
	builders.push(builder);
	return builder;
}

function remove(builder: Builder): void {
	const at = builders.indexOf(builder);
	if (at >= 0) builders.splice(at, 1);
	dispatch();
}

/** Hands waiting requests to free builders, starting builders up to BUILDERS. */
function dispatch(): void {
	while (waiting.length > 0) {
		const builder = builders.find((b) => !b.busy && b.child.connected) ?? (builders.length < BUILDERS ? startBuilder() : undefined);
		if (!builder) return;
		builder.busy = true;
		waiting.shift()!(builder);
	}
}

function acquire(): Promise<Builder> {
	return new Promise((resolve) => {
		waiting.push(resolve);
		dispatch();
	});
}

function release(builder: Builder): void {
	builder.busy = false;
	if (builder.builds < BUILDS_PER_BUILDER) return dispatch();
	builder.child.kill();
	remove(builder);
}

async function runBuild(root: string, env: Record<string, string>): Promise<BuildAnswer> {
	const builder = await acquire();
	builder.builds++;
	const id = nextId++;
	const { child } = builder;
	try {
		return await new Promise<BuildAnswer>((resolve) => {
			let done = false;
			const finish = (answer: BuildAnswer) => {
				if (done) return;
				done = true;
				clearTimeout(timer);
				child.off('message', onMessage);
				child.off('exit', onGone);
				child.off('error', onGone);
				resolve(answer);
			};
			const onMessage = (message: BuildAnswer) => {
				if (message.id === id) finish(message);
			};
			// A builder that dies, hangs or cannot be reached answers "failed": the caller runs the command.
			const onGone = () => finish({ id, output: '', exitCode: 1 });
			const timer = setTimeout(() => {
				child.kill();
				onGone();
			}, BUILD_TIMEOUT_MS);
			child.on('message', onMessage);
			child.on('exit', onGone);
			child.on('error', onGone);
			child.send({ id, root, env } satisfies BuildRequest, (error) => error && onGone());
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

/** Set once the service runs: Vitest calls a global setup once per project (the root, `unit`, `build`), in one process. */
const RUNNING = Symbol.for('project-pages.build-service');

export default async function startBuildService(): Promise<() => Promise<void>> {
	const global = globalThis as { [RUNNING]?: boolean };
	if (global[RUNNING]) return async () => {};
	global[RUNNING] = true;
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
