/**
 * The content checker: every rule the build enforces, plus the cross-page
 * ones a build only finds late or not at all (broken links between pages,
 * missing images, unknown people, references outside the toolchain), without
 * running Astro. It reuses the build's reader, schemas and identity rules, so
 * both say the same thing in the same words.
 */
import { lstatSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { isTrusted, KINDS, type ContentKind } from '../content/kinds.ts';
import { isSafeUrl, SAFE_URL_RULE } from '../utils/safe-url.ts';
import { PROJECT_CONFIG_FILE } from './project-config.ts';
import { DocsIndexFields, PapersFile, readDataFile, repeatedPaperNames } from '../content/data-files.ts';
import { dialectOf, type MarkdownOptions } from '../markdown/dialects.ts';
import { resolveDocsLine } from '../utils/docs-index.ts';
import { ContentError, parseFrontMatter, type ParsedDocument, type Problem } from '../content/front-matter.ts';
import { entryId, IdRegistry } from '../content/identity.ts';
import { assertAcceptedExtension, listContentFiles, readContentText, type ContentFile } from '../content/read-content.ts';
import { validateFrontMatter, type FrontMatterOf } from '../content/validate.ts';
import { readPeopleFile } from '../loaders/people-loader.ts';
import { summaryLimitWarning } from '../markdown/extract-minutes.ts';
import { resolvePageRelative } from '../loaders/rebase-urls.ts';
import { frontMatterSchema, type KindExtensions, type PersonData, type ProjectData } from '../content/schemas.ts';
import { PeopleIndex, type PersonRefLike } from '../utils/people.ts';
import { facetOptions, FACETS } from '../utils/project-filters.ts';
import { enabledKinds, type Sections } from '../utils/sections.ts';
import { slug } from '../utils/slug.ts';
import { finding, fromError, fromProblem, sortFindings, type Finding } from './finding.ts';
import { scanBody, type BodyLinks } from './markdown-links.ts';
import { defaultSections, pageId, SitePages } from './site-pages.ts';

export interface CheckContentOptions {
	/** The project root, absolute: paths in findings are relative to it. */
	root: string;
	/** Folder with minutes/, rfcs/, projects/, blog/ and people.yaml, relative to `root`. */
	contentDir: string;
	/** Static files, relative to `root`. Default `public`. */
	publicDir?: string;
	/** `owner/repo` names that content may reference; when empty, references are not checked. */
	knownRepos?: readonly string[];
	/** The site's sections (the options' `sections`): which kinds are checked, and where links to them point. Default: the registry's. */
	sections?: Sections;
	/** Whether the site has a calls calendar (the `calls` option), so that links to it are fine. */
	calls?: boolean;
	/** The site's own front-matter fields (`projectPagesCollections({ extend })`). */
	extensions?: KindExtensions;
	/** How each kind's markdown is read (the `markdown` option): what counts as a link follows it. */
	markdown?: MarkdownOptions;
	/** Maintainer kinds the site takes from anyone (the `contributed` option). */
	contributed?: readonly ContentKind[];
}

export interface CheckContentResult {
	/** Sorted by file, line and column. */
	findings: Finding[];
	/** How many content files were read, people.yaml included. */
	files: number;
	errors: number;
	warnings: number;
}

interface Entry {
	kind: ContentKind;
	source: ContentFile;
	doc: ParsedDocument;
	/** Undefined when the front matter broke a schema rule. */
	data?: FrontMatterOf<ContentKind>;
	/** The page's id under its section, when it has a page. */
	id?: string;
	/** URL path of the kind's section. */
	sectionPath: string;
	/** Maintainer content on this site (a post, a guide): a link to a missing page is a warning there, an error in contributed files. */
	trusted: boolean;
	body: BodyLinks;
}

export async function checkContent(options: CheckContentOptions): Promise<CheckContentResult> {
	const root = path.resolve(options.root);
	const contentDir = options.contentDir.replace(/\/+$/, '');
	const publicDir = options.publicDir ?? 'public';
	const findings: Finding[] = [];
	const sections = options.sections ?? defaultSections();
	const pages = new SitePages(sections, { calls: options.calls ?? false });
	const entries: Entry[] = [];
	let files = 0;

	for (const kind of enabledKinds(sections)) {
		const sources = await listContentFiles(root, `${contentDir}/${KINDS[kind].folder}`);
		files += sources.length;
		const permalinks = new IdRegistry('permalink');
		const numbers = new IdRegistry('RFC number');
		const read = {
			schema: frontMatterSchema(kind, options.extensions?.[kind]),
			sectionPath: sections[kind]!.path,
			trusted: isTrusted(kind, options.contributed),
			dialect: dialectOf(kind, options.markdown),
		};
		for (const source of sources) {
			const entry = await readEntry(kind, source, findings, read);
			if (!entry) continue;
			entries.push(entry);
			const clash =
				permalinks.claim(entry.id!, source.file) ??
				(kind === 'rfcs' && entry.data ? numbers.claim(String((entry.data as { number: number }).number), source.file) : undefined);
			if (kind === 'blog' && sections.tags) for (const tag of tagsOf(entry)) pages.add('tags', slug(tag));
			if (clash) {
				const field = kind === 'rfcs' ? 'number' : 'permalink';
				for (const problem of clash.problems) findings.push(finding(source.file, entry.doc.positionOf([field]), problem.message));
				continue;
			}
			pages.add(kind, entry.id!);
		}
	}

	const peopleFile = `${contentDir}/people.yaml`;
	const people = await readPeople(root, peopleFile, findings);
	if (people) files += 1;
	if (sections.people) for (const person of people ?? []) pages.add('people', person.github);
	const index = people ? new PeopleIndex(people) : undefined;
	addFilterPages(pages, entries, index ?? new PeopleIndex([]));
	const knownRepos = new Set((options.knownRepos ?? []).map((r) => r.toLowerCase()));
	const publicFileExists = (urlPath: string) => isFile(path.join(root, publicDir, safeDecode(urlPath)));

	const guides = new Set(entries.filter((e) => e.kind === 'docs' && e.id).map((e) => e.id!));
	if (sections.docs) files += await checkDocsIndex(root, `${contentDir}/docs.yaml`, sections, guides, findings);
	// A guide the options serve at the root must exist: a typo would serve nothing, silently.
	sections.docs?.atRoot?.forEach((id, i) => {
		if (!guides.has(id)) findings.push(finding(PROJECT_CONFIG_FILE, { line: 1 }, `atRoot.docs.${i}: no guide has the permalink "${id}"`));
	});
	if (sections.papers) files += await checkPapers(root, `${contentDir}/papers.yml`, pages, publicFileExists, findings);

	for (const entry of entries) {
		const { file } = entry.source;
		for (const link of entry.body.links) {
			// The one URL rule again: a contributed file's link keeps its text and loses its target; a
			// maintainer's is published as written, a live javascript: link. Either way it is an error.
			if (!isSafeUrl(link.url)) {
				const fate = entry.trusted ? 'in this kind it is published as written' : 'the page keeps its text and drops the link';
				findings.push(finding(file, link, `link ${JSON.stringify(link.url)}: ${SAFE_URL_RULE}; ${fate}`));
				continue;
			}
			const broken = pages.brokenLink(link.url, publicFileExists);
			// Maintainers' archives keep the dead links they always had (mirage-www's posts link pages long
			// gone, and its files must build unchanged): there it is a warning for the author to fix; in a
			// contributed file it fails the check.
			if (broken) findings.push(finding(file, link, `link ${link.url}: ${broken}`, entry.trusted ? 'warning' : 'error'));
		}
		for (const image of entry.body.images) {
			// The one URL rule (utils/safe-url.ts). A contributed file loses such a source to the sanitizer;
			// a maintainer's raw HTML is published as written. Either way the author hears of it here.
			if (!isSafeUrl(image.url)) {
				const fate = entry.trusted ? 'raw HTML in this kind is published as written' : 'this one is dropped from the page';
				findings.push(finding(file, image, `image ${JSON.stringify(image.url)}: must be an http(s) URL or a path; ${fate}`));
				continue;
			}
			const missing = missingImage(image.url, entry, { root, publicDir });
			if (missing) findings.push(finding(file, image, `image ${image.url}: ${missing}`));
		}
		if (index && entry.data) findings.push(...unknownPeople(entry, index, peopleFile));
		if (knownRepos.size > 0) findings.push(...untrackedRepos(entry, knownRepos));
	}

	const sorted = sortFindings(findings);
	const errors = sorted.filter((f) => f.severity === 'error').length;
	return { findings: sorted, files, errors, warnings: sorted.length - errors };
}

const STATUS_RULE = /^is required when status is /;

/** The project filter pages the build makes: one per facet value that valid projects have. */
function addFilterPages(pages: SitePages, entries: readonly Entry[], people: PeopleIndex): void {
	const projects = entries.filter((e) => e.kind === 'projects' && e.data).map((e) => e.data as ProjectData);
	const options = facetOptions(projects.map((project) => ({ project, mentors: project.mentors.map((m) => people.resolve(m)) })));
	for (const facet of FACETS) for (const option of options[facet]) pages.addFilter(facet, option.value);
}

/** Reads, parses and validates one file; undefined when it cannot become a page at all. */
async function readEntry(
	kind: ContentKind,
	source: ContentFile,
	findings: Finding[],
	{
		schema,
		sectionPath,
		trusted,
		dialect,
	}: { schema: ReturnType<typeof frontMatterSchema>; sectionPath: string; trusted: boolean; dialect: ReturnType<typeof dialectOf> },
): Promise<Entry | undefined> {
	let doc: ParsedDocument;
	let text: string;
	try {
		// Read first: a refused file (a symbolic link) is reported as that, whatever its name.
		text = await readContentText(source);
		assertAcceptedExtension(kind, source, trusted);
		doc = parseFrontMatter(source.file, text);
	} catch (error) {
		findings.push(...fromError(source.file, error));
		return undefined;
	}
	let body: BodyLinks;
	try {
		body = scanBody(doc.body, doc.bodyLine, { mdx: source.extension === '.mdx', dialect });
	} catch (error) {
		// Not valid MDX: its build fails the same way. The parser names the line and column in the body.
		const [, line, column] = /^(\d+):(\d+): /.exec(String((error as Error).message)) ?? [];
		const at = line ? { line: Number(line) + doc.bodyLine - 1, column: Number(column) } : { line: doc.bodyLine };
		findings.push(finding(source.file, at, `is not valid MDX: ${String((error as Error).message).replace(/^\d+:\d+: /, '')}`));
		return undefined;
	}
	const entry: Entry = { kind, source, doc, sectionPath, trusted, body };
	// A contributed page shows what the guard made of the body, as it was read here; a maintainer's shows it as written.
	if (trusted && body.defused)
		findings.push(
			finding(
				source.file,
				{ line: doc.bodyLine },
				'the body has more character references, marks or tags than the checker reads safely: its links were read with them escaped, and the page, rendered as written, may have others; check its links by hand',
				'warning',
			),
		);
	const limited = kind === 'minutes' ? summaryLimitWarning(doc.body) : undefined;
	if (limited) findings.push(finding(source.file, { line: doc.bodyLine }, limited, 'warning'));
	try {
		entry.data = validateFrontMatter(kind, source.file, doc.data, doc.positionOf, schema);
		entry.id = entryId({ source, text, doc, data: entry.data }, kind, sectionPath);
	} catch (error) {
		// A missing field that the status requires is best shown on the status line.
		const atStatus = (p: Problem): Problem =>
			p.line === undefined && STATUS_RULE.test(p.message) ? { ...p, ...doc.positionOf(['status']) } : p;
		findings.push(
			...(error instanceof ContentError ? error.problems.map((p) => fromProblem(error.file, atStatus(p))) : fromError(source.file, error)),
		);
	}
	// A page whose front matter is wrong still has a URL: links to it are not reported too.
	entry.id ??= pageId(kind, source.stem, doc.data);
	return entry;
}

/** `docs.yaml`: its schema, and every line of its sections resolving to a guide or a section of the site. Returns the files read (0 or 1). */
async function checkDocsIndex(
	root: string,
	file: string,
	sections: Sections,
	guides: ReadonlySet<string>,
	findings: Finding[],
): Promise<number> {
	try {
		const index = await readDataFile(path.join(root, file), file, DocsIndexFields);
		if (!index) return 0;
		index.data.sections.forEach((section, s) => {
			section.pages.forEach((page, p) => {
				const line = resolveDocsLine(page, sections, guides);
				if ('problem' in line)
					findings.push(finding(file, { line: index.lineOf(['sections', s, 'pages', p]) }, `sections.${s}.pages.${p}: ${line.problem}`));
			});
			if (section.list && !sections[section.list])
				findings.push(
					finding(
						file,
						{ line: index.lineOf(['sections', s, 'list']) },
						`sections.${s}.list: the ${section.list} section is off on this site`,
					),
				);
		});
	} catch (error) {
		findings.push(...fromError(file, error));
	}
	return 1;
}

/** `papers.yml`: its schema, one name per paper, and links to the site's own pages that exist. Returns the files read. */
async function checkPapers(
	root: string,
	file: string,
	pages: SitePages,
	publicFileExists: (urlPath: string) => boolean,
	findings: Finding[],
): Promise<number> {
	try {
		const papers = await readDataFile(path.join(root, file), file, PapersFile, []);
		if (!papers) return 0;
		for (const problem of repeatedPaperNames(papers.data)) {
			const [i] = problem.field!.split('.');
			findings.push(fromProblem(file, { ...problem, line: papers.lineOf([Number(i), 'name']) }));
		}
		papers.data.forEach((paper, i) => {
			paper.links.forEach((link, l) => {
				const broken = pages.brokenLink(link.uri, publicFileExists);
				if (broken) findings.push(finding(file, { line: papers.lineOf([i, 'links', l, 'uri']) }, `${i}.links.${l}.uri: ${broken}`));
			});
		});
	} catch (error) {
		findings.push(...fromError(file, error));
	}
	return 1;
}

function tagsOf(entry: Entry): string[] {
	const tags = entry.data ? (entry.data as { tags: string[] }).tags : entry.doc.data.tags;
	const list = Array.isArray(tags) ? tags : [tags];
	return list.filter((t): t is string => typeof t === 'string' && t.trim() !== '').map((t) => t.trim());
}

async function readPeople(root: string, file: string, findings: Finding[]): Promise<PersonData[] | undefined> {
	const absolute = path.join(root, file);
	// Not followed: a link in its place is read, and refused, like any content file's.
	if (!lstatSync(absolute, { throwIfNoEntry: false })) return undefined;
	try {
		const people = await readPeopleFile(absolute, file);
		const seen = new Map<string, number>();
		let doc: Document | undefined;
		const lines = new LineCounter();
		people.forEach((person, i) => {
			const first = seen.get(person.github.toLowerCase());
			if (first === undefined) return void seen.set(person.github.toLowerCase(), i);
			// The people file parsed once already; parse it again only to say where the repeat is.
			doc ??= parseDocument(readFileSync(absolute, 'utf8'), { schema: 'core', lineCounter: lines });
			const offset = (doc.getIn([i, 'github'], true) as { range?: number[] } | undefined)?.range?.[0];
			const at = offset === undefined ? undefined : lines.linePos(offset);
			findings.push(
				finding(
					file,
					at && { line: at.line, column: at.col },
					`${i}.github: "${person.github}" is already listed (entry ${first}); list each person once`,
				),
			);
		});
		return people;
	} catch (error) {
		findings.push(...fromError(file, error));
		// Names are not checked against a file that could not be read.
		return undefined;
	}
}

function unknownPeople(entry: Entry, people: PeopleIndex, peopleFile: string): Finding[] {
	const out: Finding[] = [];
	for (const field of KINDS[entry.kind].peopleFields) {
		let value: unknown = entry.data;
		for (const key of field) value = (value as Record<string, unknown> | undefined)?.[key];
		const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
		list.forEach((person: PersonRefLike, i) => {
			if (people.find(person)) return;
			const at = Array.isArray(value) ? [...field, i] : [...field];
			// mirage-www writes one `author` where the schema has `authors`.
			const position = entry.doc.positionOf(at) ?? entry.doc.positionOf(field) ?? entry.doc.positionOf(['author']);
			out.push(
				finding(
					entry.source.file,
					position,
					`${at.join('.')}: "${person.name}" is not in ${peopleFile}; add them there, or write a name, GitHub handle or alias it lists`,
					'warning',
				),
			);
		});
	}
	return out;
}

function untrackedRepos(entry: Entry, known: ReadonlySet<string>): Finding[] {
	const out: Finding[] = [];
	const rule = 'is not in the tracked toolchain (ci.toolchain); check the name, or add the repo to the toolchain';
	for (const field of KINDS[entry.kind].repoFields) {
		const repos = ((entry.data as Record<string, unknown> | undefined)?.[field] ?? []) as string[];
		repos.forEach((repo, i) => {
			if (!known.has(repo.toLowerCase()))
				out.push(finding(entry.source.file, entry.doc.positionOf([field, i]), `${field}.${i}: ${repo} ${rule}`, 'warning'));
		});
	}
	const reported = new Set<string>();
	for (const { ref, line, column } of entry.body.references) {
		const repo = `${ref.owner}/${ref.repo}`;
		if (known.has(repo.toLowerCase()) || reported.has(repo.toLowerCase())) continue;
		reported.add(repo.toLowerCase());
		out.push(finding(entry.source.file, { line, column }, `reference ${ref.id}: ${repo} ${rule}`, 'warning'));
	}
	return out;
}

/**
 * Where an image will be looked for. `/`-rooted paths are files in public/.
 * MDX posts go through Astro's own pipeline, which resolves a relative path
 * from the post's file; markdown files have relative URLs rebased the way
 * mirage-www meant them (see loaders/rebase-urls.ts), to a file in public/.
 */
function missingImage(url: string, entry: Entry, dirs: { root: string; publicDir: string }): string | undefined {
	if (url === '' || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return undefined;
	const target = safeDecode(url.replace(/[?#].*$/s, ''));
	if (url.startsWith('/')) {
		const file = path.posix.join(dirs.publicDir, target);
		return isFile(path.join(dirs.root, file)) ? undefined : `must be a file in ${dirs.publicDir}/ (${file} does not exist)`;
	}
	if (entry.source.extension === '.mdx') {
		const file = path.posix.join(path.posix.dirname(entry.source.file), target);
		return isFile(path.join(dirs.root, file)) ? undefined : `must exist next to the post (${file} does not exist)`;
	}
	const pageUrl = `/${entry.sectionPath}/${entry.id}/`;
	const resolved = safeDecode(resolvePageRelative(url, pageUrl).replace(/[?#].*$/s, ''));
	const file = path.posix.join(dirs.publicDir, resolved);
	if (isFile(path.join(dirs.root, file))) return undefined;
	return `must exist; on the page ${pageUrl} it means ${resolved}, and ${file} does not exist (write a /-rooted path to a file in ${dirs.publicDir}/)`;
}

function isFile(absolute: string): boolean {
	return statSync(absolute, { throwIfNoEntry: false })?.isFile() ?? false;
}

function safeDecode(s: string): string {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}
