/**
 * Validates one document's front matter against its kind's schema and turns
 * every zod issue into a problem with the file's line, so that the build and
 * the content checker report the same thing in the same words.
 */
import type { z } from 'astro/zod';
import type { ContentKind } from './kinds.ts';
import { ContentError, type Problem } from './front-matter.ts';
import { describeIssues } from './issues.ts';
import { FRONT_MATTER_SCHEMAS } from './schemas.ts';

export type FrontMatterOf<K extends ContentKind> = z.output<(typeof FRONT_MATTER_SCHEMAS)[K]>;

/** Where a field was written: its line, or its line and column. */
export type FieldLocator = (path: (string | number)[]) => number | { line: number; column?: number } | undefined;

/**
 * `locate` finds a field's line (and column), when the caller kept the parsed
 * YAML; `schema` is the kind's schema with the site's own fields, when it has some.
 */
export function validateFrontMatter<K extends ContentKind>(
	kind: K,
	file: string,
	data: Record<string, unknown>,
	locate: FieldLocator = () => undefined,
	schema: z.ZodType = FRONT_MATTER_SCHEMAS[kind],
): FrontMatterOf<K> {
	const result = schema.safeParse(data, { reportInput: true });
	if (result.success) return result.data as FrontMatterOf<K>;
	const problems: Problem[] = describeIssues(result.error.issues).map((p) => {
		const at = p.path ? locate(legacyPath(data, p.path.split('.'))) : undefined;
		const { line, column } = typeof at === 'number' ? { line: at, column: undefined } : (at ?? {});
		return { line, ...(column ? { column } : {}), field: p.path || undefined, message: p.message };
	});
	throw new ContentError(file, problems);
}

/** An error about `date` may concern a field written as mirage-www's `updated`. */
function legacyPath(data: Record<string, unknown>, path: string[]): (string | number)[] {
	const aliases: Record<string, string> = { date: 'updated', title: 'subject', created: 'updated' };
	const [head, ...rest] = path;
	const written = head && !(head in data) && aliases[head] && aliases[head] in data ? aliases[head] : head;
	return [written!, ...rest].map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
