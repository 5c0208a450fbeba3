/**
 * `findReferences` scans only where a reference can be (each `#` before a
 * digit, each `github.com/`) rather than running one regex over the whole
 * text. This checks it against that regex, the definition it replaced, on
 * real mirage-www text and on generated text dense with near-misses.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findReferences } from '../../../packages/project-pages/ci/references.ts';
import { allCorpusMarkdown, corpusAvailable } from '../../helpers/corpus.ts';
import { createRandom } from '../../../bench/lib/random.ts';

// The reference definition: one global regex, with the same checks around each match.
const OWNER = '[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}';
const REPO = '[A-Za-z0-9._-]{1,100}';
const SCANNER = new RegExp(
	`https?://(?:www\\.)?github\\.com/(${OWNER})/(${REPO})/(?:issues|pull)/([0-9]+)|(${OWNER})/(${REPO})#([0-9]+)`,
	'g',
);
function byRegex(text: string): string[] {
	const out: string[] = [];
	for (const m of text.matchAll(SCANNER)) {
		const isUrl = m[1] !== undefined;
		const [owner, repo, num] = isUrl ? [m[1]!, m[2]!, m[3]!] : [m[4]!, m[5]!, m[6]!];
		const before = text.slice(Math.max(0, m.index - 1), m.index);
		const after = text.slice(m.index + m[0].length, m.index + m[0].length + 2);
		if (!isUrl && !/(?:^|[\s([{<"'*_~`>,;])$/.test(before)) continue;
		if (isUrl && /[A-Za-z0-9_/.-]$/.test(before)) continue;
		if (/^(?:[A-Za-z0-9_/#@-]|\.[A-Za-z0-9])/.test(after) && !(isUrl && /^[#?/]/.test(after))) continue;
		if (repo === '.' || repo === '..' || repo.endsWith('.git')) continue;
		const n = Number(num);
		if (!Number.isSafeInteger(n) || n < 1) continue;
		out.push(`${m.index}:${m[0].length}:${owner}/${repo}#${n}`);
	}
	return out;
}
const byScan = (text: string) => findReferences(text).map((r) => `${r.index}:${r.length}:${r.id}`);

const PIECES = [
	'a',
	'b',
	'mirage',
	'-',
	'/',
	'#',
	'1',
	'42',
	'.',
	'_',
	' ',
	'\n',
	'(',
	')',
	'*',
	'`',
	'@',
	':',
	'https://',
	'http://www.',
	'github.com/',
	'/issues/',
	'/pull/',
	'x'.repeat(45),
	'r'.repeat(90),
	'.git',
	'?',
	',',
];

describe('findReferences against the regex it replaced', () => {
	it('agrees on generated text full of near-misses', () => {
		const next = createRandom(7).next;
		const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
		const run = (chars: string, max: number) => Array.from({ length: 1 + Math.floor(next() * max) }, () => pick([...chars])).join('');
		// Whole reference shapes with names near the length limits (39 and 100), so long ones are tried too.
		const shaped = () => {
			const ref = `${run('ab-1', 45)}/${run('rx._-', 110)}`;
			return next() < 0.5
				? `${ref}#${run('0123', 3)}`
				: `${pick(['https://', 'http://www.'])}github.com/${ref}/${pick(['issues', 'pull'])}/${run('019', 3)}`;
		};
		for (let i = 0; i < 20_000; i++) {
			const text = Array.from({ length: 1 + Math.floor(next() * 24) }, () => (next() < 0.2 ? shaped() : pick(PIECES))).join('');
			expect(byScan(text), JSON.stringify(text)).toEqual(byRegex(text));
		}
	});

	it.skipIf(!corpusAvailable('references scan', 'minutes', 'blog', 'wiki', 'minutes-2016', 'rfc-draft'))(
		'agrees on every mirage-www file',
		() => {
			const files = allCorpusMarkdown();
			// 51 + 51 minutes, 40 or 78 posts, 28 docs pages and three 2016 pages.
			expect(files.length).toBeGreaterThan(170);
			let references = 0;
			for (const file of files) {
				const text = readFileSync(file, 'utf8');
				const expected = byRegex(text);
				references += expected.length;
				expect(byScan(text), file).toEqual(expected);
			}
			expect(references).toBeGreaterThan(0);
		},
	);
});
