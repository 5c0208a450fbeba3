/**
 * Vitest's file order, with the few files that keep a worker busy for a
 * minute or more started first.
 *
 * Vitest orders files by how long they took last time, and without that
 * record (a fresh clone, CI) by their size, largest first. A file that
 * starts several builds is not a large file, so it started late and ran
 * last, alone on one core while the other had nothing left to do: about
 * 20 s of the suite's time went that way. Started first, it overlaps the
 * many short files instead.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Repository paths, longest first: each starts three or more builds, or an npm install. */
export const LONGEST_FILES = ['tests/package/tarball.test.ts', 'tests/build/incremental-build.test.ts', 'tests/build/status-build.test.ts'];

export class LongestFirst extends BaseSequencer {
	override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const root = this.ctx.config.root;
		// A renamed or deleted file would silently lose its place: say so instead.
		for (const file of LONGEST_FILES)
			if (!existsSync(path.join(root, file))) throw new Error(`tests/helpers/longest-first.ts lists ${file}, which does not exist`);
		const rank = (spec: TestSpecification) => {
			const at = LONGEST_FILES.indexOf(path.relative(root, spec.moduleId));
			return at < 0 ? LONGEST_FILES.length : at;
		};
		const sorted = await super.sort(files);
		// Array.prototype.sort is stable: every other file keeps Vitest's order.
		return sorted.sort((a, b) => rank(a) - rank(b));
	}
}
