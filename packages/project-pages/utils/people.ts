/**
 * Resolves the names content uses (a plain name, an alias, a GitHub handle,
 * or mirage-www's `{name, uri}` map) against the people file. An unknown name
 * is not an error: it renders as plain text.
 */
import type { PersonData } from '../content/schemas.ts';
import { OWNER_PATTERN } from './github-names.ts';

/** A GitHub profile URL, as mirage-www's `uri` often is: the handle is GitHub's user-name rule. */
const PROFILE = new RegExp(`^https?://github\\.com/(${OWNER_PATTERN})/?$`);

export interface PersonRefLike {
	name: string;
	url?: string;
	github?: string;
}

export interface ResolvedPerson {
	name: string;
	/** The person's page on this site, when they are in the people file. */
	handle?: string;
	/** An outside URL written in the content, for people without a page. */
	url?: string;
}

export class PeopleIndex {
	readonly #byKey = new Map<string, PersonData>();
	readonly people: readonly PersonData[];

	constructor(people: readonly PersonData[]) {
		this.people = people;
		for (const person of people) {
			for (const key of [person.name, person.github, ...person.aliases]) this.#byKey.set(normalize(key), person);
		}
	}

	find(ref: PersonRefLike | string): PersonData | undefined {
		const r = typeof ref === 'string' ? { name: ref } : ref;
		const fromUrl = r.url?.match(PROFILE)?.[1];
		for (const key of [r.github, r.name, fromUrl]) {
			const hit = key ? this.#byKey.get(normalize(key)) : undefined;
			if (hit) return hit;
		}
		return undefined;
	}

	resolve(ref: PersonRefLike | string): ResolvedPerson {
		const r = typeof ref === 'string' ? { name: ref } : ref;
		const person = this.find(r);
		if (person) return { name: person.name, handle: person.github };
		return r.url && /^https?:\/\//.test(r.url) ? { name: r.name, url: r.url } : { name: r.name };
	}
}

function normalize(name: string): string {
	return name.normalize('NFKC').trim().replace(/^@/, '').replace(/\s+/g, ' ').toLowerCase();
}
