/**
 * The one slug rule: text → a lower-case URL path segment. Tags
 * (`/tags/<slug>/`), project filter values (`/projects/filter/skill/<slug>/`)
 * and the file names the scaffolder writes all use it, so a skill and a tag
 * spelt alike get the same segment. `CI/CD` and `ci-cd` share one; `C#` and
 * `C++` do not share C's (`c-sharp`, `c-plus-plus`). Pure.
 */

const MAX_LENGTH = 60;

export function slug(text: string): string {
	const latin = text
		.replace(/#/g, ' sharp ')
		.replace(/\+/g, ' plus ')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.slice(0, MAX_LENGTH)
		.replace(/^-+|-+$/g, '');
	// Text with no Latin letters or digits (日本) still needs a segment of its own.
	return latin || `u-${[...text.trim()].map((c) => c.codePointAt(0)!.toString(36)).join('-')}`.slice(0, MAX_LENGTH);
}

/** Whether `slug` finds letters or digits in the text, rather than falling back to code points. */
export function hasSlugText(text: string): boolean {
	return /[a-z0-9]/i.test(text.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''));
}
