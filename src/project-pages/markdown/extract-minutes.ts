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
import type { List, ListItem, Nodes, Root, RootContent } from 'mdast';
import { mdastText, oneLine } from './mdast-text.ts';
import { parsePeople } from './minutes-people.ts';
import { findLabelledItems, toAction, type ActionItem } from './minutes-items.ts';
import { findRfcMentions } from './rfc-mentions.ts';

export interface MinutesSummary {
  chair?: string;
  attendees: string[];
  agenda: string[];
  actions: ActionItem[];
  decisions: string[];
  rfcMentions: number[];
}

export interface MinutesFrontmatter {
  chair?: string;
  attendees?: string[];
  agenda?: string[];
}

const ATTENDEES_LABEL = /^\s*(?:attendees|attendance|present|participants)\s*:\s*/i;
const ATTENDEES_HEADING = /^(?:attendees|attendance|present|participants)\s*:?$/i;
const AGENDA_HEADING = /^agenda\s*:?$/i;

export function extractMinutes(body: string, frontmatter: MinutesFrontmatter = {}): MinutesSummary {
  const tree = markdownToMdast(body, { position: false, features: { gfm: true, frontmatter: false } }) as Root;
  const blocks = tree.children;
  const people = frontmatter.attendees?.length ? undefined : findAttendees(blocks);
  const { actions, decisions } = findItems(tree);
  return {
    chair: frontmatter.chair || people?.chair,
    attendees: frontmatter.attendees?.length ? [...frontmatter.attendees] : (people?.names ?? []),
    agenda: frontmatter.agenda?.length ? [...frontmatter.agenda] : findAgenda(blocks),
    actions,
    decisions,
    rfcMentions: findRfcMentions(body),
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
    .map((item) => oneLine(item.children.filter((child) => child.type !== 'list').map((child) => mdastText(child as Nodes)).join(' ')))
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

/** Labelled action/decision lines in any paragraph, and task-list items, in document order. */
function findItems(tree: Root): { actions: ActionItem[]; decisions: string[] } {
  const actions: ActionItem[] = [];
  const decisions: string[] = [];
  const visit = (node: Nodes, task?: ListItem) => {
    if (node.type === 'code' || node.type === 'html' || node.type === 'definition') return;
    if (node.type === 'listItem' && typeof node.checked === 'boolean') {
      const text = oneLine(node.children.filter((c) => c.type !== 'list').map((c) => mdastText(c as Nodes)).join(' '));
      const labelled = findLabelledItems(text);
      const item = labelled[0];
      if (item?.kind === 'decision') decisions.push(item.text);
      else if (item) actions.push(toAction(item.text, node.checked, item.owner));
      else if (text) actions.push(toAction(text, node.checked));
      for (const child of node.children) if (child.type === 'list') visit(child);
      return;
    }
    if (node.type === 'paragraph' || node.type === 'heading') {
      for (const item of findLabelledItems(mdastText(node))) {
        if (item.kind === 'decision') decisions.push(item.text);
        else actions.push(toAction(item.text, false, item.owner));
      }
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes, task);
  };
  visit(tree);
  return { actions, decisions };
}
