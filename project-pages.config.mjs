// @ts-check
/**
 * The site's projectPages() options, in their own module so that the
 * authoring commands and the content checker read the same values as the
 * build (content folder, tracked toolchain) without loading Astro.
 *
 * @type {import('astro-project-pages').ProjectPagesUserOptions}
 */
const options = {
	title: 'MirageOS',
	description: 'A library operating system that builds unikernels for secure, high-performance network applications.',
	repository: 'mirage/mirage-www',
	nav: [{ label: 'Docs', href: 'https://mirage.io/docs/' }],
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
