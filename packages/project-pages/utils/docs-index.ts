/**
 * The docs index as `docs.yaml` describes it, resolved against the guides
 * that exist: each section's lines become guides or links, `list: <kind>`
 * sections stay lists, and guides that no section names are gathered in a
 * last section. Previous and next links of a guide follow its section.
 * Pure: the pages (through siteData) and the content checker call it with
 * what they have, so both resolve a line the same way.
 */
import { isContentKind, type ContentKind } from '../content/kinds.ts';
import type { DocsIndexData, DocsIndexPage } from '../content/data-files.ts';
import type { Sections } from './sections.ts';

/** What one line of a section resolves to. */
export type DocsLine = { guide: string } | { title: string; href: string; external?: boolean };

/** Resolves one line of `docs.yaml`, or says why it points nowhere. */
export function resolveDocsLine(page: DocsIndexPage, sections: Sections, guides: ReadonlySet<string>): DocsLine | { problem: string } {
	// `href` passed the one URL rule (LinkField): an http(s) URL, or a path on this site.
	if (typeof page !== 'string') return { title: page.title, href: page.href, external: !page.href.startsWith('/') };
	const path = page.replace(/[?#].*$/s, '').replace(/^\/+|\/+$/g, '');
	const docs = sections.docs;
	if (docs) {
		const id = path.startsWith(`${docs.path}/`) ? path.slice(docs.path.length + 1) : docs.atRoot?.includes(path) ? path : undefined;
		if (id !== undefined) {
			if (guides.has(id)) return { guide: id };
			return { problem: `"${page}" is not a guide: no guide has the permalink "${id}"` };
		}
	}
	// A section's index (`/papers`, `/weekly`) is named by the section's label.
	for (const section of Object.values(sections)) {
		if (section?.path === path) return { title: section.label, href: `/${path}/` };
	}
	return { problem: `"${page}" is neither a guide nor a section of the site; write { title, href } for any other page` };
}

export interface DocsSectionView<G> {
	title: string;
	description?: string;
	/** Guides and links, in the file's order. */
	items: Array<{ guide: G } | { title: string; href: string; external: boolean }>;
	/** `list: <kind>`: every entry of that kind, newest first. */
	list?: ContentKind;
	/** True for the section of guides no other section names. */
	rest?: boolean;
}

export interface DocsIndexView<G> {
	title?: string;
	description?: string;
	sections: DocsSectionView<G>[];
	/** Each guide's neighbours in the first section that lists it (or among the rest). */
	neighbours: Map<string, { section: string; previous?: G; next?: G }>;
}

/**
 * The whole index. `guides` are the guides in the order the rest are listed in (by title); a line
 * that resolves to nothing throws, naming the file and the field (the checker reports it with its line).
 */
export function docsIndexView<G extends { id: string }>(
	index: (DocsIndexData & { file?: string }) | undefined,
	guides: readonly G[],
	sections: Sections,
	restTitle: string,
): DocsIndexView<G> {
	const byId = new Map(guides.map((guide) => [guide.id, guide]));
	const ids = new Set(byId.keys());
	const listed = new Set<string>();
	const out: DocsSectionView<G>[] = [];
	(index?.sections ?? []).forEach((section, s) => {
		const items: DocsSectionView<G>['items'] = [];
		section.pages.forEach((page, p) => {
			const line = resolveDocsLine(page, sections, ids);
			if ('problem' in line) throw new Error(`${index?.file ?? 'docs.yaml'}: sections.${s}.pages.${p}: ${line.problem}`);
			if ('guide' in line) {
				listed.add(line.guide);
				items.push({ guide: byId.get(line.guide)! });
			} else items.push({ title: line.title, href: line.href, external: line.external ?? false });
		});
		if (section.list !== undefined && !(isContentKind(section.list) && sections[section.list]))
			throw new Error(`${index?.file ?? 'docs.yaml'}: sections.${s}.list: the ${section.list} section is off on this site`);
		out.push({
			title: section.title,
			...(section.description ? { description: section.description } : {}),
			items,
			...(section.list ? { list: section.list } : {}),
		});
	});
	const rest = guides.filter((guide) => !listed.has(guide.id));
	if (rest.length > 0) out.push({ title: restTitle, items: rest.map((guide) => ({ guide })), rest: true });

	const neighbours: DocsIndexView<G>['neighbours'] = new Map();
	for (const section of out) {
		const inSection = section.items.flatMap((item) => ('guide' in item ? [item.guide] : []));
		inSection.forEach((guide, i) => {
			if (neighbours.has(guide.id)) return;
			neighbours.set(guide.id, { section: section.title, previous: inSection[i - 1], next: inSection[i + 1] });
		});
	}
	return {
		...(index?.title ? { title: index.title } : {}),
		...(index?.description ? { description: index.description } : {}),
		sections: out,
		neighbours,
	};
}
