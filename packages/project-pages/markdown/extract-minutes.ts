/**
 * What each call yields (issue 6): chair, attendees, agenda, action items,
 * decisions and RFC mentions, from a minutes body and its front matter.
 *
 * Real mirage-www minutes are prose, so this only takes what is written in a
 * recognisable shape; anything else is left empty rather than guessed. It
 * parses with Sätteri's native `markdownToMdast` (no positions), which
 * already understands closed ATX headings and reference-style links, and
 * reads only the top-level blocks plus list items. Pure: no I/O.
 */
import { markdownToMdast } from 'satteri';
import type { List, Nodes, Root, RootContent } from 'mdast';
import { mdastText, oneLine } from './mdast-text.ts';
import { parsePeople } from './minutes-people.ts';
import { findLabelledItems, toAction, type ActionItem } from './minutes-items.ts';
import { findRfcMentions } from './rfc-mentions.ts';
import { guardUntrusted } from './input-guard.ts';

export interface MinutesSummary {
	chair?: string;
	attendees: string[];
	agenda: string[];
	actions: ActionItem[];
	decisions: string[];
	rfcMentions: number[];
	/**
	 * What was read from the notes rather than the front matter: old-style minutes open with their
	 * attendees and agenda, so the page's summary box leaves those out instead of showing them twice.
	 */
	inNotes: { chair: boolean; attendees: boolean; agenda: boolean };
}

export interface MinutesFrontmatter {
	chair?: string;
	attendees?: string[];
	agenda?: string[];
}

const ATTENDEES_LABEL = /^\s*(?:attendees|attendance|present|participants)\s*:\s*/i;
const ATTENDEES_HEADING = /^(?:attendees|attendance|present|participants)\s*:?$/i;
const AGENDA_HEADING = /^agenda\s*:?$/i;

/** The largest real minutes are 11 KB; a body past this is not read for a summary. */
export const MAX_BODY = 256 * 1024;

/**
 * The warning for minutes whose summary is not extracted because the body is
 * past `MAX_BODY`, or undefined: the loader logs it and the checker reports
 * it, so that the limit never drops a call's actions without a word.
 */
export function summaryLimitWarning(body: string): string | undefined {
	if (body.length <= MAX_BODY) return undefined;
	return `the notes are over ${MAX_BODY / 1024} KB, so no attendees, agenda, actions or decisions are read from them; split the call's notes, or list them in the front matter`;
}

// Building the whole tree in JS costs far more per character reference
// than rendering does (10,000 in one paragraph take over a second), so the
// body is defused sooner than for rendering: past 1,000 `&`, none is decoded.
const PARSE_LIMITS = { maxAmpersands: 1000 };

function parse(body: string): Root {
	const source = body.length > MAX_BODY ? '' : guardUntrusted(body, PARSE_LIMITS).source;
	return markdownToMdast(source, { position: false, features: { gfm: true, frontmatter: false } }) as Root;
}

/** `rfcsPath`: the URL path of the site's RFC section, for links that mention an RFC. */
export function extractMinutes(body: string, frontmatter: MinutesFrontmatter = {}, { rfcsPath = 'rfcs' } = {}): MinutesSummary {
	const tree = parse(body);
	const blocks = tree.children;
	const people = frontmatter.attendees?.length ? undefined : findAttendees(blocks);
	const { actions, decisions } = findItems(tree);
	const agenda = frontmatter.agenda?.length ? [...frontmatter.agenda] : findAgenda(blocks);
	return {
		chair: frontmatter.chair || people?.chair,
		attendees: frontmatter.attendees?.length ? [...frontmatter.attendees] : (people?.names ?? []),
		agenda,
		actions,
		decisions,
		rfcMentions: body.length > MAX_BODY ? [] : findRfcMentions(body, rfcsPath),
		inNotes: {
			chair: !frontmatter.chair && Boolean(people?.chair),
			attendees: Boolean(people?.names.length),
			agenda: !frontmatter.agenda?.length && agenda.length > 0,
		},
	};
}

/** A heading, or a paragraph that is nothing but a label ("**Agenda**"), matching `re`. */
function isTitled(node: RootContent, re: RegExp): boolean {
	if (node.type !== 'heading' && node.type !== 'paragraph') return false;
	return re.test(oneLine(mdastText(node)));
}

function findAgenda(blocks: readonly RootContent[]): string[] {
	const at = blocks.findIndex((node) => isTitled(node, AGENDA_HEADING));
	if (at >= 0) {
		// The list under the heading, before the next heading.
		for (const node of blocks.slice(at + 1)) {
			if (node.type === 'heading') break;
			if (node.type === 'list') return listItems(node);
		}
		return [];
	}
	// mirage-www's 2015-08-26 opens with its agenda list, unheaded. Only a
	// list that is the very first block counts: a list anywhere else is notes.
	const first = blocks[0];
	return first?.type === 'list' && blocks.some((node) => isTitled(node, ATTENDEES_HEADING) || isAttendeesParagraph(node))
		? listItems(first)
		: [];
}

/** The own text of each top-level item (nested sub-points left out). */
function listItems(list: List): string[] {
	return list.children
		.map((item) =>
			oneLine(
				item.children
					.filter((child) => child.type !== 'list')
					.map((child) => mdastText(child as Nodes))
					.join(' '),
			),
		)
		.filter((text) => text !== '');
}

function isAttendeesParagraph(node: RootContent): boolean {
	return node.type === 'paragraph' && ATTENDEES_LABEL.test(mdastText(node));
}

function findAttendees(blocks: readonly RootContent[]): ReturnType<typeof parsePeople> | undefined {
	for (let i = 0; i < blocks.length; i++) {
		const node = blocks[i]!;
		let source: string | undefined;
		if (isAttendeesParagraph(node)) {
			source = mdastText(node).replace(ATTENDEES_LABEL, '');
		}
		if ((source !== undefined && source.trim() === '') || isTitled(node, ATTENDEES_HEADING)) {
			// "Attendees:" alone (or as a heading): the names follow in the next block.
			const next = blocks[i + 1];
			if (next?.type === 'paragraph') source = mdastText(next);
			else if (next?.type === 'list') source = listItems(next).join(', ');
		}
		if (source === undefined || source.trim() === '') continue;
		const people = parsePeople(source);
		if (people.names.length > 0) return people;
	}
	return undefined;
}

/**
 * Labelled action/decision lines in any paragraph, and task-list items, in
 * document order. Iterative, like mdastText: nesting depth is the author's.
 */
function findItems(tree: Root): { actions: ActionItem[]; decisions: string[] } {
	const actions: ActionItem[] = [];
	const decisions: string[] = [];
	const stack: Nodes[] = [tree];
	while (stack.length > 0) {
		const node = stack.pop()!;
		if (node.type === 'code' || node.type === 'html' || node.type === 'definition') continue;
		if (node.type === 'paragraph' || node.type === 'heading') {
			for (const item of findLabelledItems(mdastText(node))) {
				if (item.kind === 'decision') decisions.push(item.text);
				else actions.push(toAction(item.text, false, item.owner));
			}
			continue;
		}
		if (node.type === 'listItem' && typeof node.checked === 'boolean') {
			const text = oneLine(
				node.children
					.filter((c) => c.type !== 'list')
					.map((c) => mdastText(c as Nodes))
					.join(' '),
			);
			const item = findLabelledItems(text)[0];
			if (item?.kind === 'decision') decisions.push(item.text);
			else if (item) actions.push(toAction(item.text, node.checked, item.owner));
			else if (text) actions.push(toAction(text, node.checked));
			// Only nested lists remain to visit: the item's own text is done.
			for (let i = node.children.length - 1; i >= 0; i--) if (node.children[i]!.type === 'list') stack.push(node.children[i] as Nodes);
			continue;
		}
		if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
	}
	return { actions, decisions };
}
