/**
 * The integration's options: one schema, validated once in
 * `astro:config:setup`. Both the input type (what `astro.config.mjs` writes)
 * and the resolved type come from it; resolving also settles the site's
 * sections (paths and labels of every kind, see utils/sections.ts).
 */
import { z } from 'astro/zod';
import { CiOptionsSchema, RepoNameSchema, trackedRepos } from './ci/options.ts';
import { parseContentDate } from './content/dates.ts';
import { describeIssues } from './content/issues.ts';
import { URL_SEGMENT } from './content/fields.ts';
import { CONTENT_KINDS, KINDS, SECTION_FILES, SECTION_KEYS, rootFileNames, type ContentKind, type SectionKey } from './content/kinds.ts';
import { MARKDOWN_DIALECTS } from './markdown/dialects.ts';
import { linkFieldProblem } from './utils/safe-url.ts';
import { resolveSections } from './utils/sections.ts';

const NavLinkSchema = z.strictObject({
	/** Text of the link in the sidebar. */
	label: z.string().min(1, { error: 'must not be empty' }),
	/** Site-relative path such as `/docs/` (the site's `base` is added) or an absolute URL. */
	href: z
		.string()
		.min(1, { error: 'must not be empty', abort: true })
		// The one URL rule (utils/safe-url.ts): no `javascript:` link in every page's sidebar.
		.check((ctx) => {
			const problem = linkFieldProblem(ctx.value, { mailto: true });
			if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
		}),
});

const SECTION_PATH = /^[A-Za-z0-9][A-Za-z0-9._-]*(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;
/** Top-level names the build itself writes. */
const TAKEN_PATHS = ['_astro', 'pagefind', '404', 'sitemap-index.xml', 'sitemap-0.xml'];

const UrlPathSchema = z
	.string({ error: 'must be a URL path such as "calls" or "community/calls"' })
	.transform((s) => s.replace(/^\/+|\/+$/g, ''))
	.refine((s) => SECTION_PATH.test(s), { error: 'must be a URL path such as "calls" or "community/calls"' });

const SectionPathSchema = z.union([z.literal(false), UrlPathSchema], {
	error: 'must be a URL path such as "calls", or false to turn the section off',
});

const DialectSchema = z.enum(MARKDOWN_DIALECTS, { error: `must be one of ${MARKDOWN_DIALECTS.join(', ')}` });

/** The kinds a site may declare contributed: those the registry trusts (the others are contributed already). */
const TRUSTED_KINDS = CONTENT_KINDS.filter((kind) => KINDS[kind].trusted) as [ContentKind, ...ContentKind[]];

const LabelSchema = z.union(
	[
		z.string().trim().min(1, { error: 'must not be empty' }),
		z.strictObject({
			/** The section's name: "Student Ideas". */
			name: z.string().trim().min(1, { error: 'must not be empty' }),
			/** One entry's name: "Student Idea". */
			item: z.string().trim().min(1, { error: 'must not be empty' }).optional(),
		}),
	],
	{ error: 'must be a name, or { name, item }' },
);

const sectionRecord = <T extends z.ZodType>(value: T) =>
	z.partialRecord(z.enum(SECTION_KEYS as [SectionKey, ...SectionKey[]], { error: `must be one of ${SECTION_KEYS.join(', ')}` }), value);

/** Slots a site can fill with its own `.astro` component (see README, "Overrides"). */
export const COMPONENT_SLOTS = ['Head', 'Logo', 'Sidebar', 'StatusStrip', 'Footer'] as const;
export type ComponentSlot = (typeof COMPONENT_SLOTS)[number];

const ComponentPath = z
	.string()
	.min(1, { error: 'must not be empty' })
	.refine((s) => s.endsWith('.astro'), { error: 'must be an .astro file, such as "./src/components/Footer.astro"' });

export const ProjectPagesOptionsSchema = z
	.strictObject({
		/** The project's name, shown in titles and feeds. */
		title: z.string({ error: 'must be text' }).min(1, { error: 'must not be empty' }),
		/** One sentence about the project, used for the home page and feeds. */
		description: z.string({ error: 'must be text' }).min(1, { error: 'must not be empty' }),
		/** Folder holding minutes/, rfcs/, projects/, blog/ and people.yaml, relative to the project root. */
		contentDir: z.string().min(1).default('content'),
		/** The project's repository, for "edit this page" and "propose an RFC" links: `owner/repo`. */
		repository: RepoNameSchema.optional(),
		/** Branch that "edit this page" links point at. */
		branch: z.string().min(1).default('main'),
		/** Extra sidebar links after the built-in ones. */
		nav: z.array(NavLinkSchema).default([]),
		/**
		 * Names of the sections: `{ projects: 'Student Ideas' }`, or `{ minutes: { name: 'Weekly calls', item: 'Weekly call' } }`
		 * where the item names one entry (page eyebrow, search result).
		 */
		labels: sectionRecord(LabelSchema).default({}),
		/** URL paths of the sections: `{ minutes: 'calls' }`; `false` turns a section off (its pages, links and checks). */
		paths: sectionRecord(SectionPathSchema).default({}),
		/** The site's icon, a file in `public/`: `/favicon.svg`. */
		favicon: z.string().startsWith('/', { error: 'must be a path in public/, starting with "/"' }).optional(),
		/** The site's own CSS, after the integration's: `['./src/styles/theme.css']` (files relative to the project root, or package names). */
		customCss: z.array(z.string().min(1, { error: 'must not be empty' })).default([]),
		/** Components that replace the integration's own: `{ Footer: './src/components/Footer.astro' }`. */
		components: z
			.partialRecord(z.enum(COMPONENT_SLOTS, { error: `must be one of ${COMPONENT_SLOTS.join(', ')}` }), ComponentPath)
			.default({}),
		/**
		 * Former URL paths of a section, which keep working as redirects: `{ docs: ['wiki'] }` makes `/wiki/`
		 * redirect to `/docs/` and `/wiki/<id>/` to the guide's page. Static pages (a meta refresh and a
		 * canonical link), so they work on any static host, GitHub Pages included.
		 */
		oldPaths: sectionRecord(z.array(UrlPathSchema)).default({}),
		/**
		 * Guides served at the site root rather than under `/docs/`: `{ docs: ['security'] }` serves
		 * `/security/` (signed advisories link it) and redirects `/docs/security/` there.
		 */
		atRoot: z
			.strictObject({
				docs: z.array(z.string().regex(URL_SEGMENT, { error: 'must be a permalink (letters, digits, ".", "_" or "-")' }), {
					error: 'must be a list of permalinks',
				}),
			})
			.partial()
			.default({}),
		/**
		 * How markdown is read: `dialect` for the whole site, `kinds` for some kinds. `gfm` (the default) is
		 * GitHub-flavoured markdown with smart punctuation; `commonmark` is strict CommonMark as mirage-www
		 * renders it (no footnotes, tables or task lists; dashes and quotes kept as written).
		 */
		markdown: z
			.strictObject({
				dialect: DialectSchema.default('gfm'),
				kinds: z.partialRecord(z.enum(CONTENT_KINDS, { error: `must be one of ${CONTENT_KINDS.join(', ')}` }), DialectSchema).default({}),
			})
			.prefault({}),
		/**
		 * Maintainer kinds whose files this site takes from anyone by pull request: they are then read as
		 * minutes, RFCs and projects are (only `.md`, raw HTML sanitized). Blog posts and guides are
		 * maintainer content by default.
		 */
		contributed: z
			.array(z.enum(TRUSTED_KINDS, { error: `must be one of ${TRUSTED_KINDS.join(', ')} (the other kinds are contributed already)` }))
			.default([]),
		/** Toolchain status from CI. */
		ci: CiOptionsSchema.prefault({}),
		/** Recurring community call, for the iCalendar feed of upcoming calls. */
		calls: z
			.strictObject({
				/** First call of the series, `YYYY-MM-DD`. */
				start: z
					.string()
					.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD', abort: true })
					.refine((s) => parseContentDate(s).ok, { error: (issue) => `must be a real calendar date (got "${String(issue.input)}")` }),
				/** Time in UTC, `HH:MM`. */
				time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time written HH:MM (UTC)' }),
				/** Weeks between calls: 1 weekly, 2 every other week. */
				everyWeeks: z.number().int().min(1, { error: 'must be 1 or more' }).max(8, { error: 'must be at most 8' }).default(2),
				/** Length in minutes. */
				durationMinutes: z.number().int().positive().default(60),
				/** Where to join. */
				url: z.url({ error: 'must be a URL' }).optional(),
			})
			.optional(),
	})
	.superRefine((options, ctx) => {
		// Checked on the resolved sections, so that a moved section cannot land on another's default path.
		const sections = resolveSections({ ...options, hasToolchain: true });
		const owners = new Map<string, string>();
		const claim = (path: string, owner: string, where: (string | number)[]) => {
			if (TAKEN_PATHS.includes(path.split('/')[0]!))
				ctx.addIssue({ code: 'custom', path: where, message: `"${path}" is used by the build itself` });
			const taken = owners.get(path);
			if (taken)
				ctx.addIssue({ code: 'custom', path: where, message: `"${path}" is already the path of ${taken}; give each section its own` });
			owners.set(path, owner);
		};
		for (const [key, section] of Object.entries(sections)) claim(section.path, key, ['paths', key]);
		// Old paths may be shared between sections (their entries are told apart by id), never with a
		// section's own path, above one (every page under it would be taken for a redirect), or on a file
		// the build writes at the root; compared without case, as hosts on case-insensitive disks serve them.
		const rootFiles = [...rootFileNames(), ...SECTION_FILES, ...TAKEN_PATHS];
		const sectionPaths = Object.entries(sections).map(([key, section]) => ({ key, path: section.path.toLowerCase() }));
		const oldPaths = new Set<string>();
		for (const [key, paths] of Object.entries(options.oldPaths)) {
			if (!sections[key as SectionKey]) continue;
			paths?.forEach((path, i) => {
				const where = ['oldPaths', key, i];
				const lower = path.toLowerCase();
				const above = sectionPaths.find((s) => s.path === lower || s.path.startsWith(`${lower}/`));
				if (above)
					ctx.addIssue({
						code: 'custom',
						path: where,
						message: `"${path}" is already the path of ${above.key}, or above it; give each section its own`,
					});
				else if (rootFiles.includes(lower.split('/')[0]!))
					ctx.addIssue({ code: 'custom', path: where, message: `"${path}" is a file the site writes; choose another path` });
				else if (!oldPaths.has(lower)) claim(path, `an old path of ${key}`, where);
				oldPaths.add(lower);
			});
		}
		// An entry at the root is a one-segment path: it must not be a section's, an old path's or a file the build writes there.
		const firstSegments = new Set([...owners.keys()].map((path) => path.split('/')[0]!.toLowerCase()));
		options.atRoot.docs?.forEach((id, i) => {
			const where = ['atRoot', 'docs', i];
			const lower = id.toLowerCase();
			if (firstSegments.has(lower) || rootFiles.includes(lower))
				ctx.addIssue({
					code: 'custom',
					path: where,
					message: `"/${id}/" is already a section or a file of the site; serve another guide there`,
				});
		});
	})
	.transform((options) => ({
		...options,
		/** Every section that is on, with its path and labels. */
		sections: resolveSections({ ...options, hasToolchain: trackedRepos(options.ci.toolchain).length > 0 }),
	}));

export type ProjectPagesUserOptions = z.input<typeof ProjectPagesOptionsSchema>;
export type ProjectPagesOptions = z.output<typeof ProjectPagesOptionsSchema>;

export class ProjectPagesOptionsError extends Error {
	constructor(lines: string[]) {
		super(`Invalid projectPages() options:\n${lines.map((l) => `  ${l}`).join('\n')}`);
		this.name = 'ProjectPagesOptionsError';
	}
}

/** Validates user options; the error names each option's path and the rule it breaks. */
export function parseOptions(input: unknown): ProjectPagesOptions {
	const result = ProjectPagesOptionsSchema.safeParse(input ?? {}, { reportInput: true });
	if (result.success) return result.data;
	throw new ProjectPagesOptionsError(describeIssues(result.error.issues).map((p) => `${p.path || '(options)'}: ${p.message}`));
}
