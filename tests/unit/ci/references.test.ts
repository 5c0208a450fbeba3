import { describe, expect, it } from 'vitest';
import { findReferences, parseReference } from '../../../packages/project-pages/ci/references.ts';

const ids = (text: string) => findReferences(text).map((r) => r.id);

describe('findReferences', () => {
	it('finds short references with index and length', () => {
		const text = 'See mirage/mirage#1234 and (Solo5/solo5#5).';
		const refs = findReferences(text);
		expect(refs.map((r) => [r.id, text.slice(r.index, r.index + r.length)])).toEqual([
			['mirage/mirage#1234', 'mirage/mirage#1234'],
			['Solo5/solo5#5', 'Solo5/solo5#5'],
		]);
		expect(refs[0]).toMatchObject({
			owner: 'mirage',
			repo: 'mirage',
			number: 1234,
			url: 'https://github.com/mirage/mirage/issues/1234',
		});
	});

	it('finds issue and pull request URLs, ignoring a trailing fragment or path', () => {
		const text =
			'https://github.com/mirage/ocaml-dns/pull/42#issuecomment-9 and https://github.com/mirleft/ocaml-tls/issues/7/ and https://github.com/mirage/irmin/pull/3/files';
		const refs = findReferences(text);
		expect(refs.map((r) => r.id)).toEqual(['mirage/ocaml-dns#42', 'mirleft/ocaml-tls#7', 'mirage/irmin#3']);
		expect(text.slice(refs[0]!.index, refs[0]!.index + refs[0]!.length)).toBe('https://github.com/mirage/ocaml-dns/pull/42');
	});

	it('accepts repo names with dots, underscores and hyphens', () => {
		expect(ids('ocaml/ocaml.org#1 and a-b/c_d.e#2')).toEqual(['ocaml/ocaml.org#1', 'a-b/c_d.e#2']);
	});

	it('allows sentence punctuation and markdown emphasis around references', () => {
		expect(ids('Fixed in mirage/mirage#1, mirage/mirage#2; **mirage/mirage#3**. End mirage/mirage#4.')).toEqual([
			'mirage/mirage#1',
			'mirage/mirage#2',
			'mirage/mirage#3',
			'mirage/mirage#4',
		]);
	});

	it.each([
		['e-mail address', 'mail someone@mirage/mirage#1'],
		['path with an anchor', 'docs/guide/a/b#1'],
		['relative path', './a/b#1'],
		['URL fragment on another host', 'https://example.com/a/b#2'],
		['anchor that is not a number', 'a/b#intro'],
		['number glued to a word', 'a/b#12abc'],
		['number followed by a path', 'a/b#12/c'],
		['owner glued to a word', 'xa@b/c#1 and foo:a/b#1'],
		['owner starting with a hyphen', '-a/b#1'],
		['owner with a double hyphen', 'a--b/c#1'],
		['issue zero', 'a/b#0'],
		['non-issue GitHub URL', 'https://github.com/mirage/mirage/commit/1234'],
		['URL glued to a path', 'x/https://github.com/a/b/issues/1'],
		['dot repo', 'a/..#1'],
		['version number', 'v1.2/3#4'],
	])('ignores %s', (_name, text) => {
		expect(ids(text)).toEqual([]);
	});

	it('returns nothing for empty text', () => {
		expect(findReferences('')).toEqual([]);
	});
});

describe('parseReference', () => {
	it('parses both forms to the same reference', () => {
		const a = parseReference('mirage/mirage-tcpip#10');
		const b = parseReference('https://github.com/mirage/mirage-tcpip/pull/10');
		expect(a).toEqual({
			owner: 'mirage',
			repo: 'mirage-tcpip',
			number: 10,
			id: 'mirage/mirage-tcpip#10',
			url: 'https://github.com/mirage/mirage-tcpip/issues/10',
		});
		expect(b).toEqual(a);
	});

	it('tolerates surrounding whitespace and a trailing slash', () => {
		expect(parseReference('  https://github.com/a/b/issues/3/ ')?.id).toBe('a/b#3');
	});

	it.each([
		'',
		'mirage/mirage',
		'mirage#3',
		'see a/b#1',
		'a/b#1 extra',
		'https://github.com/a/b',
		'a/b#x',
		'https://gitlab.com/a/b/issues/1',
	])('rejects %j', (s) => {
		expect(parseReference(s)).toBeUndefined();
	});
});
