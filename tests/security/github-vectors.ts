/**
 * Known cross-site-scripting vectors, written for this project after the
 * classes in OWASP's XSS filter-evasion cheat sheet and the HTML5 Security
 * Cheatsheet (html5sec.org): tag and attribute break-outs, event handlers,
 * script-ish URL schemes with the spellings browsers forgive, entity and
 * percent encodings, parser-differential (mXSS) shapes, and XML break-outs
 * for feeds. Every payload calls `alert(7331)`, so a test can tell a live
 * one from the page's own scripts.
 */

export const MARK = '7331';

/** Markup and text break-outs, for text fields (titles, messages, names, descriptions, summaries). */
export const TEXT_VECTORS: readonly string[] = [
	'<script>alert(7331)</script>',
	'<ScRiPt>alert(7331)</sCrIpT>',
	'<img src=x onerror=alert(7331)>',
	'<img src="x" onerror="alert(7331)"//',
	'<svg onload=alert(7331)>',
	'<svg/onload=alert(7331)>',
	'"><script>alert(7331)</script>',
	"'><img src=x onerror=alert(7331)>",
	'" onmouseover="alert(7331)" x="',
	"' onfocus='alert(7331)' autofocus='",
	'</title><script>alert(7331)</script>',
	'</textarea><script>alert(7331)</script>',
	'</style><script>alert(7331)</script>',
	'<body onload=alert(7331)>',
	'<iframe src="javascript:alert(7331)"></iframe>',
	'<iframe srcdoc="<script>alert(7331)</script>"></iframe>',
	'<object data="javascript:alert(7331)"></object>',
	'<embed src="javascript:alert(7331)">',
	'<a href="javascript:alert(7331)">click</a>',
	'<a href="jav&#x09;ascript:alert(7331)">tab</a>',
	'<form action="javascript:alert(7331)"><button>go</button></form>',
	'<button formaction="javascript:alert(7331)">go</button>',
	'<details open ontoggle=alert(7331)>',
	'<video><source onerror=alert(7331)></video>',
	'<input autofocus onfocus=alert(7331)>',
	'<math><mtext><table><mglyph><style><img src=x onerror=alert(7331)>',
	'<noscript><p title="</noscript><img src=x onerror=alert(7331)>">',
	'<svg><style><img src=x onerror=alert(7331)></style></svg>',
	'<template><script>alert(7331)</script></template>',
	'<base href="javascript:alert(7331)//">',
	'<meta http-equiv="refresh" content="0;url=javascript:alert(7331)">',
	'<style>@import "javascript:alert(7331)";</style>',
	'<div style="background:url(javascript:alert(7331))">',
	'<!--<img src=x onerror=alert(7331)>-->',
	'<![CDATA[<script>alert(7331)</script>]]>',
	']]><script>alert(7331)</script>',
	'&lt;script&gt;alert(7331)&lt;/script&gt;',
	'&#60;script&#62;alert(7331)&#60;/script&#62;',
	'%3Cscript%3Ealert(7331)%3C%2Fscript%3E',
	'`-alert(7331)-`',
	'${alert(7331)}',
	'{{constructor.constructor("alert(7331)")()}}',
	'\u0000<script>alert(7331)</script>',
	'\u001b[31m<img src=x onerror=alert(7331)>',
	'\u2028<svg onload=alert(7331)>\u2029',
	'\ud800<script>alert(7331)</script>',
	'[x](javascript:alert(7331))',
	'<x onclick=alert(7331)>x</x>',
];

/** Script-ish URLs, for URL fields (url, detailsUrl, targetUrl, summary links). */
export const URL_VECTORS: readonly string[] = [
	'javascript:alert(7331)',
	'JaVaScRiPt:alert(7331)',
	' javascript:alert(7331)',
	'\tjavascript:alert(7331)',
	'java\tscript:alert(7331)',
	'java\nscript:alert(7331)',
	'\u0001javascript:alert(7331)',
	'&#106;avascript:alert(7331)',
	'javascript&colon;alert(7331)',
	'javascript:%61lert(7331)',
	'vbscript:msgbox(7331)',
	'data:text/html,<script>alert(7331)</script>',
	'data:text/html;base64,PHNjcmlwdD5hbGVydCg3MzMxKTwvc2NyaXB0Pg==',
	'DATA:image/svg+xml,<svg onload=alert(7331)>',
	'file:///etc/passwd',
	'//evil.example/alert(7331)',
	'/relative/alert(7331)',
	'https://example.org/"><script>alert(7331)</script>',
	"https://example.org/' onmouseover='alert(7331)",
	'https://example.org/?q=<img src=x onerror=alert(7331)>',
	'http://example.org/ok',
];
