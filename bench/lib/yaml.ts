// A minimal YAML emitter for front matter. Hand-written on purpose: the
// generator must emit the exact shapes authors write (unquoted dates, flow
// lists of names, nested block maps for mirage-www authors), which a general
// serializer would normalise away.

/** A scalar written verbatim, e.g. an unquoted date `2015-02-11` or `2016-2-29`. */
export type Raw = { raw: string };
export type Scalar = string | number | boolean | Raw;
export type Value = Scalar | readonly Scalar[] | { readonly [k: string]: Value } | readonly { readonly [k: string]: Value }[];

export const raw = (s: string): Raw => ({ raw: s });

function isRaw(v: unknown): v is Raw {
	return typeof v === 'object' && v !== null && 'raw' in v;
}

function scalar(v: Scalar): string {
	if (isRaw(v)) return v.raw;
	if (typeof v === 'string') return JSON.stringify(v); // JSON strings are valid YAML double-quoted scalars
	return String(v);
}

function isScalar(v: unknown): v is Scalar {
	return typeof v !== 'object' || isRaw(v);
}

function lines(key: string, v: Value, indent: string): string[] {
	if (isScalar(v)) return [`${indent}${key}: ${scalar(v)}`];
	if (Array.isArray(v)) {
		if (v.every(isScalar)) return [`${indent}${key}: [${(v as Scalar[]).map(scalar).join(', ')}]`];
		// A list of maps, block style as in mirage-www `authors:`.
		const out = [`${indent}${key}:`];
		for (const item of v as { [k: string]: Value }[]) {
			const inner = Object.entries(item).flatMap(([k, x]) => lines(k, x, `${indent}  `));
			out.push(`${indent}- ${inner[0]!.trimStart()}`, ...inner.slice(1));
		}
		return out;
	}
	return [`${indent}${key}:`, ...Object.entries(v).flatMap(([k, x]) => lines(k, x, `${indent}  `))];
}

export function frontMatter(data: { readonly [k: string]: Value }): string {
	return ['---', ...Object.entries(data).flatMap(([k, v]) => lines(k, v, '')), '---', ''].join('\n');
}

export function yamlList(items: readonly { readonly [k: string]: Value }[]): string {
	return items.flatMap((item) => lines('x', [item], '').slice(1)).join('\n') + '\n';
}
