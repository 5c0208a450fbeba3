/**
 * Turns zod issues into the lines authors read: `field: rule`. One formatter,
 * so that the build, the content checker and the integration options word
 * their errors the same way.
 */
import type { z } from 'astro/zod';

export interface FieldProblem {
	/** Dotted path such as `authors.0.name`; empty for the whole document. */
	path: string;
	message: string;
}

export function describeIssues(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
	const problems: FieldProblem[] = [];
	for (const issue of issues) {
		const path = issue.path.map(String).join('.');
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) {
				problems.push({ path: path ? `${path}.${key}` : key, message: 'is not a known field (check its spelling)' });
			}
			continue;
		}
		if (issue.code === 'invalid_union' && issue.errors.length > 0 && issue.message.startsWith('Invalid input')) {
			// zod reports every branch; the first branch's problem is the useful one.
			problems.push(...describeIssues(issue.errors[0]!).map((p) => ({ ...p, path: p.path ? `${path}.${p.path}`.replace(/^\./, '') : path })));
			continue;
		}
		problems.push({ path, message: wording(issue) });
	}
	return problems;
}

function wording(issue: z.core.$ZodIssue): string {
	if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
	if (issue.message.startsWith('Invalid input: expected')) return `must be ${issue.message.slice('Invalid input: expected '.length).replace(/, received .*/, '')}`;
	return issue.message;
}

export function formatProblem(file: string, problem: FieldProblem): string {
	return problem.path ? `${file}: ${problem.path}: ${problem.message}` : `${file}: ${problem.message}`;
}
