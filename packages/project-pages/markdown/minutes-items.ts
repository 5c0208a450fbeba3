/**
 * Action items and decisions written as labelled lines: "Action: …",
 * "ACTION: …", "*Decision:* …". Pure: text in, items out.
 *
 * A labelled item runs from its label to the end of its paragraph or to the
 * next labelled line, so an action wrapped across lines stays whole.
 */

export interface ActionItem {
	owner?: string;
	text: string;
	done: boolean;
}

const LABEL = /^\s*(actions?|decisions?)\s*(?:\(([^)]*)\)|\[([^\]]*)\])?\s*:\s*/i;

export interface LabelledItem {
	kind: 'action' | 'decision';
	/** An owner given in brackets after the label: "Action (Anil): …". */
	owner?: string;
	text: string;
}

/** Labelled items in a paragraph's text (label words already freed of emphasis). */
export function findLabelledItems(paragraph: string): LabelledItem[] {
	const items: LabelledItem[] = [];
	let current: LabelledItem | undefined;
	for (const line of paragraph.split('\n')) {
		const m = LABEL.exec(line);
		if (m) {
			if (current) items.push(current);
			const owner = (m[2] ?? m[3])?.trim();
			current = {
				kind: m[1]!.toLowerCase().startsWith('action') ? 'action' : 'decision',
				text: line.slice(m[0].length),
				...(owner ? { owner } : {}),
			};
		} else if (current) {
			current.text += ` ${line}`;
		}
	}
	if (current) items.push(current);
	return items.map((item) => ({ ...item, text: item.text.replace(/\s+/g, ' ').trim() })).filter((item) => item.text !== '');
}

// "Anil to …", "Thomas G. will …", "@samoht: …", "Dave and Mort to …".
const NAME_WORD = String.raw`(?:@[\w-]+|[\p{Lu}][\p{L}\p{M}\d'’_.-]*)`;
const OWNER = new RegExp(
	String.raw`^(${NAME_WORD}(?:\s+(?:${NAME_WORD}|and|&)){0,4}?)\s*(?::|\s(?:to|will|should|must|needs? to)\s)\s*`,
	'u',
);

// "We will…", "Everyone to…": a sentence subject, not an owner to link.
const NOT_A_PERSON = /^(?:we|i|you|they|he|she|it|this|that|the|everyone|everybody|someone|somebody|all|both|anyone|nobody|team|people)$/i;

/**
 * An action from its text: the owner when the text opens with a name and
 * "to"/"will"/":" ("Hannes Mehnert to announce …"), with the rest as text.
 * Without such an opening the owner stays unknown rather than guessed.
 */
export function toAction(text: string, done: boolean, owner?: string): ActionItem {
	if (owner) return { owner, text, done };
	const m = OWNER.exec(text);
	if (!m || m[0].length >= text.length || NOT_A_PERSON.test(m[1]!)) return { text, done };
	return { owner: m[1]!, text: text.slice(m[0].length), done };
}
