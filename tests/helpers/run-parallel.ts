/**
 * node tests/helpers/run-parallel.ts 'npm run check' 'npm run lint'
 *
 * Runs the commands at once (on two cores, `astro check` and ESLint each keep
 * one busy), prints each one's output whole when it ends, and exits non-zero
 * if any failed, naming it.
 */
import { spawn } from 'node:child_process';

const commands = process.argv.slice(2);
const results = await Promise.all(
	commands.map(
		(command) =>
			new Promise<{ command: string; code: number }>((resolve) => {
				const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
				let output = '';
				child.stdout.on('data', (d) => (output += d));
				child.stderr.on('data', (d) => (output += d));
				child.on('close', (code, signal) => {
					process.stdout.write(`\n== ${command}\n${output}`);
					resolve({ command, code: code ?? (signal ? 1 : 0) });
				});
			}),
	),
);
const failed = results.filter((r) => r.code !== 0);
for (const { command, code } of failed) console.error(`${command} failed (exit code ${code})`);
process.exit(failed.length ? 1 : 0);
