/**
 * The cost of rendering untrusted content grows at most linearly with its
 * size. Each hostile shape is run at n and at 4n, several times
 * interleaved, and the growth per doubling, sqrt(t(4n) / t(n)), must stay
 * well below 4 (what each doubling costs when time grows with the square of
 * the size; linear is 2). Time is this process's CPU time, which other work
 * on the machine barely changes, and the least of several runs, which
 * noise only ever adds to. No absolute time is asserted.
 *
 * Before the fixes, `a_a_a…` and `._._.…` (Sätteri's `_` emphasis), a long
 * "Attendees:" paragraph (the minutes extractor) and a run of dots in a
 * name were quadratic; the other shapes pin what is linear today. */
import { describe, expect, it } from 'vitest';
import { scanBody } from '../../packages/project-pages/checker/markdown-links.ts';
import { extractMinutes, MAX_BODY } from '../../packages/project-pages/markdown/extract-minutes.ts';
import { findLabelledItems } from '../../packages/project-pages/markdown/minutes-items.ts';
import { parsePeople } from '../../packages/project-pages/markdown/minutes-people.ts';
import { MAX_TAGS } from '../../packages/project-pages/markdown/input-guard.ts';
import { renderMarkdown } from '../../packages/project-pages/markdown/render.ts';

/**
 * Per doubling: linear gives 2, n log n a little more, quadratic 4. Measured: the linear shapes below
 * 1.8-2.5 on a quiet machine and up to 2.95 with two busy processes beside the suite (a megabyte of
 * input misses the caches those share); the quadratic calibration at the end 4 and more.
 */
const MAX_RATIO = 3.4;
const ROUNDS = 5;
/**
 * After two rounds, a ratio under this ends the measure: more rounds only lower the least times, and
 * to end above MAX_RATIO the small size's would have to fall to two thirds of what two rounds found
 * (1 / (3.4 / 2.8)² = 0.68) with the large one's staying put. Linear shapes measure 1.8-2.5, so most stop at two rounds; a ratio
 * in between takes all five.
 */
const CLEARLY_LINEAR = 2.8;
const EARLY_ROUNDS = 2;

/** CPU time of this process (user and system, all its threads: the garbage collector's too), in ms. */
async function timeMs(work: () => unknown): Promise<number> {
	const start = process.cpuUsage();
	await work();
	const used = process.cpuUsage(start);
	return (used.user + used.system) / 1000;
}

/** Growth per doubling between n and 4n, from the least CPU time of interleaved runs at each size. */
async function growth(make: (n: number) => string, n: number, run: (source: string) => unknown): Promise<number> {
	const small = make(n);
	const large = make(4 * n);
	await run(small);
	await run(large);
	let a = Infinity;
	let b = Infinity;
	// Below a few milliseconds the clock's granularity would decide.
	const ratio = () => Math.sqrt(b / Math.max(a, 2));
	for (let round = 1; round <= ROUNDS; round++) {
		a = Math.min(a, await timeMs(() => run(small)));
		b = Math.min(b, await timeMs(() => run(large)));
		if (round >= EARLY_ROUNDS && ratio() < CLEARLY_LINEAR) break;
	}
	return ratio();
}

const render = (source: string) => renderMarkdown(source, { trusted: false });

const RENDERED: Array<[string, (n: number) => string, number]> = [
	['intraword underscores a_a_a…', (n) => 'a_'.repeat(n), 60_000],
	['punctuation-flanked underscores ._._…', (n) => '._'.repeat(n), 60_000],
	['underscores in a heading', (n) => `# ${'a_'.repeat(n)}`, 60_000],
	['many emphasis delimiters', (n) => '*a **b _c __d '.repeat(n), 10_000],
	['unclosed brackets', (n) => '['.repeat(n), 100_000],
	['image and link openers', (n) => '![a]('.repeat(n), 30_000],
	['a long list of link reference definitions and uses', (n) => `${'[r]: /x\n'.repeat(n)}\n${'[r] '.repeat(n)}`, 10_000],
	['unclosed tag-like text', (n) => '<a '.repeat(n), 50_000],
	['tags past the reparse limit', (n) => '<b>x</b> '.repeat(n), 20_000],
	// Under MAX_TAGS the raw-HTML reparse grows faster than the depth (600 to 2,400 levels: 10 times the CPU), and
	// the limit is what bounds it; past the limit the tags are escaped, which must stay linear. (At 2,000 levels, as
	// this case had it, 4n crossed the limit and measured 0.5: two regimes, no growth.)
	['nested raw elements past the tag limit', (n) => `${'<div><span>'.repeat(n)}x`, MAX_TAGS],
	['character references', (n) => '&amp; &#x41; '.repeat(n), 20_000],
	['smart punctuation', (n) => `"a" 'b' -- ... `.repeat(n), 20_000],
	['deep blockquotes line after line', (n) => '> > > > > > > > a\n'.repeat(n), 10_000],
	['a deeply nested list', (n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i % 100)}- a`).join('\n'), 5_000],
	['backslashes before underscores', (n) => '\\\\\\_'.repeat(n), 30_000],
];

describe('rendering untrusted content grows at most linearly', () => {
	it.each(RENDERED)('%s', async (_name, make, n) => {
		expect(await growth(make, n, render)).toBeLessThan(MAX_RATIO);
	});
});

describe('reading minutes and checking links grow at most linearly', () => {
	const names = (n: number) => Array.from({ length: n }, (_, i) => `Person${i} Name`).join(', ');
	it.each([
		['names', names, 20_000],
		['words without a separator', (n: number) => 'word '.repeat(n), 50_000],
		['a name ending in a long run of dots', (n: number) => `A, ${'.'.repeat(n)}x`, 200_000],
		['a "(chair)" after a long run without a separator', (n: number) => `${'word '.repeat(n)}(chair)`, 50_000],
	])('the attendees parser on %s', async (_name, make, n) => {
		expect(await growth(make, n, (s) => parsePeople(s))).toBeLessThan(MAX_RATIO);
	});

	it('the action parser on labelled lines', async () => {
		expect(
			await growth(
				(n) => 'Action: Anil to do it\n'.repeat(n),
				20_000,
				(s) => findLabelledItems(s),
			),
		).toBeLessThan(MAX_RATIO);
	});

	it('the whole extractor on an "Attendees:" paragraph, under its size limit', async () => {
		const paragraph = (n: number) => `Attendees: ${names(n)}`;
		// Past the limit nothing would be extracted, and the ratio would say nothing.
		expect(paragraph(4 * 3_000).length).toBeLessThan(MAX_BODY);
		expect(extractMinutes(paragraph(4 * 3_000)).attendees).toHaveLength(12_000);
		expect(await growth(paragraph, 3_000, (s) => extractMinutes(s))).toBeLessThan(MAX_RATIO);
	});

	// An HTML block (from `<div>` to a blank line) is one node, read for its tags' sources and links; at 4n
	// tags it stays under the input guard's MAX_TAGS, past which its `<` would be text. Reading tags with a
	// pattern that looked past the next `<` for a closing quote or `>` measured 3.9 and 4.4 on the first
	// two; working out a long line's column prefix again for each source on it, 4.1 on the last.
	it.each([
		['tags that never close', (n: number) => `<div>\n${'<img src="/a.png" '.repeat(n)}\n`],
		['quoted values that never close', (n: number) => `<div>\n${'<a title="x href=/b/ '.repeat(n)}\n`],
		['closed tags, a link on each line', (n: number) => `<div>\n${'<a href="/b/">x</a>\n'.repeat(Math.ceil(n / 2))}</div>\n`],
		[
			'a srcset of as many candidates as lines before it',
			(n: number) => `<div>\n${'x\n'.repeat(n * 5)}<img srcset="${'a,'.repeat(n * 5)}">\n`,
		],
	])('the checker reading raw HTML: %s', async (_name, make) => {
		expect(await growth(make, Math.floor(MAX_TAGS / 5), (s) => scanBody(s, 1))).toBeLessThan(MAX_RATIO);
	});

	it('the checker locating GitHub references on the lines of one long paragraph', async () => {
		// Each one's line was counted by rereading the paragraph up to it: 4.0 here.
		expect(
			await growth(
				(n) => `See ${'mirage/mirage#1 and\n'.repeat(n)}\n`,
				2_000,
				(s) => scanBody(s, 1),
			),
		).toBeLessThan(MAX_RATIO);
	});

	it('the checker scanning ._._._ for links', async () => {
		expect(
			await growth(
				(n) => '._'.repeat(n),
				4_000,
				(s) => scanBody(s, 1),
			),
		).toBeLessThan(MAX_RATIO);
	});
});

describe('the measure itself', () => {
	it('tells quadratic growth: a function that rereads its input up to each character measures above the limit', async () => {
		const rereading = (source: string) => {
			let sum = 0;
			for (let i = 0; i < source.length; i++) for (let j = 0; j < i; j++) sum += source.charCodeAt(j);
			return sum;
		};
		expect(await growth((n) => 'ab'.repeat(n), 1_000, rereading)).toBeGreaterThan(MAX_RATIO);
	});
});
