// @ts-check
/**
 * The site's projectPages() options, in their own module so that the
 * authoring commands and the content checker (`project-pages check`, `new`)
 * read the same values as the build (content folder, sections, tracked
 * toolchain) without loading Astro. MirageOS's own words live here: the
 * integration's defaults are neutral.
 *
 * @type {import('astro-project-pages').ProjectPagesUserOptions}
 */
const options = {
	title: 'MirageOS',
	description: 'A library operating system that builds unikernels for secure, high-performance network applications.',
	repository: 'mirage/mirage-www',
	// mirage-www's words and URLs: calls are "weekly" and live at /weekly/; student ideas are Pioneer Projects.
	labels: {
		minutes: { name: 'Weekly calls', item: 'Weekly call' },
		projects: { name: 'Pioneer Projects', item: 'Pioneer Project' },
	},
	paths: { minutes: 'weekly' },
	// mirage-www's old addresses keep working: its wiki became /docs/, the papers page was a wiki page,
	// and /community is where it listed its people.
	// (A site that also has the 2016 calls' /wiki/weekly-… links to keep adds minutes: ['wiki']: one
	// redirect page per call, which is why this one does not.)
	oldPaths: { docs: ['wiki'], papers: ['wiki/papers', 'docs/papers'], people: ['community'] },
	// Signed security advisories link /security, so that guide stays at the root.
	atRoot: { docs: ['security'] },
	// mirage-www's posts and guides are read as it reads them (cmarkit, strict CommonMark): `[x][^7]`
	// is a link, and prose keeps its dashes and quotes. Minutes, RFCs and projects keep GFM (task lists).
	markdown: { kinds: { blog: 'commonmark', docs: 'commonmark' } },
	favicon: '/favicon.svg',
	// The mirage-www look: palette, fonts and the desert, over the integration's neutral defaults.
	customCss: ['./src/styles/mirage.css'],
	components: { Logo: './src/components/MirageLogo.astro' },
	calls: { start: '2026-01-07', time: '16:00', everyWeeks: 2, durationMinutes: 60 },
	ci: {
		toolchain: {
			core: ['mirage/mirage', 'mirage/mirage-skeleton', 'mirage/functoria'],
			network: ['mirage/mirage-tcpip', 'mirage/ocaml-dns', 'mirage/ocaml-cohttp', 'mirleft/ocaml-tls', 'mirage/mirage-net-xen'],
			storage: ['mirage/irmin', 'mirage/mirage-block-unix', 'mirage/ocaml-git'],
			backends: ['Solo5/solo5', 'mirage/mirage-xen', 'mirage/mirage-unix', 'mirage/ocaml-solo5'],
			tooling: ['mirage/mirage-crypto', 'mirage/ocaml-cstruct', 'ocaml/opam-repository'],
		},
	},
};

export default options;
