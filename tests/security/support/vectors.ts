/**
 * A hostile corpus of our own: script-injection shapes of the kinds the
 * OWASP filter-evasion cheat sheet and html5sec catalogue (written here from
 * what those classes are, not copied), plus markdown's own ways of making
 * links and raw HTML. And a seeded generator that mixes them into
 * documents, each vector between marker words that must survive.
 */
import { createRandom } from '../../../bench/lib/random.ts';

/** Raw-HTML and markdown vectors; each, rendered untrusted, must come out inert. */
export const VECTORS: readonly string[] = [
	'<script>alert(1)</script>',
	'<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
	'<scr<script>ipt>alert(1)</scr</script>ipt>',
	'<img src=x onerror=alert(1)>',
	'<img src="x" OnError="alert(1)">',
	'<img src=x onerror\n=alert(1)>',
	'<img/src=x/onerror=alert(1)>',
	'<img src="javascript:alert(1)">',
	'<img srcset="javascript:alert(1) 1x, /ok.png 2x">',
	'<img src="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">',
	'<a href="javascript:alert(1)">a</a>',
	'<a href=" javascript:alert(1)">a</a>',
	'<a href="&#x20;javascript:alert(1)">a</a>',
	'<a href="java&#x09;script:alert(1)">a</a>',
	'<a href="jav&#x0A;ascript:alert(1)">a</a>',
	'<a href="JaVaScRiPt&colon;alert(1)">a</a>',
	'<a href="&#0000106avascript:alert(1)">a</a>',
	'<a href="vbscript:msgbox(1)">a</a>',
	'<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">a</a>',
	'<a href="\u0001javascript:alert(1)">a</a>',
	'<a href="javascript&#58;alert(1)" title="x">a</a>',
	'<a href=javascript:alert(1)>a</a>',
	'<a href="#" onclick="alert(1)">a</a>',
	'<a href="/ok" ping="javascript:alert(1)">a</a>',
	'<svg onload=alert(1)>',
	'<svg><script>alert(1)</script></svg>',
	'<svg><a xlink:href="javascript:alert(1)"><text x="0" y="20">t</text></a></svg>',
	'<svg><style><img src=x onerror=alert(1)></style></svg>',
	'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
	'<math><a xlink:href="javascript:alert(1)">m</a></math>',
	'<form action="javascript:alert(1)"><input type="submit"></form>',
	'<button formaction="javascript:alert(1)">b</button>',
	'<input type="image" src=x onerror=alert(1)>',
	'<input autofocus onfocus=alert(1)>',
	'<details open ontoggle=alert(1)>d</details>',
	'<body onload=alert(1)>',
	'<iframe src="javascript:alert(1)"></iframe>',
	'<iframe srcdoc="<script>alert(1)</script>"></iframe>',
	'<object data="javascript:alert(1)"></object>',
	'<embed src="javascript:alert(1)">',
	'<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
	'<base href="javascript:alert(1)//">',
	'<link rel="stylesheet" href="javascript:alert(1)">',
	'<div style="background:url(javascript:alert(1))">s</div>',
	'<div style="width: expression(alert(1))">s</div>',
	'<style>@import "javascript:alert(1)";</style>',
	'<table background="javascript:alert(1)"><tr><td>t</td></tr></table>',
	'<video><source onerror="alert(1)"></video>',
	'<audio src=x onerror=alert(1)>',
	'<marquee onstart=alert(1)>m</marquee>',
	'<isindex action="javascript:alert(1)" type=image>',
	'<image src=x onerror=alert(1)>',
	'<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
	'<template><script>alert(1)</script></template>',
	'<textarea></textarea><script>alert(1)</script>',
	'<title></title><img src=x onerror=alert(1)>',
	'<xmp><script>alert(1)</script></xmp>',
	'<!--><img src=x onerror=alert(1)>-->',
	'<!-- --><script>alert(1)</script>',
	'<![CDATA[><img src=x onerror=alert(1)>]]>',
	'<?xml version="1.0"?><img src=x onerror=alert(1)>',
	'<a href="x" id="site-search">clobber</a>',
	'<p class="site-header skip-link">spoof</p>',
	'[md](javascript:alert(1))',
	'[md](JAVASCRIPT:alert(1) "t")',
	'[md](<javascript:alert(1)>)',
	'[md](&#106;avascript:alert(1))',
	'![img](javascript:alert(1))',
	'![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
	'<javascript:alert(1)>',
	'[ref][evil]\n\n[evil]: javascript:alert(1)',
	'[a](vbscript:x)',
	'`<script>alert(1)</script>`',
	'```html\n<script>alert(1)</script>\n```',
	'"onmouseover="alert(1)',
	"'><script>alert(1)</script>",
	'</p></div><script>alert(1)</script>',
	'&lt;script&gt;alert(1)&lt;/script&gt;',
];

/** Prose that names elements whose raw tag once swallowed the rest of the body. */
export const SWALLOWERS: readonly string[] = [
	'<form>',
	'<template>',
	'<textarea>',
	'<select>',
	'<button>',
	'<title>',
	'<style>',
	'<noscript>',
	'<!-- ',
	'<div title="',
	'<plaintext>',
	'<script>',
	'<iframe>',
	'<xmp>',
	'<noembed>',
	'<svg>',
];

/** Text for titles and names: markup, entities, XML-breaking and invisible characters. */
export const HOSTILE_TEXT: readonly string[] = [
	'</title><script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	"' onmouseover='alert(1)",
	'</script><script>alert(1)</script>',
	']]><script>alert(1)</script>',
	'&amp; &lt;b&gt; &#x3C;',
	'\u202Egnp.exe\u202C right-to-left override',
	'zero\u200Bwidth\u2060joiner',
	'line\u2028separator',
	'not XML: \uFFFE\uFFFF',
	'{{ template }} ${expr} <%= erb %>',
];

/** A seeded generator (the benchmark's mulberry32): the same seed gives the same documents everywhere. */
export const random = (seed: number): (() => number) => createRandom(seed).next;

export interface HostileBody {
	markdown: string;
	/** Words that must all be visible in the rendered page, in this order. */
	markers: string[];
}

/**
 * A body mixing `count` vectors, each in its own paragraph or inline in a
 * sentence, with a marker word before and after it.
 */
export function hostileBody(next: () => number, count: number, tag: string): HostileBody {
	const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
	const markers: string[] = [];
	const blocks: string[] = [];
	for (let i = 0; i < count; i++) {
		const before = `${tag}x${i}a`;
		const after = `${tag}x${i}b`;
		markers.push(before, after);
		const vector = next() < 0.2 ? `Prose naming ${pick(SWALLOWERS)} in a sentence` : pick(VECTORS);
		// Inline in a sentence, or a block of its own; the marker after it is always in the next paragraph too.
		blocks.push(next() < 0.5 ? `${before} ${vector}\n\n${after}` : `${before}\n\n${vector}\n\n${after}`);
	}
	return { markdown: blocks.join('\n\n'), markers };
}
