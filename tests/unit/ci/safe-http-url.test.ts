/** `safeHttpUrl`: the narrow form of the one URL rule, for URLs GitHub hands us. */
import { describe, expect, it } from 'vitest';
import { isSafeUrl, safeHttpUrl } from '../../../packages/project-pages/utils/safe-url.ts';

describe('safeHttpUrl', () => {
	it('keeps absolute http(s) URLs, as a browser reads them', () => {
		expect(safeHttpUrl('https://github.com/mirage/mirage/commit/abc')).toBe('https://github.com/mirage/mirage/commit/abc');
		expect(safeHttpUrl('HTTP://Example.ORG/a b')).toBe('http://example.org/a%20b');
		expect(safeHttpUrl(' https://ocaml.ci.dev/x ')).toBe('https://ocaml.ci.dev/x');
		expect(safeHttpUrl('https://example.org/"><script>')).toBe('https://example.org/%22%3E%3Cscript%3E');
	});

	it.each([
		'javascript:alert(1)',
		' JaVaScRiPt:alert(1)',
		'java\tscript:alert(1)',
		'\u0001javascript:alert(1)',
		'data:text/html,<script>alert(1)</script>',
		'vbscript:msgbox(1)',
		'file:///etc/passwd',
		'mailto:a@b.c',
		'/relative/path',
		'//evil.example/x',
		'#fragment',
		'not a url',
		'',
	])('refuses %j', (value) => {
		expect(safeHttpUrl(value)).toBeUndefined();
	});

	it('refuses what is not a string, and never accepts what the broad rule refuses', () => {
		for (const v of [undefined, null, 1, {}, ['https://x.org']]) expect(safeHttpUrl(v)).toBeUndefined();
		for (const v of ['javascript:x', 'data:x', 'https://ok.org']) if (!isSafeUrl(v)) expect(safeHttpUrl(v)).toBeUndefined();
	});
});
