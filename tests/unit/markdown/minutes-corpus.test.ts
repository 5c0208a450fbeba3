// The corpus check of issue 6: over mirage-www's 51 minutes, at least 40
// must yield both attendees and an agenda.
import { corpusAvailable } from '../../helpers/corpus.ts';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { reportCorpus } from '../../../scripts/report-minutes-corpus.ts';
import { CORPUS } from '../../helpers/corpus.ts';

const DEFAULT_CORPUS = join(CORPUS, 'minutes');

const haveCorpus = corpusAvailable('minutes corpus check', 'minutes');

describe.skipIf(!haveCorpus)('minutes corpus', () => {
	it('yields attendees and an agenda for at least 40 of the 51 calls', () => {
		const r = reportCorpus(DEFAULT_CORPUS);
		expect(r.total).toBe(51);
		expect(r.withBoth).toBeGreaterThanOrEqual(40);
		// Today: all but 2013-06-04, whose notes have no agenda.
		expect(r.missingAgenda).toEqual(['2013-06-04.md']);
		expect(r.missingAttendees).toEqual([]);
	});

	it('never names a sentence as an attendee', () => {
		for (const [file, s] of reportCorpus(DEFAULT_CORPUS).summaries) {
			for (const name of s.attendees) expect(name.split(' ').length, `${file}: ${name}`).toBeLessThanOrEqual(4);
			if (s.chair) expect(s.attendees, file).toContain(s.chair);
		}
	});
});
