/** The red/green Atom feed, read back by a strict XML parser whatever GitHub's texts hold. */
import { describe, expect, it } from 'vitest';
import { parseXml, xmlElements } from '../../helpers/xml.ts';
import { statusFeed } from '../../../packages/project-pages/ci/feed.ts';
import { deriveRepo } from '../../../packages/project-pages/ci/derive.ts';
import type { Commit, RepoStatus } from '../../../packages/project-pages/ci/snapshot-schema.ts';

const oid = (i: number) => `${i}`.repeat(40).slice(0, 40);
const commit = (i: number, state: 'success' | 'failure' | undefined, message = `commit ${i}`): Commit => ({
	oid: oid(i),
	url: `https://github.com/a/b/commit/${oid(i)}`,
	message,
	committedAt: `2025-06-${String(20 - i).padStart(2, '0')}T12:00:00Z`,
	checks: state ? [{ name: 'ocaml-ci', kind: 'check-run', state }] : [],
});
const repo = (history: Commit[], group: string | null = 'core'): RepoStatus =>
	deriveRepo({
		id: 'a/b',
		owner: 'a',
		repo: 'b',
		url: 'https://github.com/a/b',
		branch: 'main',
		state: 'unknown',
		history,
		flakyChecks: [],
		...(group ? { group } : {}),
	});
const options = {
	title: 'Site',
	feedUrl: 'https://s.test/status/feed.xml',
	statusUrl: 'https://s.test/status/',
	repoUrl: () => 'https://s.test/status/a/b/',
};

/** Element names and the text inside each `title` and `summary`, by the strict parser (it throws on anything not well-formed). */
function read(xml: string): { names: string[]; texts: string[] } {
	const elements = xmlElements(parseXml(xml));
	return {
		names: elements.map((e) => e.name),
		texts: elements.filter((e) => e.name === 'title' || e.name === 'summary').map((e) => e.text),
	};
}

describe('statusFeed', () => {
	it('has one entry per turn, newest first, for tracked repos only', () => {
		const history = [commit(1, 'success'), commit(2, 'failure'), commit(3, undefined), commit(4, 'success')];
		const xml = statusFeed({ repos: [repo(history), { ...repo(history, null), id: 'c/d' }], fetchedAt: '2025-06-20T00:00:00Z' }, options);
		const { names, texts } = read(xml);
		expect(names.filter((n) => n === 'entry')).toHaveLength(2);
		expect(texts.filter((t) => /turned red|green again/.test(t))).toEqual([
			`a/b is green again at ${oid(1).slice(0, 7)}`,
			`a/b turned red at ${oid(2).slice(0, 7)}`,
		]);
		expect(xml).toContain(
			`<link rel="related" type="text/html" title="changes" href="https://github.com/a/b/compare/${oid(4)}...${oid(2)}"/>`,
		);
	});

	it('stays well-formed and inert whatever a commit message holds', () => {
		const evil = 'x</title><script>alert(1)</script>]]><!--&amp;\u0000\u001b\ud800 "\'';
		const xml = statusFeed({ repos: [repo([commit(1, 'failure', evil), commit(2, 'success')])], fetchedAt: 'not a date' }, options);
		const { names, texts } = read(xml);
		expect(names).not.toContain('script');
		expect(texts.some((t) => t.includes('x</title><script>alert(1)</script>]]><!--&amp;'))).toBe(true);
		expect(xml).toContain('<updated>1970-01-01T00:00:00.000Z</updated>');
	});
});
