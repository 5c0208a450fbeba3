// Plans and writes a synthetic corpus of N entries (40% minutes, 30% blog
// posts, 10% RFCs, 20% projects) plus people.yaml. Planning comes first so
// bodies can link to any other page of the corpus.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom, type Random } from './random.ts';
import { FIRST_NAMES, LAST_NAMES } from './vocabulary.ts';
import { blogBody, minutesBody, projectBody, rfcBody, type LinkTarget } from './body.ts';
import { frontMatter, yamlList, type Value } from './yaml.ts';
import {
	MIRAGE_STYLE_SHARE,
	blogData,
	blogTitle,
	isoDate,
	minutesData,
	projectData,
	rfcData,
	rfcTitle,
	slugify,
	type Person,
} from './entries.ts';

export const KINDS = ['minutes', 'blog', 'rfcs', 'projects'] as const;
export type Kind = (typeof KINDS)[number];

export type CorpusSummary = { total: number; counts: Record<Kind, number>; people: number; files: string[] };

const DAY = 86_400_000;
const FIRST_CALL = Date.UTC(1990, 0, 1);
const LAST_CALL = Date.UTC(2025, 11, 31);

export function kindCounts(n: number): Record<Kind, number> {
	const minutes = Math.round(n * 0.4);
	const blog = Math.round(n * 0.3);
	const rfcs = Math.round(n * 0.1);
	return { minutes, blog, rfcs, projects: n - minutes - blog - rfcs };
}

/**
 * Where the site serves an entry, for internal links: minutes under /weekly/,
 * and a mirage-www permalink wins over the file stem (as in the site's routes).
 */
export function urlFor(kind: Kind, stem: string, permalink?: string): string {
	const section = kind === 'minutes' ? 'weekly' : kind;
	return `/${section}/${permalink ?? stem}/`;
}

function makePeople(r: Random, count: number): Person[] {
	const names = new Set<string>();
	while (names.size < count) names.add(`${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`);
	return [...names].map((name) => {
		const github = slugify(name).replace(/-/g, '');
		return { name, github, url: `https://github.com/${github}` };
	});
}

/** A stem not yet used in this kind: slug, then slug-2, slug-3, ... */
function uniqueStem(used: Set<string>, base: string): string {
	let stem = base;
	for (let i = 2; used.has(stem); i++) stem = `${base}-${i}`;
	used.add(stem);
	return stem;
}

type Planned = { kind: Kind; stem: string; title: string; data: { [k: string]: Value }; body: (targets: LinkTarget[]) => string };

function plan(r: Random, n: number, people: Person[]): Planned[] {
	const counts = kindCounts(n);
	const out: Planned[] = [];
	// Minutes: one call per date, spread evenly from 1990 so every year has some.
	const step = Math.max(1, Math.floor((LAST_CALL - FIRST_CALL) / DAY / Math.max(1, counts.minutes)));
	for (let i = 0; i < counts.minutes; i++) {
		const date = isoDate(new Date(FIRST_CALL + i * step * DAY));
		const mirage = r.chance(MIRAGE_STYLE_SHARE);
		const m = minutesData(r, date, people, mirage);
		const call = { agenda: m.agenda, attendees: m.attendees, rfcCount: counts.rfcs, mirage };
		out.push({ kind: 'minutes', stem: date, title: m.title, data: m.data, body: (t) => minutesBody(r, t, call) });
	}
	const blogStems = new Set<string>();
	for (let i = 0; i < counts.blog; i++) {
		const title = blogTitle(r);
		const stem = uniqueStem(blogStems, slugify(title));
		const date = new Date(Date.UTC(2010, 0, 1) + r.int(0, 16 * 365) * DAY);
		const data = blogData(r, title, stem, date, people, r.chance(MIRAGE_STYLE_SHARE));
		out.push({ kind: 'blog', stem, title, data, body: (t) => blogBody(r, t) });
	}
	const rfcStems = new Set<string>();
	for (let i = 0; i < counts.rfcs; i++) {
		const title = rfcTitle(r);
		const number = i + 1;
		const stem = uniqueStem(rfcStems, `${String(number).padStart(4, '0')}-${slugify(title)}`);
		const created = new Date(Date.UTC(2014, 0, 1) + r.int(0, 11 * 365) * DAY);
		const data = rfcData(r, number, counts.rfcs, title, created, people);
		out.push({ kind: 'rfcs', stem, title, data, body: (t) => rfcBody(r, t) });
	}
	const projectStems = new Set<string>();
	for (let i = 0; i < counts.projects; i++) {
		const data = projectData(r, people);
		const title = data.title as string;
		const stem = uniqueStem(projectStems, slugify(title));
		out.push({ kind: 'projects', stem, title, data, body: (t) => projectBody(r, t) });
	}
	return out;
}

/** Writes `<dir>/{minutes,blog,rfcs,projects}/*.md` and `<dir>/people.yaml`, replacing `dir`. */
export function writeCorpus(dir: string, n: number, seed = 7): CorpusSummary {
	const r = createRandom(seed);
	const people = makePeople(r, Math.min(80, Math.max(12, Math.round(n / 25))));
	const entries = plan(r, n, people);
	const targets = entries.map((e) => ({ url: urlFor(e.kind, e.stem, e.data.permalink as string | undefined), title: e.title }));

	rmSync(dir, { recursive: true, force: true });
	for (const kind of KINDS) mkdirSync(join(dir, kind), { recursive: true });
	const files: string[] = [];
	for (const e of entries) {
		const file = join(e.kind, `${e.stem}.md`);
		writeFileSync(join(dir, file), frontMatter(e.data) + '\n' + e.body(targets));
		files.push(file);
	}
	writeFileSync(join(dir, 'people.yaml'), yamlList(people));
	return { total: entries.length, counts: kindCounts(n), people: people.length, files };
}
