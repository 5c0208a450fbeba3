/**
 * What the content checker reports, and the two ways it prints it: lines an
 * editor can jump to (`path:line:column: message`) and GitHub Actions
 * annotations that show on the pull request's diff.
 */
import { ContentError, type Problem } from '../content/front-matter.ts';

export type Severity = 'error' | 'warning';

export interface Finding {
	/** Path relative to the project root, with forward slashes. */
	file: string;
	/** 1-based; 1 when the problem concerns the whole file. */
	line: number;
	/** 1-based; 1 when only the line is known. */
	column: number;
	severity: Severity;
	/** Worded as a rule, starting with the field or link it concerns. */
	message: string;
}

export function finding(
	file: string,
	at: { line?: number; column?: number } | undefined,
	message: string,
	severity: Severity = 'error',
): Finding {
	return { file, line: at?.line ?? 1, column: at?.column ?? 1, severity, message };
}

export function fromProblem(file: string, problem: Problem): Finding {
	const message = problem.field ? `${problem.field}: ${problem.message}` : problem.message;
	return finding(file, problem, message, problem.severity ?? 'error');
}

/** Every problem of a `ContentError`; anything else still names the file. */
export function fromError(file: string, error: unknown): Finding[] {
	if (error instanceof ContentError) return error.problems.map((p) => fromProblem(error.file, p));
	return [finding(file, undefined, `could not be checked: ${(error as Error)?.message ?? String(error)}`)];
}

/** File by code point (not locale), then line, then column; ties keep the order they were found in. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
	return [...findings].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

export function formatFinding(f: Finding): string {
	return `${f.file}:${f.line}:${f.column}: ${f.severity === 'warning' ? 'warning: ' : ''}${f.message}`;
}

/** A workflow command: https://docs.github.com/actions/reference/workflow-commands-for-github-actions */
export function formatAnnotation(f: Finding): string {
	const props = `file=${escapeProperty(f.file)},line=${f.line},col=${f.column},title=${escapeProperty('check:content')}`;
	return `::${f.severity} ${props}::${escapeData(f.message)}`;
}

function escapeData(s: string): string {
	return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
	return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
