/**
 * npm run report:minutes [-- <dir>]
 *
 * Runs the minutes extractor over the mirage-www corpus (default:
 * ../shared/corpus/mirage-www/minutes from the repository root) and reports
 * how many calls yield attendees and an agenda, naming the ones that do not,
 * so a change to the extractor can be judged on real data.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseFrontMatter } from '../packages/project-pages/content/front-matter.ts';
import { extractMinutes, type MinutesSummary } from '../packages/project-pages/markdown/extract-minutes.ts';

export const DEFAULT_CORPUS = resolve(import.meta.dirname, '../../shared/corpus/mirage-www/minutes');

export interface CorpusReport {
	total: number;
	withAttendees: number;
	withAgenda: number;
	withBoth: number;
	withChair: number;
	missingAttendees: string[];
	missingAgenda: string[];
	summaries: Map<string, MinutesSummary>;
}

/** Extracts every `*.md` directly in `dir` (not sub-folders such as legacy-2016/). */
export function reportCorpus(dir: string): CorpusReport {
	const files = readdirSync(dir)
		.filter((f) => f.endsWith('.md'))
		.sort();
	const summaries = new Map<string, MinutesSummary>();
	for (const file of files) {
		// The site's own front-matter parser: YAML only, never code.
		const { body, data } = parseFrontMatter(file, readFileSync(join(dir, file), 'utf8'));
		const asText = (v: unknown) => (typeof v === 'string' ? v : undefined);
		const asList = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);
		summaries.set(
			file,
			extractMinutes(body, { chair: asText(data.chair), attendees: asList(data.attendees), agenda: asList(data.agenda) }),
		);
	}
	const all = [...summaries];
	return {
		total: files.length,
		withAttendees: all.filter(([, s]) => s.attendees.length > 0).length,
		withAgenda: all.filter(([, s]) => s.agenda.length > 0).length,
		withBoth: all.filter(([, s]) => s.attendees.length > 0 && s.agenda.length > 0).length,
		withChair: all.filter(([, s]) => s.chair !== undefined).length,
		missingAttendees: all.filter(([, s]) => s.attendees.length === 0).map(([f]) => f),
		missingAgenda: all.filter(([, s]) => s.agenda.length === 0).map(([f]) => f),
		summaries,
	};
}

function main(): void {
	const dir = resolve(process.argv[2] ?? DEFAULT_CORPUS);
	if (!existsSync(dir)) {
		console.error(`report:minutes: no corpus at ${dir}; pass the minutes folder as the first argument.`);
		process.exit(2);
	}
	const start = performance.now();
	const r = reportCorpus(dir);
	const ms = performance.now() - start;
	console.log(`${dir}: ${r.total} calls (${ms.toFixed(0)} ms)`);
	console.log(`  attendees:        ${r.withAttendees}/${r.total}`);
	console.log(`  agenda:           ${r.withAgenda}/${r.total}`);
	console.log(`  attendees+agenda: ${r.withBoth}/${r.total}`);
	console.log(`  chair:            ${r.withChair}/${r.total}`);
	console.log(`  no attendees: ${r.missingAttendees.join(', ') || '(none)'}`);
	console.log(`  no agenda:    ${r.missingAgenda.join(', ') || '(none)'}`);
}

if (import.meta.main) main();
