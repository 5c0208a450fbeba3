/**
 * node tests/helpers/run-parallel.ts 'npm run check' 'npm run lint'
 *
 * Runs the commands at once, each in a shell (so `a && b` is one lane that
 * runs b after a), says when each starts and ends and how long it took,
 * prints each one's output whole when it ends (so two reports never
 * interleave), and exits non-zero if any failed, naming it.
 */
import { spawn } from 'node:child_process';

const commands = process.argv.slice(2);
const started = Date.now();
const seconds = (since: number) => `${Math.round((Date.now() - since) / 1000)} s`;

const results = await Promise.all(
	commands.map(
		(command) =>
			new Promise<{ command: string; code: number }>((resolve) => {
				console.log(`== started: ${command}`);
				const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
				let output = '';
				child.stdout.on('data', (d) => (output += d));
				child.stderr.on('data', (d) => (output += d));
				child.on('close', (code, signal) => {
					process.stdout.write(`\n== ${command} (${code === 0 ? 'passed' : 'FAILED'}, ${seconds(started)})\n${output}`);
					resolve({ command, code: code ?? (signal ? 1 : 0) });
				});
			}),
	),
);
const failed = results.filter((r) => r.code !== 0);
for (const { command, code } of failed) console.error(`${command} failed (exit code ${code})`);
console.log(`== all done in ${seconds(started)}${failed.length ? `, ${failed.length} failed` : ''}`);
process.exit(failed.length ? 1 : 0);
