import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusAvailable, corpusPath } from '../../helpers/corpus.ts';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../../packages/project-pages/content/front-matter.ts';
import { MAX_BODY, extractMinutes } from '../../../packages/project-pages/markdown/extract-minutes.ts';

const haveCorpus = corpusAvailable('extract-minutes on real minutes', 'minutes');

function corpusFile(name: string) {
	return extractMinutes(parseFrontMatter(name, readFileSync(join(corpusPath('minutes'), name), 'utf8')).body);
}

describe('extractMinutes on mirage-www shapes', () => {
	it('reads the agenda under a closed ATX heading, with reference-style links in items', () => {
		const s = extractMinutes(
			'### Agenda ###\n\n- Blog posts\n  - Charrua\n- [unikernel.org][] launch\n- MirageOS AppVMs on Qubes\n\n[unikernel.org]: http://unikernel.org\n\n### Notes ###\n\n- not agenda\n',
		);
		expect(s.agenda).toEqual(['Blog posts', 'unikernel.org launch', 'MirageOS AppVMs on Qubes']);
	});

	it('reads a wrapped "Attendees:" paragraph with the chair and "and" before the last name', () => {
		const s = extractMinutes(
			'Attendees: Amir Chaudhry (chair), Thomas Gazagnaire, David Kaloper,\nThomas Leonard, Jon Ludlam, Richard\nMortier, Dave Scott and Nicolas Ojeda Bar\n\n### Notes ###\n',
		);
		expect(s.chair).toBe('Amir Chaudhry');
		expect(s.attendees).toEqual([
			'Amir Chaudhry',
			'Thomas Gazagnaire',
			'David Kaloper',
			'Thomas Leonard',
			'Jon Ludlam',
			'Richard Mortier',
			'Dave Scott',
			'Nicolas Ojeda Bar',
		]);
	});

	it('reads emphasised labels, names on the next paragraph, asides and full stops', () => {
		expect(extractMinutes('*Attendees*: Anil Madhavapeddy, Dave Scott, Daniel Bünzli.').attendees).toEqual([
			'Anil Madhavapeddy',
			'Dave Scott',
			'Daniel Bünzli',
		]);
		expect(extractMinutes('*Attendees:* Jon Ludlam, Mike McClurg').attendees).toEqual(['Jon Ludlam', 'Mike McClurg']);
		const next = extractMinutes(
			'Attendees:\n\nAmir (chair), Richard (Mort) Mortier, talex5, matt-g and Magnus Skjegstad (with guest appearances from\nWanda and Bella).',
		);
		expect(next).toMatchObject({ chair: 'Amir', attendees: ['Amir', 'Richard Mortier', 'talex5', 'matt-g', 'Magnus Skjegstad'] });
	});

	it('reads an "## Attendees" heading followed by a paragraph or a list; a secretary is not a chair', () => {
		expect(extractMinutes('## Attendees\n\nDaniel Buenzli, Richard (mort) Mortier (secretary), Mindy Preston\n')).toEqual({
			attendees: ['Daniel Buenzli', 'Richard Mortier', 'Mindy Preston'],
			agenda: [],
			actions: [],
			decisions: [],
			rfcMentions: [],
			chair: undefined,
			inNotes: { chair: false, attendees: true, agenda: false },
		});
		expect(extractMinutes('## Attendees\n\n- Hannes Mehnert (chair)\n- Reynir Björnsson\n')).toMatchObject({
			chair: 'Hannes Mehnert',
			attendees: ['Hannes Mehnert', 'Reynir Björnsson'],
		});
	});

	it('leaves the agenda empty when the minutes have none, and never takes a notes list for one', () => {
		const s = extractMinutes(
			'*Attendees:* Jon Ludlam, Dave Scott\n\n### Mirari\n\n- Vincent will send patches\n- Anil: drop OPAM switch\n',
		);
		expect(s.agenda).toEqual([]);
		expect(extractMinutes('- one\n- two\n\nJust notes, nobody listed.').agenda).toEqual([]);
	});

	it('takes a list opening the minutes, before the attendees, as the agenda (2015-08-26 shape)', () => {
		expect(extractMinutes('+ Quality and Test\n+ Rust progress\n\n## Attendees\n\nAnil, Mort\n').agenda).toEqual([
			'Quality and Test',
			'Rust progress',
		]);
	});

	it('leaves attendees empty for prose that only mentions attendees', () => {
		expect(extractMinutes('Some thoughts from the attendees included: testing matters.\n').attendees).toEqual([]);
		expect(extractMinutes('After a quick poll of attendees, it was agreed.').attendees).toEqual([]);
	});
});

describe('actions, decisions and RFC mentions', () => {
	it('reads Action: lines, ACTION:, bracketed owners, and task-list items with their state', () => {
		const s = extractMinutes(
			[
				'We talked.\nAction: Anil to deploy the new\nsite this week\nACTION: review the TLS patch',
				'Action (Mort): write up the hackathon',
				'- [x] Action: Hannes Mehnert to announce Solo5 0.10\n- [ ] @samoht: merge the Irmin PR\n- [ ] tidy the wiki',
				'```\nAction: in a code block is not an action\n```',
			].join('\n\n'),
		);
		expect(s.actions).toEqual([
			{ owner: 'Anil', text: 'deploy the new site this week', done: false },
			{ text: 'review the TLS patch', done: false },
			{ owner: 'Mort', text: 'write up the hackathon', done: false },
			{ owner: 'Hannes Mehnert', text: 'announce Solo5 0.10', done: true },
			{ owner: '@samoht', text: 'merge the Irmin PR', done: false },
			{ text: 'tidy the wiki', done: false },
		]);
	});

	it('reads Decision: lines, emphasised or not, and not prose that merely decides', () => {
		const s = extractMinutes(
			'*Decision:* Initial cloud APIs are libvirt\nand EC2.\n\nDecision to stick with 4.00.\n\nDecision: drop 4.01.',
		);
		expect(s.decisions).toEqual(['Initial cloud APIs are libvirt and EC2.', 'drop 4.01.']);
	});

	it('finds RFCs by number and by link, once each, in order', () => {
		const s = extractMinutes(
			'We accepted RFC 3 and [the args RFC](/rfcs/0004-runtime-args/); RFC #1, RFC 0001 and rfc-2 came up. RFC 3 again. Not RFC 2.1.5 or RFCs.',
		);
		expect(s.rfcMentions).toEqual([3, 4, 1, 2]);
	});
});

describe('new-style front matter', () => {
	it('takes chair, attendees and agenda from the front matter over the body', () => {
		const s = extractMinutes('## Agenda\n\n1. Body item\n\n## Attendees\n\n- Body Person\n', {
			chair: 'Thomas Gazagnaire',
			attendees: ['Thomas Gazagnaire', 'Hannes Mehnert'],
			agenda: ['Solo5 0.10 follow-up'],
		});
		expect(s).toMatchObject({
			chair: 'Thomas Gazagnaire',
			attendees: ['Thomas Gazagnaire', 'Hannes Mehnert'],
			agenda: ['Solo5 0.10 follow-up'],
		});
	});

	it('falls back to the body when the front matter lists are empty', () => {
		const s = extractMinutes('## Agenda\n\n1. Body item\n\n## Attendees\n\n- Body Person (chair)\n', { attendees: [], agenda: [] });
		expect(s).toMatchObject({ chair: 'Body Person', attendees: ['Body Person'], agenda: ['Body item'] });
	});

	it('reads the template written by `npm run new minutes`', () => {
		const s = extractMinutes(
			'## Agenda\n\n1. First item\n\n## Attendees\n\n- Ada\n\n## Notes\n\nText.\n\n## Actions\n\n- [ ] Action: Ada to write up the next steps\n\n## Decisions\n\nDecision: one line per decision.\n',
		);
		expect(s).toEqual({
			chair: undefined,
			attendees: ['Ada'],
			agenda: ['First item'],
			actions: [{ owner: 'Ada', text: 'write up the next steps', done: false }],
			decisions: ['one line per decision.'],
			rfcMentions: [],
			// The notes open with both: the page's summary box leaves them out rather than repeat them.
			inNotes: { chair: false, attendees: true, agenda: true },
		});
	});

	it('returns empty lists for an empty body', () => {
		expect(extractMinutes('')).toEqual({
			chair: undefined,
			attendees: [],
			agenda: [],
			actions: [],
			decisions: [],
			rfcMentions: [],
			inNotes: { chair: false, attendees: false, agenda: false },
		});
	});
});

describe.skipIf(!haveCorpus)('real mirage-www minutes', () => {
	it('2015-02-11: closed ATX agenda, wrapped attendees with chair, reference-style links', () => {
		const s = corpusFile('2015-02-11.md');
		expect(s.agenda).toEqual([
			'Improving Quality',
			'Error Handling RFC',
			'TLS merge progress',
			'OPAM 1.2 only',
			'GSoC Projects',
			'FOSDEM demo',
			'Bitcoin Piñata',
		]);
		expect(s.chair).toBe('Amir Chaudhry');
		expect(s.attendees).toHaveLength(11);
		expect(s.attendees).toContain('Richard Mortier');
		expect(s.attendees.at(-1)).toBe('Nicolas Ojeda Bar');
	});

	it('2013-06-04: attendees but no agenda at all', () => {
		const s = corpusFile('2013-06-04.md');
		expect(s.agenda).toEqual([]);
		expect(s.attendees).toEqual([
			'Jonathan Ludlam',
			'Vincent Bernardoff',
			'Dave Scott',
			'Anil Madhavapeddy',
			'Amir Chaudhry',
			'Mike McClurg',
		]);
		expect(s.chair).toBeUndefined();
	});

	it('2013-04-16: emphasised label, open ATX agenda with speakers, one decision', () => {
		const s = corpusFile('2013-04-16.md');
		expect(s.agenda[0]).toBe('Anil Madhavapeddy: overview of release goals');
		expect(s.attendees).toContain('David Sheets');
		expect(s.decisions).toHaveLength(1);
		expect(s.decisions[0]).toMatch(/^Initial cloud APIs to target are libvirt/);
		expect(s.actions).toEqual([]);
	});

	it('2014-09-16: an aside spanning names is not taken for attendees', () => {
		const s = corpusFile('2014-09-16.md');
		expect(s.attendees.at(-1)).toBe('Magnus Skjegstad');
		expect(s.attendees).not.toContain('Wanda');
	});

	it('2015-08-26: unheaded agenda list and an "## Attendees" heading', () => {
		const s = corpusFile('2015-08-26.md');
		expect(s.agenda).toEqual(['Quality and Test', 'Rust progress', 'Irmin API changes', 'Minutes of previous calls']);
		expect(s.attendees[2]).toBe('Thomas Gazagnaire');
		expect(s.chair).toBeUndefined();
	});
});

describe('action owners are not guessed', () => {
	it.each([
		['Action: We will look into the TLS patch', undefined],
		['Action: Everyone to review RFC 3', undefined],
		['Action: the website needs a rebuild', undefined],
		['Action: Thomas G. will ping upstream', 'Thomas G.'],
		['Action: Dave and Mort to merge', 'Dave and Mort'],
	])('%s → owner %s', (line, owner) => {
		expect(extractMinutes(line).actions[0]!.owner).toBe(owner);
	});
});

describe('hostile minutes bodies', () => {
	it('reads only the front matter from a body past MAX_BODY', () => {
		const body = `Attendees: Mallory\n\nAction: Mallory to x\n\nRFC 1\n\n${'word '.repeat(60_000)}`;
		expect(body.length).toBeGreaterThan(MAX_BODY);
		expect(extractMinutes(body, { chair: 'Ada', attendees: ['Ada'] })).toEqual({
			chair: 'Ada',
			attendees: ['Ada'],
			agenda: [],
			actions: [],
			decisions: [],
			rfcMentions: [],
			inNotes: { chair: false, attendees: false, agenda: false },
		});
	});

	it.each([
		['deeply nested emphasis', `${'*a _'.repeat(20_000)}x${'_ a*'.repeat(20_000)}`],
		['deeply nested task lists', Array.from({ length: 400 }, (_, i) => `${' '.repeat(i * 2)}- [ ] Action: x`).join('\n')],
		['30,000 character references in one paragraph', `Attendees: Ada\n\n${'&copy; '.repeat(30_000)}`],
		['entities spread over paragraphs', `Attendees: Ada\n\n${`${'&amp; '.repeat(900)}\n\n`.repeat(40)}`],
	])('survives %s', (_name, body) => {
		// A blow-up on these would not finish; the test timeout ends it. Speed is `npm run bench`'s to measure.
		const s = extractMinutes(body);
		expect(s.agenda).toEqual([]);
	});
});
