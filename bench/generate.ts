// Writes a synthetic corpus: node bench/generate.ts --n 1000 --out bench/.work/1000/content [--seed 7]

import { parseArgs } from 'node:util';
import { writeCorpus } from './lib/corpus.ts';

const { values } = parseArgs({
	options: {
		n: { type: 'string', default: '1000' },
		out: { type: 'string' },
		seed: { type: 'string', default: '7' },
	},
});
const n = Number(values.n);
const out = values.out ?? `bench/.work/${n}/content`;
const summary = writeCorpus(out, n, Number(values.seed));
console.log(`wrote ${summary.total} entries (${JSON.stringify(summary.counts)}) and ${summary.people} people to ${out}`);
