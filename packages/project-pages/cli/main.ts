/**
 * `project-pages <command>`: the authoring commands a site gets with the
 * package (its `bin`). Each command is a module with a `run(argv)` that
 * returns the exit code; this only dispatches. Exit code 2 is a usage error.
 */
// Each command's module is imported when it runs: `new` need not load the checker's markdown
// pipeline or `status-refresh` its GitHub client, which cost a quarter of a second at every start.
const COMMANDS: Record<string, { run: (argv: string[]) => Promise<number>; what: string }> = {
	check: {
		run: async (argv) => (await import('./check.ts')).runCheck(argv),
		what: 'validate all content without a build (path:line:column: message)',
	},
	new: {
		run: async (argv) => (await import('./new.ts')).runNew(argv),
		what: 'write a new minutes file, RFC, project or post from a template',
	},
	'status-refresh': {
		run: async (argv) => (await import('./status-refresh.ts')).runStatusRefresh(argv),
		what: 'fetch the toolchain status from GitHub (GITHUB_TOKEN) into the snapshot file, for a build without the token',
	},
	'changed-pages': {
		run: async (argv) => (await import('./changed-pages.ts')).runChangedPages(argv),
		what: "list the pages a branch adds or changes, as markdown (for a pull request's summary)",
	},
};

export const USAGE = `usage: project-pages <command> [options]
${Object.entries(COMMANDS)
	.map(([name, c]) => `  ${name.padEnd(14)} ${c.what}`)
	.join('\n')}
Run "project-pages <command> --help" for a command's options.`;

export async function main(argv: string[]): Promise<number> {
	const [command, ...rest] = argv;
	if (command === undefined || command === '--help' || command === '-h') {
		(command ? console.log : console.error)(USAGE);
		return command ? 0 : 2;
	}
	const found = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
	if (!found) {
		console.error(`project-pages: unknown command "${command}"\n${USAGE}`);
		return 2;
	}
	return found.run(rest);
}
