/**
 * The package README's table of front-matter fields against the schemas
 * the loaders and the checker validate with: every field of each kind, no
 * other, required ones in bold, and the allowed values written out where the
 * table lists them. An adopter writes front matter from that table.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_SIZES, PROJECT_STATUSES, RFC_STATUSES } from '../../../packages/project-pages/content/constants.ts';
import { CONTENT_KINDS } from '../../../packages/project-pages/content/kinds.ts';
import { FIELD_SHAPES } from '../../../packages/project-pages/content/schemas.ts';

const README = readFileSync(path.resolve(import.meta.dirname, '../../../packages/project-pages/README.md'), 'utf8');

/** The table's row for a kind: its fields (before any "; " note), the bold ones, and each field's values in parentheses. */
function row(kind: string) {
	const line = README.split('\n').find((l) => l.startsWith(`| ${kind} | `));
	if (!line) return undefined;
	const cell = line.split(' | ')[1]!.split('; ')[0]!;
	const values = new Map<string, string[]>();
	for (const m of cell.matchAll(/`(\w+)`\*{0,2} \(([^)]*)\)/g)) values.set(m[1]!, [...m[2]!.matchAll(/`([^`]+)`/g)].map((v) => v[1]!));
	const top = cell.replace(/\([^)]*\)/g, '');
	return {
		fields: [...top.matchAll(/`(\w+)`/g)].map((m) => m[1]!).sort(),
		required: [...top.matchAll(/\*\*`(\w+)`\*\*/g)].map((m) => m[1]!).sort(),
		values,
	};
}

describe("the package README's front-matter table", () => {
	it.each(CONTENT_KINDS)('lists the fields of %s as its schema has them, the required ones in bold', (kind) => {
		const shape = FIELD_SHAPES[kind].shape as Record<string, { safeParse: (v: unknown) => { success: boolean } }>;
		const required = Object.keys(shape).filter((field) => !shape[field]!.safeParse(undefined).success);
		expect(row(kind), `no "| ${kind} | …" row`).toBeDefined();
		expect(row(kind)!.fields).toEqual(Object.keys(shape).sort());
		expect(row(kind)!.required).toEqual(required.sort());
	});

	it('writes out the allowed values of the fields that have a fixed list', () => {
		expect(row('rfcs')!.values.get('status')).toEqual([...RFC_STATUSES]);
		expect(row('projects')!.values.get('status')).toEqual([...PROJECT_STATUSES]);
		expect(row('projects')!.values.get('size')).toEqual([...PROJECT_SIZES]);
	});
});
