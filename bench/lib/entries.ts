// Front matter for each kind, in the formats the site accepts: the site's own
// fields, and (for minutes and blog posts, ~25%) the mirage-www fields.

import type { Random } from './random.ts';
import { raw, type Value } from './yaml.ts';
import { PROJECT_OBJECTS, PROJECT_WORDS, REPOS, SKILLS, TAGS, TOPICS } from './vocabulary.ts';
import { sentence } from './body.ts';

export type Person = { name: string; github: string; url: string };
type Data = { [k: string]: Value };

/** Share of minutes and blog posts written in mirage-www style. */
export const MIRAGE_STYLE_SHARE = 0.25;

export const RFC_STATUSES = ['draft', 'discussion', 'accepted', 'rejected', 'withdrawn', 'implemented', 'superseded'] as const;
const RFC_WEIGHTS = [0.25, 0.2, 0.2, 0.08, 0.07, 0.15, 0.05];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export const isoDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

export function slugify(s: string): string {
	return s
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

function mirageAuthor(p: Person, r: Random): Data {
	const a: Data = { name: p.name, uri: p.url };
	if (r.chance(0.7)) a.email = `${p.github}@example.org`;
	return a;
}

export function minutesData(r: Random, date: string, people: readonly Person[], mirage: boolean) {
	const agenda = r.sample(TOPICS, r.int(3, 6));
	const attendees = r.sample(people, r.int(4, 10)).map((p) => p.name);
	const description = `${date}: ${agenda.slice(0, 3).join(', ')}`;
	const data: Data = mirage
		? {
				updated: raw(date),
				author: mirageAuthor(r.pick(people), r),
				subject: `Weekly Meeting: ${date}`,
				permalink: `weekly-${date}`,
				description,
			}
		: {
				title: `Weekly call: ${agenda[0]}`,
				date: raw(date),
				description,
				chair: attendees[0]!,
				attendees,
				agenda,
			};
	return { data, agenda, attendees, title: mirage ? `Weekly Meeting: ${date}` : (data.title as string) };
}

export function blogData(r: Random, title: string, stem: string, date: Date, people: readonly Person[], mirage: boolean): Data {
	const authors = r.sample(people, r.int(1, 3));
	if (!mirage) {
		return { title, date: raw(isoDate(date)), authors: authors.map((p) => p.name), tags: r.sample(TAGS, r.int(1, 4)) };
	}
	// mirage-www dates are not always zero-padded (`2016-2-29`).
	const updated = r.chance(0.2) ? `${date.getUTCFullYear()}-${date.getUTCMonth() + 1}-${date.getUTCDate()}` : isoDate(date);
	return {
		updated: raw(updated),
		authors: authors.map((p) => mirageAuthor(p, r)),
		subject: title,
		// Like the real corpus, a permalink is sometimes not the file stem.
		permalink: r.chance(0.1) ? `${stem}-post` : stem,
	};
}

function weighted<T>(r: Random, items: readonly T[], weights: readonly number[]): T {
	let x = r.next();
	for (let i = 0; i < items.length; i++) {
		x -= weights[i]!;
		if (x < 0) return items[i]!;
	}
	return items[items.length - 1]!;
}

export function rfcData(r: Random, number: number, count: number, title: string, created: Date, people: readonly Person[]): Data {
	let status = weighted(r, RFC_STATUSES, RFC_WEIGHTS);
	if (status === 'superseded' && count < 2) status = 'implemented';
	const data: Data = {
		number,
		title,
		status,
		authors: r.sample(people, r.int(1, 3)).map((p) => p.name),
		created: raw(isoDate(created)),
		discussion: `https://github.com/mirage/mirage/pull/${r.int(100, 1600)}`,
		affects: r.sample(REPOS, r.int(1, 3)),
	};
	// Superseded by a later RFC when there is one, else by the first.
	if (status === 'superseded') data.supersededBy = number < count ? number + 1 : 1;
	return data;
}

export function projectData(r: Random, people: readonly Person[]): Data {
	return {
		title: `${r.pick(PROJECT_WORDS)} ${r.pick(PROJECT_OBJECTS)}`,
		summary: sentence({ r, targets: [], budget: 0 }),
		difficulty: r.int(1, 3),
		size: r.pick(['small', 'medium', 'large'] as const),
		skills: r.sample(SKILLS, r.int(2, 4)),
		mentors: r.sample(people, r.int(1, 2)).map((p) => p.name),
		repos: r.sample(REPOS, r.int(1, 2)),
		status: r.pick(['available', 'available', 'taken', 'done'] as const),
		program: r.pick(['GSoC', 'Outreachy'] as const),
		year: 2026,
	};
}

export function blogTitle(r: Random): string {
	const forms = [
		() => `Announcing ${r.pick(REPOS).split('/')[1]} ${r.int(0, 9)}.${r.int(0, 20)}`,
		() => `${r.pick(TOPICS)}: an update`,
		() => `Notes from the ${r.pick(['spring', 'autumn', 'winter'])} hackathon`,
		() => `How we ${r.pick(['ported', 'fuzzed', 'benchmarked', 'rewrote'])} ${r.pick(PROJECT_OBJECTS)}`,
	];
	return r.pick(forms)();
}

export function rfcTitle(r: Random): string {
	return `${r.pick(['Unify', 'Redesign', 'Deprecate', 'Introduce', 'Split'])} ${r.pick(PROJECT_OBJECTS)}`;
}
