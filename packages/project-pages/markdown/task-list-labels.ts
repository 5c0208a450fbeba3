/**
 * GFM task lists (`- [ ] …`, used for action items) render as disabled
 * checkboxes with no label, which screen readers announce as "checkbox,
 * unlabelled". This names each one by its state.
 */
import { defineHastPlugin } from 'satteri';

export const taskListLabelsPlugin = defineHastPlugin({
	name: 'project-pages-task-list-labels',
	element: {
		filter: ['input'],
		visit(node, ctx) {
			const props = node.properties as Record<string, unknown>;
			if (props.type !== 'checkbox' || props.ariaLabel) return;
			ctx.setProperty(node, 'ariaLabel', props.checked ? 'Done' : 'Not done');
		},
	},
});
