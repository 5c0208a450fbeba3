/**
 * Everything GitHub sends is written by anyone. Random (seeded) mixes of
 * known XSS vectors, and the token itself, go into every text and URL field
 * the status client reads (repository URL and name, branch, commit message,
 * URL and date, check run name, workflow, details URL, title and ocaml-ci
 * summary, status context, description and target URL, issue and pull
 * request title and URL, error messages), through the fake GitHub, into one
 * built fixture site. Then every page is read as a browser would read it
 * (parse5, the WHATWG tokenizer and tree builder), every feed by a strict
 * XML parser, every JSON file by JSON.parse, and:
 *
 * - no element, attribute or URL the data made is live: no script, no event
 *   handler, no `javascript:`/`data:`/`vbscript:` link or source, no frame,
 *   object, base or refresh;
 * - the planted texts are there, as text (so the test reaches them);
 * - the token appears in no file the build wrote and not in its log.
 *
 * FUZZ_SEED=n picks another seed; the seed is in the test's name.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseHtml } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSite, REPO, type FixtureSite } from '../helpers/build-site.ts';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.ts';
import { parseXml, xmlElements } from '../helpers/xml.ts';
import type { FakeCheckRun, FakeCommit, FakeContext, FakeGitHubData, FakeIssue, FakeRepo } from '../helpers/fake-github/model.ts';
import { collectContentReferences } from '../../packages/project-pages/ci/content-references.ts';
import { MARK, TEXT_VECTORS, URL_VECTORS } from './github-vectors.ts';
import { createRandom } from '../../bench/lib/random.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20_251_201);
const TOKEN = 'ghp_FUZZtoken_must_never_show_0123456789';
const CONTENT = path.join(REPO, 'tests/fixtures/site/content');
const REPOS = 6;
const COMMITS = 4;

const rand = createRandom(SEED).next;
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
/** One to three text vectors, sometimes with the token, around a little plain text. */
const hostileText = (label: string) => {
	const parts = [label, ...Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(TEXT_VECTORS))];
	if (rand() < 0.3) parts.splice(1 + Math.floor(rand() * parts.length), 0, TOKEN);
	return parts.join(' ');
};
const hostileUrl = () => (rand() < 0.15 ? `https://example.org/${TOKEN}` : pick(URL_VECTORS));
const hex = (n: number) => Array.from({ length: 40 }, (_, i) => '0123456789abcdef'[(n * 7 + i * 13) % 16]).join('');

/** Texts put into fields that pages show as text, to check they arrive (escaped). */
const planted: string[] = [];
function fuzzCommit(repo: number, i: number, plant: boolean): FakeCommit {
	const label = (what: string) => `r${repo}c${i}-${what}`;
	const run = (name: string, conclusion: FakeCheckRun['conclusion']): FakeCheckRun => ({
		type: 'check-run',
		workflow: hostileText(label('workflow')),
		name,
		status: 'COMPLETED',
		conclusion,
		detailsUrl: hostileUrl(),
		startedAt: rand() < 0.2 ? '"><script>alert(7331)</script>' : `2025-06-0${1 + i}T10:00:00Z`,
		title: hostileText(label('title')),
		text: hostileText(label('text')),
	});
	const jobName = hostileText(label('job'));
	const variant = hostileText(label('variant'));
	const summary = [
		`❌ [${variant} (failed: ${hostileText(label('detail'))})](${hostileUrl()})`,
		`✅ [${hostileText(label('ok'))} (passed)](${pick(URL_VECTORS)})`,
		`🟠 [x (active)](javascript:alert(7331))`,
		hostileText(label('prose')),
	].join('\n');
	const ocamlCi: FakeCheckRun = { ...run('ocaml-ci', rand() < 0.5 ? 'FAILURE' : 'SUCCESS'), summary };
	delete ocamlCi.workflow;
	const contexts: FakeContext[] = [
		run(jobName, rand() < 0.5 ? 'FAILURE' : 'SUCCESS'),
		{ ...run(jobName, 'FAILURE'), startedAt: '2025-05-01T00:00:00Z' },
		ocamlCi,
		{
			type: 'status',
			context: hostileText(label('context')),
			state: pick(['SUCCESS', 'FAILURE', 'ERROR', 'PENDING'] as const),
			targetUrl: hostileUrl(),
			description: hostileText(label('description')),
		},
	];
	const message = hostileText(label('message'));
	if (plant && i === 0) planted.push(message, jobName.split(' ')[0]!);
	const oid = i === COMMITS - 1 ? `not-a-sha ${hostileText(label('oid'))}` : hex(repo * 10 + i);
	return {
		oid,
		message,
		committedDate: rand() < 0.2 ? hostileText(label('date')) : `2025-06-0${5 - i}T12:00:00Z`,
		contexts,
		url: hostileUrl(),
	};
}

/** `fetched`: the build asks for the repo (tracked, or named as a repo by the content), so its commits are shown. */
function fuzzRepo(owner: string, name: string, n: number, fetched: boolean): FakeRepo {
	const failing = n === REPOS - 1;
	const branch = n % 2 ? '<svg/onload=alert(7331)>' : `main${TOKEN}`;
	const repo: FakeRepo = {
		owner,
		name,
		defaultBranch: branch,
		branches: { [branch]: Array.from({ length: COMMITS }, (_, i) => fuzzCommit(n, i, fetched && !failing)) },
		issues: [],
		url: hostileUrl(),
		nameWithOwner: hostileText(`r${n}-name`),
	};
	if (failing) {
		repo.error = { type: 'SERVICE_UNAVAILABLE', message: hostileText(`r${n}-error`) };
		planted.push(repo.error.message);
	}
	return repo;
}

let fake: FakeGitHub;
let site: FixtureSite;
let data: FakeGitHubData;
const toolchain = { fuzz: Array.from({ length: REPOS }, (_, i) => `fuzz/r${i}`) };

beforeAll(async () => {
	const found = await collectContentReferences(CONTENT);
	data = { repos: toolchain.fuzz.map((id, n) => fuzzRepo('fuzz', id.split('/')[1]!, n, true)) };
	// The repos and references the fixture's content names, with hostile titles and URLs.
	const byRepo = new Map<string, number[]>();
	for (const ref of found.references) {
		const [id, num] = ref.split('#') as [string, string];
		byRepo.set(id, [...(byRepo.get(id) ?? []), Number(num)]);
	}
	for (const id of new Set([...found.repos, ...byRepo.keys()])) {
		const [owner, name] = id.split('/') as [string, string];
		const issues = (byRepo.get(id) ?? []).map((number, k): FakeIssue => ({
			number,
			kind: k % 2 ? 'pull' : 'issue',
			title: hostileText(`${id}#${number}`),
			state: 'OPEN',
			updatedAt: k % 3 ? '2025-06-01T00:00:00Z' : '<script>alert(7331)</script>',
			url: hostileUrl(),
		}));
		planted.push(...issues.map((i) => i.title));
		data.repos.push({ ...fuzzRepo(owner, name, 100 + data.repos.length, found.repos.includes(id)), issues });
	}
	fake = await startFakeGitHub({ data, token: TOKEN });
	site = await buildFixtureSite({
		content: { '.': CONTENT },
		options: { ci: { toolchain, snapshot: path.join(REPO, 'src/data/status-snapshot.json') } },
		env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: fake.url, GITHUB_GRAPHQL_URL: fake.graphqlUrl },
	});
}, 600_000);
afterAll(() => fake?.close());

async function files(dir: string): Promise<string[]> {
	const out: string[] = [];
	for (const name of await readdir(dir, { recursive: true })) {
		const file = path.join(dir, name);
		if (!file.includes(`${path.sep}node_modules${path.sep}`) && (await stat(file)).isFile()) out.push(file);
	}
	return out;
}

interface Node {
	nodeName: string;
	tagName?: string;
	value?: string;
	attrs?: Array<{ name: string; value: string }>;
	childNodes?: Node[];
	content?: Node;
}
function* walk(node: Node): Generator<Node> {
	yield node;
	for (const child of node.childNodes ?? []) yield* walk(child);
	if (node.content) yield* walk(node.content);
}
const textOf = (node: Node): string => [...walk(node)].map((n) => (n.nodeName === '#text' ? n.value : '')).join('');

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'xlink:href', 'srcdoc', 'ping']);
const NEVER = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base']);
/** The scheme a browser sees: leading/trailing controls and spaces dropped, tabs and newlines removed anywhere. */
// eslint-disable-next-line no-control-regex -- the characters the URL parser strips
const scheme = (value: string) => /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/^[\u0000-\u0020]+|[\t\n\r]/g, ''))?.[1]?.toLowerCase();

/** What a browser would run or load from this page that the data put there. */
function liveMarkup(html: string): string[] {
	const problems: string[] = [];
	for (const node of walk(parseHtml(html) as unknown as Node)) {
		const tag = node.tagName;
		if (!tag) continue;
		if (NEVER.has(tag)) problems.push(`<${tag}>`);
		if (tag === 'script' && (textOf(node).includes(MARK) || node.attrs?.some((a) => a.name === 'src' && !a.value.startsWith('/_astro/'))))
			problems.push(`<script> ${textOf(node).slice(0, 80)}`);
		if (tag === 'style' && textOf(node).includes(MARK)) problems.push('<style> from data');
		if (tag === 'meta' && node.attrs?.some((a) => a.name === 'http-equiv')) problems.push('<meta http-equiv>');
		for (const { name, value } of node.attrs ?? []) {
			if (name.startsWith('on')) problems.push(`<${tag} ${name}="${value.slice(0, 60)}">`);
			if (name === 'style' && value.includes(MARK)) problems.push(`<${tag} style="${value.slice(0, 60)}">`);
			const s = URL_ATTRIBUTES.has(name) ? scheme(value) : undefined;
			if (s && !['http', 'https', 'mailto'].includes(s)) problems.push(`<${tag} ${name}="${value.slice(0, 60)}">`);
		}
	}
	return problems;
}

/** Element names in an XML file, by the strict parser (it throws on anything not well-formed). */
const xmlNames = (xml: string) => xmlElements(parseXml(xml)).map((e) => e.name);

describe(`GitHub's texts and URLs are inert in the built site (seed ${SEED})`, () => {
	it('builds, fetching the hostile data from the fake GitHub', () => {
		expect(site.exitCode, site.output).toBe(0);
		expect(site.output).toMatch(/toolchain status fetched: \d+ repos, \d+ references/);
		expect(fake.requests.length).toBeGreaterThan(0);
	});

	it('puts no live markup, handler or script URL on any page, and shows the planted texts as text', async () => {
		const pages = (await files(site.dist)).filter((f) => f.endsWith('.html'));
		expect(pages.length).toBeGreaterThan(10);
		let text = '';
		for (const page of pages) {
			const html = await readFile(page, 'utf8');
			expect(liveMarkup(html), path.relative(site.dist, page)).toEqual([]);
			text += textOf(parseHtml(html) as unknown as Node);
		}
		// The vectors reached the pages, as visible text. Compared as a browser keeps text: NULs dropped,
		// lone surrogates written as U+FFFD, the token redacted; a prefix, as long texts are clipped.
		const normal = (t: string) =>
			t
				.replaceAll(TOKEN, '[REDACTED]')
				.replaceAll('\u0000', '')
				.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
				.slice(0, 120);
		const missing = planted.filter((p) => !text.includes(normal(p)));
		expect(missing, `planted texts not shown, of ${planted.length}`).toEqual([]);
		expect(text).toContain('<script>alert(7331)</script>');
	});

	it('writes well-formed feeds whose elements are only the feed format', async () => {
		const feeds = (await files(site.dist)).filter((f) => f.endsWith('.xml'));
		expect(feeds.map((f) => path.relative(site.dist, f))).toEqual(
			expect.arrayContaining(['status/feed.xml', 'blog/rss.xml', 'weekly/rss.xml']),
		);
		for (const feed of feeds) {
			const names = xmlNames(await readFile(feed, 'utf8'));
			for (const bad of ['script', 'img', 'svg', 'iframe', 'style']) expect(names, path.relative(site.dist, feed)).not.toContain(bad);
		}
	});

	it('writes JSON that parses, with no script URL in a url field', async () => {
		for (const file of (await files(site.dist)).filter((f) => f.endsWith('.json'))) {
			const json = JSON.parse(await readFile(file, 'utf8')) as unknown;
			const urls: string[] = [];
			JSON.stringify(json, (key, value: unknown) => {
				if (typeof value === 'string' && /url$/i.test(key)) urls.push(value);
				return value;
			});
			for (const url of urls) expect(['http', 'https'], `${path.relative(site.dist, file)}: ${url}`).toContain(scheme(url));
		}
	});

	it('never writes or prints the token: not in the output, the data store, or the log', async () => {
		expect(site.output).not.toContain(TOKEN);
		const all = await files(site.root);
		expect(all.some((f) => f.includes('.astro-cache'))).toBe(true);
		for (const file of all) expect((await readFile(file)).includes(TOKEN), path.relative(site.root, file)).toBe(false);
	});
});
