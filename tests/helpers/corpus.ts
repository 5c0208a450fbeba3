/**
 * Where the real mirage-www content is. One variable, `MIRAGE_CORPUS`, names
 * a folder in either of two layouts, told apart by what is in it:
 *
 * - `shared`: the curated copy beside the repository,
 *   `../shared/corpus/mirage-www` (the default). `minutes/`, `blog/` (40 of
 *   the 78 posts), `wiki/`, `paper/papers.yml`, `link/links.yml`, `asset/`,
 *   and files from older commits in `minutes/legacy-2016/`, `rfc/` and
 *   `wiki/legacy/`; its SOURCE.md says where each came from.
 * - `checkout`: a checkout of github.com/mirage/mirage-www at the pinned
 *   commit, as CI makes it with `.ci/mirage-www-corpus` (`data/weekly/`,
 *   `data/blog/`, `data/wiki/`, `data/paper/papers.yml`,
 *   `data/link/links.yml`, `asset/`), with the 2016 files restored at their
 *   own paths under `tmpl/wiki/` from the commits they come from.
 *
 * Tests ask for a part by name (`corpusPath('minutes')`), never for a path
 * inside the corpus, so they read both layouts. Nothing is copied into the
 * repository. When the corpus is missing, tests that need it skip and say
 * why on a developer's machine; under CI (`CI=true`) that is a failure.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const CORPUS = path.resolve(REPO, process.env.MIRAGE_CORPUS ?? '../shared/corpus/mirage-www');

export type CorpusLayout = 'shared' | 'checkout';

/** The parts tests read, where each lives in either layout. */
const PARTS = {
	/** Weekly-call minutes, YAML front matter (51 files, 2013–2016). */
	minutes: { shared: 'minutes', checkout: 'data/weekly' },
	/** Blog posts, YAML front matter. */
	blog: { shared: 'blog', checkout: 'data/blog' },
	/** Docs pages, YAML front matter. */
	wiki: { shared: 'wiki', checkout: 'data/wiki' },
	papers: { shared: 'paper/papers.yml', checkout: 'data/paper/papers.yml' },
	links: { shared: 'link/links.yml', checkout: 'data/link/links.yml' },
	/**
	 * The live site's /docs page, its sections in order: written down as data in the shared copy
	 * (with the live site's routes in its comments), the template itself in a checkout.
	 */
	'docs-index': { shared: 'docs-index.yaml', checkout: 'template/docs.eml' },
	/** Files the pages link to, served at the site root. */
	assets: { shared: 'asset', checkout: 'asset' },
	/** The same 51 calls as the 2016 site had them: no front matter (fc8f392). */
	'minutes-2016': { shared: 'minutes/legacy-2016', checkout: 'tmpl/wiki/weekly' },
	/** Thomas Leonard's error-handling RFC draft, pull request #274 (97b149b). */
	'rfc-draft': { shared: 'rfc/error-handling.md', checkout: 'tmpl/wiki/error-handling.md' },
	/** The 2016 wiki index (fc8f392), markdown with raw HTML blocks. */
	'wiki-index-2016': { shared: 'wiki/legacy/index.md', checkout: 'tmpl/wiki/index.md' },
	/** The generated status table of 2014 (aaaa1ad). */
	'is-mirage-broken-2016': { shared: 'wiki/legacy/is_mirage_broken.md', checkout: 'tmpl/wiki/is_mirage_broken.md' },
} as const satisfies Record<string, Record<CorpusLayout, string>>;

export type CorpusPart = keyof typeof PARTS;

/**
 * How many files each layout has where they differ from one another: the
 * shared copy keeps 40 of the 78 blog posts. A test that counts a folder
 * compares against this, so a truncated corpus fails instead of testing less.
 */
export const CORPUS_COUNTS: Record<CorpusLayout, { minutes: number; blog: number; wiki: number; 'minutes-2016': number }> = {
	shared: { minutes: 51, blog: 40, wiki: 28, 'minutes-2016': 51 },
	checkout: { minutes: 51, blog: 78, wiki: 28, 'minutes-2016': 51 },
};

/** Which layout `CORPUS` has, or undefined when there is nothing there. */
export function corpusLayout(root = CORPUS): CorpusLayout | undefined {
	if (existsSync(path.join(root, PARTS.minutes.checkout))) return 'checkout';
	if (existsSync(path.join(root, PARTS.minutes.shared))) return 'shared';
	return undefined;
}

/** The absolute path of a part (a folder or a file) in the corpus at hand. */
export function corpusPath(part: CorpusPart, root = CORPUS): string {
	const layout = corpusLayout(root);
	if (!layout) throw new Error(`no mirage-www corpus at ${root} (set MIRAGE_CORPUS; tests/README.md says how to make one)`);
	return path.join(root, PARTS[part][layout]);
}

/** The expected count of `part` in the corpus at hand. */
export function corpusCount(part: keyof (typeof CORPUS_COUNTS)['shared'], root = CORPUS): number {
	const layout = corpusLayout(root);
	if (!layout) throw new Error(`no mirage-www corpus at ${root}`);
	return CORPUS_COUNTS[layout][part];
}

/** The `*.md` files directly in a folder part, sorted, absolute. */
export function corpusMarkdown(part: 'minutes' | 'blog' | 'wiki' | 'minutes-2016', root = CORPUS): string[] {
	const dir = corpusPath(part, root);
	return readdirSync(dir)
		.filter((name) => name.endsWith('.md'))
		.sort()
		.map((name) => path.join(dir, name));
}

/** Every markdown file of the corpus, in both layouts the same set of parts. */
export function allCorpusMarkdown(root = CORPUS): string[] {
	return [
		...(['minutes', 'blog', 'wiki', 'minutes-2016'] as const).flatMap((part) => corpusMarkdown(part, root)),
		...(['rfc-draft', 'wiki-index-2016', 'is-mirage-broken-2016'] as const).map((part) => corpusPath(part, root)),
	];
}

/**
 * True when every part named is there to test against. Otherwise: under CI
 * an error (CI must provide the corpus), elsewhere false and a line saying
 * which test is skipped and why.
 */
export function corpusAvailable(what: string, ...parts: CorpusPart[]): boolean {
	const layout = corpusLayout();
	const missing = layout ? parts.map((part) => corpusPath(part)).filter((p) => !existsSync(p)) : [CORPUS];
	if (missing.length === 0) return true;
	const where = `${missing.join(', ')} (MIRAGE_CORPUS=${CORPUS})`;
	if (process.env.CI)
		throw new Error(`${what}: the mirage-www corpus is missing at ${where}; CI must provide it (.ci/mirage-www-corpus makes one)`);
	console.warn(`[${what} skipped] no mirage-www corpus at ${where}`);
	return false;
}
