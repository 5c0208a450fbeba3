/**
 * GitHub's GraphQL API as far as a test can have it: the published schema
 * (`@octokit/graphql-schema`), graphql-js's parser, validator and executor,
 * and GitHub's own resource limits on top (docs.github.com, "Rate limits and
 * node limits for the GraphQL API"):
 *
 * - `first` or `last` between 1 and 100 on every connection whose `nodes` or
 *   `edges` are selected;
 * - at most 500,000 nodes per query, a connection's nodes being its `first`
 *   times those of every connection it is nested in;
 * - a cost in points: each connection needs as many requests as the product
 *   of the `first`/`last` of the connections around it (1 at the top); the
 *   sum over all connections, divided by 100 and rounded, at least 1.
 *
 * A document that breaks a rule gets what GitHub sends: `errors` and no
 * `data`. Resolvers are plain objects whose fields are values or
 * `(args) => value`, with `__typename` for unions and interfaces.
 */
import { schema as published } from '@octokit/graphql-schema';
import {
	buildClientSchema,
	execute,
	getNamedType,
	GraphQLError,
	GraphQLInt,
	isCompositeType,
	isObjectType,
	Kind,
	parse,
	validate,
	valueFromAST,
	type DocumentNode,
	type FragmentDefinitionNode,
	type GraphQLCompositeType,
	type GraphQLSchema,
	type IntrospectionQuery,
	type OperationDefinitionNode,
	type SelectionSetNode,
} from 'graphql';

let cached: GraphQLSchema | undefined;

/** GitHub's published schema, built once. (Its SDL file defines two fields twice; the introspection JSON is clean.) */
export function gitHubSchema(): GraphQLSchema {
	cached ??= buildClientSchema(published.json as unknown as IntrospectionQuery);
	return cached;
}

export const MAX_NODES = 500_000;
export const MAX_PAGE = 100;

export interface LimitProblem {
	/** GitHub's error type. */
	type: 'MISSING_PAGINATION_BOUNDARIES' | 'EXCESSIVE_PAGINATION' | 'MAX_NODE_LIMIT_EXCEEDED';
	message: string;
}

export interface QueryCost {
	/** Nodes the query may return, by GitHub's count. */
	nodes: number;
	/** Requests GitHub needs to fulfil every connection. */
	requests: number;
	/** Rate-limit points: requests / 100, rounded, at least 1. */
	points: number;
	problems: LimitProblem[];
	/** Every connection met, with its path and `first`/`last`, for tests that want to look. */
	connections: Array<{ path: string; page: number | undefined; selectsNodes: boolean; multiplier: number }>;
}

const isConnection = (type: unknown) => isObjectType(type) && type.name.endsWith('Connection');

/** GitHub's limits and cost for one operation of a parsed, valid document. */
export function analyzeQuery(
	schema: GraphQLSchema,
	document: DocumentNode,
	variables: Record<string, unknown> = {},
	operationName?: string,
): QueryCost {
	const fragments = new Map<string, FragmentDefinitionNode>();
	const operations: OperationDefinitionNode[] = [];
	for (const d of document.definitions) {
		if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
		if (d.kind === Kind.OPERATION_DEFINITION) operations.push(d);
	}
	const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
	const root = schema.getQueryType();
	const out: QueryCost = { nodes: 0, requests: 0, points: 1, problems: [], connections: [] };
	if (!operation || !root) return out;
	const values: Record<string, unknown> = { ...variables };
	for (const def of operation.variableDefinitions ?? []) {
		if (values[def.variable.name.value] === undefined && def.defaultValue) {
			values[def.variable.name.value] = valueFromAST(def.defaultValue, GraphQLInt);
		}
	}

	/** The fields a selection set selects on `type`, fragments expanded (names only, one level). */
	const selectedNames = (set: SelectionSetNode | undefined): Set<string> => {
		const names = new Set<string>();
		const visit = (s: SelectionSetNode | undefined) => {
			for (const sel of s?.selections ?? []) {
				if (sel.kind === Kind.FIELD) names.add(sel.name.value);
				else if (sel.kind === Kind.INLINE_FRAGMENT) visit(sel.selectionSet);
				else visit(fragments.get(sel.name.value)?.selectionSet);
			}
		};
		visit(set);
		return names;
	};

	const walk = (set: SelectionSetNode | undefined, type: GraphQLCompositeType, multiplier: number, path: string) => {
		for (const sel of set?.selections ?? []) {
			if (sel.kind === Kind.INLINE_FRAGMENT) {
				const on = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
				if (isCompositeType(on)) walk(sel.selectionSet, on, multiplier, path);
				continue;
			}
			if (sel.kind === Kind.FRAGMENT_SPREAD) {
				const fragment = fragments.get(sel.name.value);
				const on = fragment && schema.getType(fragment.typeCondition.name.value);
				if (fragment && isCompositeType(on)) walk(fragment.selectionSet, on, multiplier, path);
				continue;
			}
			if (sel.name.value === '__typename' || !('getFields' in type)) continue;
			const def = type.getFields()[sel.name.value];
			if (!def) continue;
			const fieldType = getNamedType(def.type);
			const key = `${path}.${sel.alias?.value ?? sel.name.value}`;
			if (!isConnection(fieldType)) {
				if (isCompositeType(fieldType)) walk(sel.selectionSet, fieldType, multiplier, key);
				continue;
			}
			const arg = (name: string) => {
				const node = sel.arguments?.find((a) => a.name.value === name)?.value;
				const value = node ? valueFromAST(node, GraphQLInt, values) : undefined;
				return typeof value === 'number' ? value : undefined;
			};
			const first = arg('first');
			const last = arg('last');
			const page = first ?? last;
			const picked = selectedNames(sel.selectionSet);
			const selectsNodes = picked.has('nodes') || picked.has('edges');
			out.requests += multiplier;
			out.connections.push({ path: key, page, selectsNodes, multiplier });
			for (const [name, n] of [
				['first', first],
				['last', last],
			] as const) {
				if (n !== undefined && (n < 1 || n > MAX_PAGE)) {
					out.problems.push({
						type: 'EXCESSIVE_PAGINATION',
						message: `Requesting ${n} records on the \`${sel.name.value}\` connection (${key.slice(1)}) is outside the \`${name}\` limits of 1 to ${MAX_PAGE} records.`,
					});
				}
			}
			if (selectsNodes && page === undefined) {
				out.problems.push({
					type: 'MISSING_PAGINATION_BOUNDARIES',
					message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${sel.name.value}\` connection (${key.slice(1)}).`,
				});
			}
			const inner = selectsNodes && page !== undefined ? multiplier * page : multiplier;
			if (selectsNodes && page !== undefined) out.nodes += inner;
			walk(sel.selectionSet, fieldType as GraphQLCompositeType, inner, key);
		}
	};
	walk(operation.selectionSet, root, 1, '');
	if (out.nodes > MAX_NODES) {
		out.problems.push({
			type: 'MAX_NODE_LIMIT_EXCEEDED',
			message: `This query requests up to ${out.nodes.toLocaleString('en')} possible nodes, which exceeds the maximum limit of ${MAX_NODES.toLocaleString('en')}.`,
		});
	}
	out.points = Math.max(1, Math.round(out.requests / 100));
	return out;
}

/** A resolver's refusal: the field becomes null and the error carries GitHub's type (NOT_FOUND, FORBIDDEN…). */
export class FieldError extends Error {
	readonly type: string;
	constructor(type: string, message: string) {
		super(message);
		this.type = type;
	}
}

export interface GitHubError {
	type?: string;
	path?: ReadonlyArray<string | number>;
	locations?: ReadonlyArray<{ line: number; column: number }>;
	message: string;
	extensions?: Record<string, unknown>;
}

export interface GitHubAnswer {
	data?: Record<string, unknown> | null;
	errors?: GitHubError[];
}

function asGitHubError(e: GraphQLError): GitHubError {
	const out: GitHubError = { message: e.message };
	const original = e.originalError;
	if (original instanceof FieldError) out.type = original.type;
	if (e.path) out.path = e.path;
	if (e.locations) out.locations = e.locations.map(({ line, column }) => ({ line, column }));
	return out;
}

/**
 * Runs one request body as GitHub would: syntax, then the spec's validation
 * against the schema, then GitHub's limits, and only then execution. The
 * root value is built with the query's cost, for `rateLimit { cost }`.
 */
export async function runQuery(
	query: string,
	variables: Record<string, unknown>,
	operationName: string | undefined,
	rootFor: (cost: QueryCost) => Record<string, unknown>,
): Promise<{ answer: GitHubAnswer; cost?: QueryCost }> {
	const schema = gitHubSchema();
	let document: DocumentNode;
	try {
		document = parse(query);
	} catch (e) {
		if (!(e instanceof GraphQLError)) throw e;
		return { answer: { errors: [{ ...asGitHubError(e), extensions: { code: 'parseError' } }] } };
	}
	const invalid = validate(schema, document);
	if (invalid.length > 0) return { answer: { errors: invalid.map((e) => ({ ...asGitHubError(e), extensions: { code: 'validation' } })) } };
	const cost = analyzeQuery(schema, document, variables, operationName);
	if (cost.problems.length > 0) return { answer: { errors: cost.problems.map((p) => ({ type: p.type, message: p.message })) }, cost };
	const result = await execute({
		schema,
		document,
		rootValue: rootFor(cost),
		variableValues: variables,
		...(operationName ? { operationName } : {}),
	});
	const answer: GitHubAnswer = { data: (result.data as Record<string, unknown> | null | undefined) ?? null };
	if (result.errors?.length) answer.errors = result.errors.map(asGitHubError);
	return { answer, cost };
}
