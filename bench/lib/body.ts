// Markdown bodies of about 600 words. Each kind gets the shape its real pages
// have (minutes: agenda + notes with closed ATX headings and reference links;
// RFCs: the usual sections; ...) so the markdown processor sees a realistic
// token mix: paragraphs, lists, fenced OCaml, inline code, links, references.

import type { Random } from './random.ts';
import { OCAML_SNIPPETS, REPOS, WORDS } from './vocabulary.ts';

/** What a body may link to: other generated pages, by URL and title. */
export type LinkTarget = { url: string; title: string };

export type BodyContext = {
	r: Random;
	/** Other pages of the corpus, for internal links. */
	targets: readonly LinkTarget[];
	/** Words still to write; sections stop when it reaches zero. */
	budget: number;
};

// Plus front matter, code and the overshoot of the last section: about 600 in all.
const TARGET_WORDS = 540;

function capitalise(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

/** An inline element that exercises a markdown or site feature. */
function inline(ctx: BodyContext): string {
	const { r } = ctx;
	const roll = r.next();
	if (roll < 0.3) return `${r.pick(REPOS)}#${r.int(1, 1500)}`;
	if (roll < 0.5 && ctx.targets.length > 0) {
		const t = r.pick(ctx.targets);
		return `[${t.title}](${t.url})`;
	}
	if (roll < 0.65) {
		const repo = r.pick(REPOS);
		return `[${repo}](https://github.com/${repo})`;
	}
	if (roll < 0.85) return `\`${capitalise(r.pick(WORDS))}.${r.pick(WORDS).toLowerCase()}\``;
	return `*${r.pick(WORDS)}*`;
}

export function sentence(ctx: BodyContext): string {
	const { r } = ctx;
	const n = r.int(8, 18);
	const words: string[] = [];
	for (let i = 0; i < n; i++) {
		// Never open with an inline element: capitalising `mirage/x#1` would break it.
		words.push(i > 0 && r.chance(0.06) ? inline(ctx) : r.pick(WORDS));
	}
	ctx.budget -= n;
	return `${capitalise(words.join(' '))}.`;
}

export function paragraph(ctx: BodyContext, sentences = ctx.r.int(3, 6)): string {
	const out: string[] = [];
	for (let i = 0; i < sentences; i++) out.push(sentence(ctx));
	return out.join(' ');
}

/**
 * A fenced OCaml block, made unique: a comment line, and fresh numbers and
 * string literals. Real pages rarely repeat a block, and the site caches
 * highlighting per block, so six verbatim snippets would flatter it.
 */
function codeBlock(ctx: BodyContext): string {
	const { r } = ctx;
	const comment = `(* ${Array.from({ length: r.int(3, 7) }, () => r.pick(WORDS)).join(' ')} *)`;
	const code = `${comment}\n${r.pick(OCAML_SNIPPETS)}`
		.replace(/\b\d+\b/g, () => String(r.int(0, 9999)))
		.replace(/"[^"\\%]*"/g, () => `"${r.pick(WORDS)}-${r.int(1, 999)}"`);
	ctx.budget -= code.split(/\s+/).length;
	return '```ocaml\n' + code + '\n```';
}

function bullets(ctx: BodyContext, items: readonly string[]): string {
	ctx.budget -= items.join(' ').split(' ').length;
	return items.map((i) => `- ${i}`).join('\n');
}

function newContext(r: Random, targets: readonly LinkTarget[]): BodyContext {
	return { r, targets, budget: TARGET_WORDS };
}

/** Sections with prose until the word budget is spent; one code block early. */
function sections(ctx: BodyContext, headings: readonly string[], level: string, closed: boolean): string[] {
	const parts: string[] = [];
	let i = 0;
	while (ctx.budget > 0) {
		const h = headings[i % headings.length]!;
		parts.push(closed ? `${level} ${h} ${level}` : `${level} ${h}`);
		parts.push(paragraph(ctx));
		if (i === 1 || (i > 1 && ctx.r.chance(0.25))) parts.push(codeBlock(ctx));
		if (ctx.budget > 0) parts.push(paragraph(ctx));
		i++;
	}
	return parts;
}

/**
 * Weekly notes. mirage-www style: closed ATX headings, an "Attendees:" line,
 * reference-style links. Site style: agenda, notes per topic, then the
 * "Action:" task list and "Decision:" lines the site extracts into a summary.
 * Both mention RFCs by number, as calls do.
 */
export function minutesBody(
	r: Random,
	targets: readonly LinkTarget[],
	call: { agenda: readonly string[]; attendees: readonly string[]; rfcCount: number; mirage: boolean },
): string {
	const ctx = newContext(r, targets);
	const rfc = () => `RFC ${r.int(1, Math.max(1, call.rfcCount))}`;
	if (call.mirage) {
		const refs = r.sample(REPOS, 2);
		return (
			[
				'### Agenda ###',
				bullets(ctx, call.agenda),
				`Attendees: ${call.attendees.join(', ')}`,
				'### Notes ###',
				...sections(ctx, call.agenda, '####', true),
				`We also discussed ${rfc()}. See also [${refs[0]}][] and the [tracking issue][tracking].`,
				`[${refs[0]}]: https://github.com/${refs[0]}\n[tracking]: https://github.com/${refs[1]}/issues/${r.int(1, 900)}`,
			].join('\n\n') + '\n'
		);
	}
	ctx.budget -= 60; // keep room for the actions and decisions below
	const actions = r.sample(call.attendees, r.int(2, 4)).map((who) => {
		const done = r.chance(0.4) ? 'x' : ' ';
		return `- [${done}] Action: ${who} to ${r.pick(['review', 'release', 'write up', 'look into'])} ${r.pick(REPOS)}#${r.int(1, 1500)}`;
	});
	return (
		[
			'## Agenda',
			call.agenda.map((a, i) => `${i + 1}. ${a}`).join('\n'),
			'## Notes',
			...sections(ctx, call.agenda, '###', false),
			'## Actions',
			actions.join('\n'),
			'## Decisions',
			`Decision: ${rfc()} is ${r.pick(['accepted', 'postponed', 'sent back for changes'])}.`,
			`Decision: ${sentence(ctx)}`,
		].join('\n\n') + '\n'
	);
}

export function blogBody(r: Random, targets: readonly LinkTarget[]): string {
	const ctx = newContext(r, targets);
	const headings = ['Background', 'What changed', 'Trying it out', 'Performance', 'What is next', 'Thanks'];
	return [paragraph(ctx), ...sections(ctx, headings, '##', false)].join('\n\n') + '\n';
}

export function rfcBody(r: Random, targets: readonly LinkTarget[]): string {
	const ctx = newContext(r, targets);
	const headings = ['Summary', 'Motivation', 'Design', 'Drawbacks', 'Alternatives', 'Unresolved questions'];
	return sections(ctx, headings, '##', false).join('\n\n') + '\n';
}

export function projectBody(r: Random, targets: readonly LinkTarget[]): string {
	const ctx = newContext(r, targets);
	const goals = [sentence(ctx), sentence(ctx), sentence(ctx)];
	const parts = [
		'## Description',
		paragraph(ctx),
		'## Goals',
		bullets(ctx, goals),
		...sections(ctx, ['Background', 'Approach', 'Resources', 'Getting started'], '##', false),
	];
	return parts.join('\n\n') + '\n';
}
