// The corpus check of issue 6: over mirage-www's 51 minutes, at least 40
// must yield both attendees and an agenda.
import { describe, expect, it } from 'vitest';
import { reportCorpus } from '../../../scripts/report-minutes-corpus.ts';
import { corpusAvailable, corpusCount, corpusPath } from '../../helpers/corpus.ts';

const haveCorpus = corpusAvailable('minutes corpus check', 'minutes');
const MINUTES = haveCorpus ? corpusPath('minutes') : '';

describe.skipIf(!haveCorpus)('minutes corpus', () => {
	it('yields attendees and an agenda for at least 40 of the 51 calls', () => {
		const r = reportCorpus(MINUTES);
		expect(r.total).toBe(corpusCount('minutes'));
		expect(r.withBoth).toBeGreaterThanOrEqual(40);
		// Today: all but 2013-06-04, whose notes have no agenda.
		expect(r.missingAgenda).toEqual(['2013-06-04.md']);
		expect(r.missingAttendees).toEqual([]);
	});

	it('never names a sentence as an attendee', () => {
		const { summaries } = reportCorpus(MINUTES);
		expect(summaries.size).toBe(corpusCount('minutes'));
		for (const [file, s] of summaries) {
			for (const name of s.attendees) expect(name.split(' ').length, `${file}: ${name}`).toBeLessThanOrEqual(4);
			if (s.chair) expect(s.attendees, file).toContain(s.chair);
		}
	});
});
