/** How a check or commit state is written in the matrix: a symbol for the eye, a word for everyone. */
import type { CheckState } from '../../ci/snapshot-schema.ts';

export const STATE_SYMBOL: Record<CheckState | 'none', string> = {
	success: '✓',
	failure: '✗',
	error: '✗',
	pending: '…',
	neutral: '–',
	none: '·',
};
export const STATE_WORD: Record<CheckState | 'none', string> = {
	success: 'passed',
	failure: 'failed',
	error: 'errored',
	pending: 'building',
	neutral: 'skipped',
	none: 'no CI',
};
