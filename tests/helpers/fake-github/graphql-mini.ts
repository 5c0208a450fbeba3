/**
 * A small GraphQL engine for the fake GitHub server: parses query documents
 * (operations, variables, aliases, fragments, inline fragments) and executes
 * them over plain objects whose fields are values or `(args) => value`.
 * It validates what GitHub validates and our client could get wrong: unknown
 * fields, unknown fragments, unused fragments and variables, missing
 * variables. Such errors reject the whole document, as GitHub does.
 */

type Token = { kind: 'name' | 'punct' | 'string' | 'number'; value: string; line: number };

export type GqlValue = string | number | boolean | null | GqlValue[] | { [k: string]: GqlValue };
type ValueNode =
	| { kind: 'var'; name: string }
	| { kind: 'literal'; value: GqlValue }
	| { kind: 'list'; items: ValueNode[] }
	| { kind: 'object'; fields: Record<string, ValueNode> };
export type Selection =
	| { kind: 'field'; name: string; alias?: string; args: Record<string, ValueNode>; selections?: Selection[]; line: number }
	| { kind: 'inline'; on?: string; selections: Selection[] }
	| { kind: 'spread'; name: string; line: number };
interface Operation {
	type: string;
	name?: string;
	variables: Array<{ name: string; required: boolean; defaultValue?: ValueNode }>;
	selections: Selection[];
}
interface Fragment {
	name: string;
	on: string;
	selections: Selection[];
}
export interface Document {
	operations: Operation[];
	fragments: Map<string, Fragment>;
}

export class GqlSyntaxError extends Error {}

function tokenize(src: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	let line = 1;
	while (i < src.length) {
		const c = src[i]!;
		if (c === '\n') {
			line++;
			i++;
			continue;
		}
		if (/[\s,\uFEFF]/.test(c)) {
			i++;
			continue;
		}
		if (c === '#') {
			while (i < src.length && src[i] !== '\n') i++;
			continue;
		}
		if (src.startsWith('...', i)) {
			tokens.push({ kind: 'punct', value: '...', line });
			i += 3;
			continue;
		}
		if ('{}():[]!$=@'.includes(c)) {
			tokens.push({ kind: 'punct', value: c, line });
			i++;
			continue;
		}
		const name = /^[_A-Za-z][_0-9A-Za-z]*/.exec(src.slice(i));
		if (name) {
			tokens.push({ kind: 'name', value: name[0], line });
			i += name[0].length;
			continue;
		}
		const number = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(src.slice(i));
		if (number) {
			tokens.push({ kind: 'number', value: number[0], line });
			i += number[0].length;
			continue;
		}
		if (c === '"') {
			const str = /^"(?:[^"\\\n]|\\.)*"/.exec(src.slice(i));
			if (!str) throw new GqlSyntaxError(`Unterminated string on line ${line}`);
			tokens.push({ kind: 'string', value: JSON.parse(str[0]) as string, line });
			i += str[0].length;
			continue;
		}
		throw new GqlSyntaxError(`Unexpected character "${c}" on line ${line}`);
	}
	return tokens;
}

export function parse(src: string): Document {
	const tokens = tokenize(src);
	let pos = 0;
	const peek = () => tokens[pos];
	const fail = (what: string): never => {
		const t = peek();
		throw new GqlSyntaxError(
			t ? `Parse error on "${t.value}" (line ${t.line}): expected ${what}` : `Parse error at end of document: expected ${what}`,
		);
	};
	const is = (value: string) => peek()?.value === value && peek()?.kind !== 'string';
	const expect = (value: string) => (is(value) ? tokens[pos++]! : fail(`"${value}"`));
	const name = () => (peek()?.kind === 'name' ? tokens[pos++]!.value : fail('a name'));

	const value = (): ValueNode => {
		const t = peek() ?? fail('a value');
		if (is('$')) {
			pos++;
			return { kind: 'var', name: name() };
		}
		if (is('[')) {
			pos++;
			const items: ValueNode[] = [];
			while (!is(']')) items.push(value());
			pos++;
			return { kind: 'list', items };
		}
		if (is('{')) {
			pos++;
			const fields: Record<string, ValueNode> = {};
			while (!is('}')) {
				const k = name();
				expect(':');
				fields[k] = value();
			}
			pos++;
			return { kind: 'object', fields };
		}
		pos++;
		if (t.kind === 'string') return { kind: 'literal', value: t.value };
		if (t.kind === 'number') return { kind: 'literal', value: Number(t.value) };
		if (t.kind === 'name')
			return { kind: 'literal', value: t.value === 'true' ? true : t.value === 'false' ? false : t.value === 'null' ? null : t.value };
		return fail('a value');
	};
	const type = (): boolean => {
		if (is('[')) {
			pos++;
			type();
			expect(']');
		} else name();
		if (is('!')) {
			pos++;
			return true;
		}
		return false;
	};
	const selectionSet = (): Selection[] => {
		expect('{');
		const out: Selection[] = [];
		while (!is('}')) {
			if (is('...')) {
				pos++;
				if (is('on')) {
					pos++;
					const on = name();
					out.push({ kind: 'inline', on, selections: selectionSet() });
				} else if (is('{')) out.push({ kind: 'inline', selections: selectionSet() });
				else {
					const line = peek()?.line ?? 0;
					out.push({ kind: 'spread', name: name(), line });
				}
				continue;
			}
			const line = peek()?.line ?? 0;
			let fieldName = name();
			let alias: string | undefined;
			if (is(':')) {
				pos++;
				alias = fieldName;
				fieldName = name();
			}
			const args: Record<string, ValueNode> = {};
			if (is('(')) {
				pos++;
				while (!is(')')) {
					const k = name();
					expect(':');
					args[k] = value();
				}
				pos++;
			}
			const field: Selection = { kind: 'field', name: fieldName, args, line };
			if (alias) field.alias = alias;
			if (is('{')) field.selections = selectionSet();
			out.push(field);
		}
		pos++;
		if (out.length === 0) fail('at least one field');
		return out;
	};

	const doc: Document = { operations: [], fragments: new Map() };
	while (pos < tokens.length) {
		if (is('{')) {
			doc.operations.push({ type: 'query', variables: [], selections: selectionSet() });
			continue;
		}
		const keyword = name();
		if (keyword === 'fragment') {
			const fragName = name();
			expect('on');
			doc.fragments.set(fragName, { name: fragName, on: name(), selections: selectionSet() });
			continue;
		}
		if (keyword !== 'query' && keyword !== 'mutation' && keyword !== 'subscription') fail('"query", "mutation" or "fragment"');
		const op: Operation = { type: keyword, variables: [], selections: [] };
		if (peek()?.kind === 'name') op.name = name();
		if (is('(')) {
			pos++;
			while (!is(')')) {
				expect('$');
				const v: Operation['variables'][number] = { name: name(), required: false };
				expect(':');
				v.required = type();
				if (is('=')) {
					pos++;
					v.defaultValue = value();
				}
				op.variables.push(v);
			}
			pos++;
		}
		op.selections = selectionSet();
		doc.operations.push(op);
	}
	if (doc.operations.length === 0) fail('an operation');
	return doc;
}

/** Thrown by a resolver: the field becomes null and the error is reported with its path. */
export class FieldError extends Error {
	readonly type: string;
	constructor(type: string, message: string) {
		super(message);
		this.type = type;
	}
}

export interface GqlError {
	message: string;
	type?: string;
	path?: Array<string | number>;
	locations?: Array<{ line: number; column: number }>;
	extensions?: Record<string, unknown>;
}
export interface GqlResult {
	data?: Record<string, unknown> | null;
	errors?: GqlError[];
}
/** Abstract types: the concrete `__typename`s each one covers. */
export type AbstractTypes = Record<string, readonly string[]>;

export function execute(
	doc: Document,
	root: Record<string, unknown>,
	variables: Record<string, unknown>,
	abstractTypes: AbstractTypes,
): GqlResult {
	const fatal: GqlError[] = [];
	const errors: GqlError[] = [];
	const op = doc.operations[0]!;
	if (doc.operations.length > 1) fatal.push({ message: 'This anonymous operation must be the only defined operation.' });
	if (op.type !== 'query') fatal.push({ message: `The fake server only answers queries, not ${op.type}s` });
	const declared = new Map(op.variables.map((v) => [v.name, v]));
	const usedVars = new Set<string>();
	const usedFragments = new Set<string>();
	for (const v of op.variables) {
		if (v.required && variables[v.name] == null && !v.defaultValue)
			fatal.push({ message: `Variable $${v.name} of type required was provided invalid value` });
	}

	const evalValue = (node: ValueNode): unknown => {
		switch (node.kind) {
			case 'var':
				if (!declared.has(node.name)) fatal.push({ message: `Variable $${node.name} is used but not declared` });
				return variables[node.name] ?? (declared.get(node.name)?.defaultValue ? evalValue(declared.get(node.name)!.defaultValue!) : null);
			case 'literal':
				return node.value;
			case 'list':
				return node.items.map(evalValue);
			case 'object':
				return Object.fromEntries(Object.entries(node.fields).map(([k, v]) => [k, evalValue(v)]));
		}
	};
	const matches = (on: string | undefined, typename: string) => !on || on === typename || (abstractTypes[on]?.includes(typename) ?? false);

	const merge = (into: Record<string, unknown>, from: Record<string, unknown>) => {
		for (const [k, v] of Object.entries(from)) {
			const prev = into[k];
			if (prev && v && typeof prev === 'object' && typeof v === 'object' && !Array.isArray(v))
				merge(prev as Record<string, unknown>, v as Record<string, unknown>);
			else into[k] = v;
		}
	};

	const complete = (
		value: unknown,
		selections: Selection[] | undefined,
		path: Array<string | number>,
		field: string,
		parentType: string,
	): unknown => {
		if (value === null || value === undefined) return null;
		if (Array.isArray(value)) return value.map((v, i) => complete(v, selections, [...path, i], field, parentType));
		if (typeof value === 'object') {
			if (!selections) {
				fatal.push({
					message: `Field must have selections (field '${field}' returns ${(value as { __typename?: string }).__typename ?? 'an object'} but has no selections)`,
				});
				return null;
			}
			return selectObject(value as Record<string, unknown>, selections, path);
		}
		if (selections) fatal.push({ message: `Selections can't be made on scalars (field '${field}' on type '${parentType}')` });
		return value;
	};

	const selectObject = (obj: Record<string, unknown>, selections: Selection[], path: Array<string | number>): Record<string, unknown> => {
		const typename = String(obj.__typename ?? 'Object');
		const out: Record<string, unknown> = {};
		for (const sel of selections) {
			if (sel.kind === 'inline') {
				if (matches(sel.on, typename)) merge(out, selectObject(obj, sel.selections, path));
				continue;
			}
			if (sel.kind === 'spread') {
				const frag = doc.fragments.get(sel.name);
				if (!frag) {
					fatal.push({ message: `Fragment ${sel.name} was used, but not defined`, locations: [{ line: sel.line, column: 1 }] });
					continue;
				}
				if (matches(frag.on, typename)) merge(out, selectObject(obj, frag.selections, path));
				continue;
			}
			const key = sel.alias ?? sel.name;
			if (sel.name === '__typename') {
				out[key] = typename;
				continue;
			}
			if (!(sel.name in obj)) {
				fatal.push({
					message: `Field '${sel.name}' doesn't exist on type '${typename}'`,
					locations: [{ line: sel.line, column: 1 }],
					extensions: { code: 'undefinedField', typeName: typename, fieldName: sel.name },
				});
				continue;
			}
			let value = obj[sel.name];
			try {
				if (typeof value === 'function')
					value = (value as (a: Record<string, unknown>) => unknown)(
						Object.fromEntries(Object.entries(sel.args).map(([k, v]) => [k, evalValue(v)])),
					);
			} catch (e) {
				if (!(e instanceof FieldError)) throw e;
				errors.push({ type: e.type, path: [...path, key], locations: [{ line: sel.line, column: 1 }], message: e.message });
				out[key] = null;
				continue;
			}
			merge(out, { [key]: complete(value, sel.selections, [...path, key], sel.name, typename) });
		}
		return out;
	};

	// Usage is checked statically: a branch not executed (a null repository)
	// still uses what it names, as in GitHub's validation.
	const walk = (selections: Selection[], seen: Set<string>): void => {
		for (const sel of selections) {
			if (sel.kind === 'spread') {
				usedFragments.add(sel.name);
				const frag = doc.fragments.get(sel.name);
				if (frag && !seen.has(sel.name)) walk(frag.selections, new Set([...seen, sel.name]));
			} else if (sel.kind === 'inline') walk(sel.selections, seen);
			else {
				for (const arg of Object.values(sel.args)) varsIn(arg);
				if (sel.selections) walk(sel.selections, seen);
			}
		}
	};
	const varsIn = (node: ValueNode): void => {
		if (node.kind === 'var') usedVars.add(node.name);
		else if (node.kind === 'list') node.items.forEach(varsIn);
		else if (node.kind === 'object') Object.values(node.fields).forEach(varsIn);
	};
	walk(op.selections, new Set());
	const data = selectObject(root, op.selections, []);
	for (const name of doc.fragments.keys())
		if (!usedFragments.has(name)) fatal.push({ message: `Fragment ${name} was defined, but not used` });
	for (const name of declared.keys())
		if (!usedVars.has(name)) fatal.push({ message: `Variable $${name} is declared by ${op.name ?? 'anonymous query'} but not used` });
	if (fatal.length > 0) return { errors: fatal };
	return errors.length > 0 ? { data, errors } : { data };
}
