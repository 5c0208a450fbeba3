import type { ContentError } from '../content/front-matter.ts';

/**
 * Fails the build with every problem found, not just the first, each line
 * starting with the file it concerns.
 */
export function failOnProblems(collection: string, errors: readonly ContentError[]): void {
	if (errors.length === 0) return;
	const lines = [...errors]
		.sort((a, b) => a.file.localeCompare(b.file))
		.map((e) => e.message)
		.join('\n');
	const count = errors.length === 1 ? '1 file' : `${errors.length} files`;
	const error = new Error(`Invalid content in ${collection} (${count}):\n${lines}`);
	error.name = 'ContentValidationError';
	throw error;
}
