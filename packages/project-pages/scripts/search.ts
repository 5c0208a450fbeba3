/**
 * The search page's results: the query from `?q=` (every page's search box
 * sends it here) run against Pagefind's index, as the reader types. Each
 * result shows its kind and date from the page's `data-pagefind-meta`.
 * Pagefind's own script (`/pagefind/pagefind.js`) loads only on this page.
 */
interface PagefindResult {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
}
interface Pagefind {
	options(options: { baseUrl?: string }): Promise<void>;
	debouncedSearch(
		term: string,
		options: { filters?: Record<string, string> },
		ms: number,
	): Promise<{ results: Array<{ data(): Promise<PagefindResult> }> } | null>;
}

const SHOWN = 20;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;
const form = $<HTMLFormElement>('search-form');
const input = $<HTMLInputElement>('search-query');
const kind = $<HTMLSelectElement>('search-kind');
const status = $('search-status');
const list = $('search-results');
const fallback = $('search-fallback');

if (form && input && kind && status && list && fallback) {
	const params = new URLSearchParams(location.search);
	input.value = params.get('q') ?? '';
	kind.value = params.get('kind') ?? '';
	fallback.hidden = true;
	// A URL made at run time: Pagefind's files are written after the build, so the bundler must leave the import alone.
	// Pagefind indexes dist/ as the site's root; results must link under Astro's `base`.
	const index: Promise<Pagefind> = import(
		/* @vite-ignore */ new URL(`${import.meta.env.BASE_URL}pagefind/pagefind.js`, location.origin).href
	).then(async (pagefind: Pagefind) => {
		await pagefind.options({ baseUrl: import.meta.env.BASE_URL });
		return pagefind;
	});
	index.catch(() => undefined); // reported when a search awaits it

	const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = '') => {
		const node = document.createElement(tag);
		node.className = className;
		node.textContent = text;
		return node;
	};

	/** Pagefind's excerpt is HTML with `<mark>`s; keep the text and the marks, nothing else. */
	const excerpt = (html: string) => {
		const p = el('p', 'search-excerpt');
		const template = document.createElement('template');
		template.innerHTML = html;
		for (const node of template.content.childNodes)
			p.append(node.nodeName === 'MARK' ? el('mark', '', node.textContent ?? '') : (node.textContent ?? ''));
		return p;
	};

	const render = (result: PagefindResult) => {
		const item = el('li', 'search-result');
		const heading = el('h2', 'search-title');
		const link = el('a', '', result.meta.title ?? result.url);
		link.href = result.url;
		heading.append(link);
		const meta = el('p', 'search-meta muted');
		if (result.meta.kind) meta.append(el('span', 'search-kind', result.meta.kind));
		if (result.meta.kind && result.meta.date) meta.append(' · ');
		if (result.meta.date) {
			const time = el('time', 'search-date', result.meta.date);
			time.dateTime = result.meta.date;
			meta.append(time);
		}
		item.append(heading, meta, excerpt(result.excerpt));
		return item;
	};

	const run = async () => {
		const q = input.value.trim();
		const query = new URLSearchParams(kind.value ? { q, kind: kind.value } : { q });
		history.replaceState(history.state, '', q ? `${location.pathname}?${query}` : location.pathname);
		if (!q) {
			list.replaceChildren();
			status.textContent = '';
			return;
		}
		try {
			const search = await (await index).debouncedSearch(q, kind.value ? { filters: { kind: kind.value } } : {}, 200);
			if (!search) return; // a newer query replaced this one
			const results = await Promise.all(search.results.slice(0, SHOWN).map((r) => r.data()));
			list.replaceChildren(...results.map(render));
			const n = search.results.length;
			status.textContent =
				n === 0 ? `No results for “${q}”.` : `${n} result${n === 1 ? '' : 's'} for “${q}”${n > SHOWN ? `, the first ${SHOWN} shown` : ''}.`;
		} catch {
			status.textContent = 'Search is not available: this copy of the site was built without its search index.';
			fallback.hidden = false;
		}
	};

	form.addEventListener('submit', (event) => {
		event.preventDefault();
		void run();
	});
	input.addEventListener('input', () => void run());
	kind.addEventListener('change', () => void run());
	void run();
}
