/**
 * The variants of an ocaml-ci run, read from its check run's summary.
 * ocaml-ci (ocurrent/ocaml-ci, `service/pipeline.ml`) reports one check run
 * named `ocaml-ci` per commit, updated in place, whose markdown summary has
 * one line per variant, sorted by label:
 *
 *     ✅ [debian-12-5.3_opam-2.3 (passed)](https://ocaml.ci.dev/…/variant/…)
 *     ❌ [alpine-3.21-5.3_opam-2.3 (failed: Exit code 2)](…)
 *     ❌ [EXPERIMENTAL: macos-homebrew-5.3_opam-2.3 (failure: Exit code 1)](…)
 *     🟠 [freebsd-14.2-5.3_opam-2.3 (active)](…)
 *     ¯\_(ツ)_/¯ [(lint-doc) (skipped)](…)
 *
 * A failure message may run over several lines; lines that start no entry
 * belong to the one before. Anything else in the summary (other CIs write
 * prose) yields no variants. Pure; links go through the one URL rule.
 */
import { safeHttpUrl } from '../utils/safe-url.ts';
import type { Variant } from './snapshot-schema.ts';

/** More than any ocaml-ci run has (about 30); bounds what a hostile summary can make us keep. */
export const MAX_VARIANTS = 200;
const MAX_NAME = 200;
const MAX_DETAIL = 500;
// A real line is about 150 characters; longer ones are skipped, which keeps the patterns below cheap on hostile input.
const MAX_ENTRY = 1000;

const MARKERS = ['✅', '❌', '🟠', '¯\\_(ツ)_/¯'] as const;
// The link's target may hold balanced parentheses, as markdown allows: a lint
// variant's job is `…/variant/(lint-fmt)/…`.
const ENTRY = /^(✅|❌|🟠|¯\\_\(ツ\)_\/¯) \[([\s\S]*)\]\(((?:[^()\s]|\([^()\s]*\))*)\)\s*$/;
// The label is everything before the last " (" that opens one of the outcomes ocaml-ci writes.
const OUTCOME = /^(EXPERIMENTAL: )?([\s\S]+?) \((passed|skipped|active|failed: [\s\S]*|failure: [\s\S]*)\)$/;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function variantState(outcome: string): Variant['state'] {
	if (outcome === 'passed') return 'success';
	if (outcome === 'skipped') return 'neutral';
	if (outcome === 'active') return 'pending';
	return 'failure';
}

/** The variants a summary lists, in its order; `truncated` when some could not be kept (over MAX_VARIANTS, or unreadable). */
export function parseOcamlCiSummary(summary: string | undefined): { variants: Variant[]; truncated: boolean } {
	if (!summary || !MARKERS.some((m) => summary.includes(m))) return { variants: [], truncated: false };
	const entries: string[] = [];
	for (const line of summary.split(/\r\n|\r|\n/)) {
		if (MARKERS.some((m) => line.startsWith(`${m} [`))) entries.push(line);
		else if (entries.length > 0 && line.trim() !== '' && entries[entries.length - 1]!.length <= MAX_ENTRY)
			entries[entries.length - 1] += `\n${line}`;
	}
	const variants: Variant[] = [];
	let truncated = false;
	for (const entry of entries) {
		const m = entry.length <= MAX_ENTRY ? ENTRY.exec(entry) : null;
		const o = m && OUTCOME.exec(m[2]!);
		if (!m || !o) {
			// It starts like a variant but is not one ocaml-ci writes: say some are missing rather than guess.
			truncated = true;
			continue;
		}
		if (variants.length === MAX_VARIANTS) {
			truncated = true;
			break;
		}
		const outcome = o[3]!;
		const variant: Variant = { name: clip(o[2]!.trim(), MAX_NAME), state: variantState(outcome) };
		if (o[1]) variant.experimental = true;
		const detail = /^(?:failed|failure): ([\s\S]*)$/.exec(outcome)?.[1]?.trim();
		if (detail) variant.detail = clip(detail, MAX_DETAIL);
		const url = safeHttpUrl(m[3]);
		if (url) variant.url = url;
		variants.push(variant);
	}
	return { variants, truncated };
}
