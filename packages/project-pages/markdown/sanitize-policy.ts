/**
 * What untrusted HTML may contain: an allow-list of harmless elements and
 * attributes, modelled on GitHub's sanitizer (html-pipeline / rehype-sanitize's
 * GitHub schema). Property names are hast's (`className`, `ariaLabel`,
 * `dataFootnoteRef`), as Sätteri's reparse produces them.
 */

/** Removed together with everything inside: their content is code or UI, not prose. */
export const DROP_WITH_CONTENT: ReadonlySet<string> = new Set([
	'script',
	'style',
	'iframe',
	'object',
	'embed',
	'frame',
	'frameset',
	'applet',
	'noscript',
	'noembed',
	'noframes',
	'template',
	'svg',
	'math',
	'form',
	'button',
	'textarea',
	'select',
	'option',
	'optgroup',
	'datalist',
	'head',
	'title',
	'base',
	'link',
	'meta',
	'param',
	'source',
	'track',
	'audio',
	'video',
	'canvas',
	'portal',
	'xmp',
	'plaintext',
	'dialog',
	'slot',
	'fencedframe',
]);

/** Kept, with only the attributes below. Any other element is unwrapped (its content kept). */
export const ALLOWED_ELEMENTS: ReadonlySet<string> = new Set([
	'a',
	'abbr',
	'b',
	'bdi',
	'bdo',
	'blockquote',
	'br',
	'caption',
	'cite',
	'code',
	'col',
	'colgroup',
	'dd',
	'del',
	'details',
	'dfn',
	'div',
	'dl',
	'dt',
	'em',
	'figcaption',
	'figure',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'hr',
	'i',
	'img',
	'input',
	'ins',
	'kbd',
	'li',
	'mark',
	'ol',
	'p',
	'picture',
	'pre',
	'q',
	'rp',
	'rt',
	'ruby',
	's',
	'samp',
	'section',
	'small',
	'span',
	'strike',
	'strong',
	'sub',
	'summary',
	'sup',
	'table',
	'tbody',
	'td',
	'tfoot',
	'th',
	'thead',
	'time',
	'tr',
	'tt',
	'u',
	'ul',
	'var',
	'wbr',
]);

/** Attributes any allowed element may keep. */
export const GLOBAL_ATTRIBUTES: ReadonlySet<string> = new Set([
	'abbr',
	'align',
	'alt',
	'ariaDescribedBy',
	'ariaHidden',
	'ariaLabel',
	'ariaLabelledBy',
	'axis',
	'border',
	'cellPadding',
	'cellSpacing',
	'cite',
	'colSpan',
	'dateTime',
	'dir',
	'height',
	'hrefLang',
	'id',
	'itemProp',
	'lang',
	'noWrap',
	'open',
	'rowSpan',
	'scope',
	'span',
	'start',
	'summary',
	'title',
	'type',
	'vAlign',
	'width',
	'reversed',
	'value',
	'className',
	'dataFootnotes',
	'dataFootnoteRef',
	'dataFootnoteBackref',
]);

/** Attributes only some elements may keep. */
export const ELEMENT_ATTRIBUTES: Readonly<Record<string, ReadonlySet<string>>> = {
	// dataRef: the `owner/repo#N` of an autolinked reference, read by the state badges.
	a: new Set(['href', 'name', 'dataRef']),
	img: new Set(['src', 'srcSet', 'loading']),
	input: new Set(['checked', 'disabled']),
	del: new Set(['cite']),
	ins: new Set(['cite']),
	q: new Set(['cite']),
	blockquote: new Set(['cite']),
};

/** Attributes holding a URL, checked with `isSafeUrl`. */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'cite']);

/**
 * Classes are allowed only where our own pipeline or the site's CSS expects
 * them; anything else could borrow the site's styles to spoof its interface.
 */
export function isAllowedClass(tagName: string, token: string): boolean {
	if (tagName === 'code' || tagName === 'pre') return /^language-[\w+#.-]+$/.test(token);
	if (tagName === 'a') return token === 'gh-ref' || token === 'data-footnote-backref';
	return ALLOWED_CLASSES.has(token);
}

const ALLOWED_CLASSES: ReadonlySet<string> = new Set(['contains-task-list', 'task-list-item', 'footnotes', 'sr-only']);

/**
 * Ids from raw HTML get GitHub's `user-content-` prefix, so content cannot
 * clobber the page's own ids or globals (`<img id="search">`). Footnote ids
 * already carry it.
 */
export const ID_PREFIX = 'user-content-';
