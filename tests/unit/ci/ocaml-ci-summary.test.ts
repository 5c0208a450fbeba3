/** ocaml-ci's check-run summary, line by line, in the format `service/pipeline.ml` prints. */
import { describe, expect, it } from 'vitest';
import { MAX_VARIANTS, parseOcamlCiSummary } from '../../../packages/project-pages/ci/ocaml-ci-summary.ts';
import { ocamlCiLine } from '../../helpers/fake-github/toolchain-fixture.ts';

const job = (label: string) => `https://ocaml.ci.dev/github/mirage/mirage/commit/abc/variant/${label}/-/refs/heads/main`;

describe('parseOcamlCiSummary', () => {
	it('reads every kind of line ocaml-ci writes', () => {
		const summary = [
			'¯\\_(ツ)_/¯ [(lint-doc) (skipped)](' + job('(lint-doc)') + ')',
			'✅ [(lint-fmt) (passed)](' + job('(lint-fmt)') + ')',
			'❌ [alpine-3.21-5.3_opam-2.3 (failed: Exit code 2)](' + job('alpine-3.21-5.3_opam-2.3') + ')',
			'✅ [debian-12-5.3_opam-2.3 (passed)](' + job('debian-12-5.3_opam-2.3') + ')',
			'🟠 [freebsd-14.2-5.3_opam-2.3 (active)](' + job('freebsd-14.2-5.3_opam-2.3') + ')',
			'❌ [EXPERIMENTAL: windows-5.3_opam-2.3 (failure: Exit code 1)](' + job('windows-5.3_opam-2.3') + ')',
		].join('\n');
		expect(parseOcamlCiSummary(summary)).toEqual({
			truncated: false,
			variants: [
				{ name: '(lint-doc)', state: 'neutral', url: job('(lint-doc)') },
				{ name: '(lint-fmt)', state: 'success', url: job('(lint-fmt)') },
				{ name: 'alpine-3.21-5.3_opam-2.3', state: 'failure', detail: 'Exit code 2', url: job('alpine-3.21-5.3_opam-2.3') },
				{ name: 'debian-12-5.3_opam-2.3', state: 'success', url: job('debian-12-5.3_opam-2.3') },
				{ name: 'freebsd-14.2-5.3_opam-2.3', state: 'pending', url: job('freebsd-14.2-5.3_opam-2.3') },
				{ name: 'windows-5.3_opam-2.3', state: 'failure', experimental: true, detail: 'Exit code 1', url: job('windows-5.3_opam-2.3') },
			],
		});
	});

	it('agrees with the fixture that writes the same format', () => {
		const line = ocamlCiLine('debian-12-5.3_opam-2.3', { failed: 'Exit code 2' }, job('x'));
		expect(line).toBe(`❌ [debian-12-5.3_opam-2.3 (failed: Exit code 2)](${job('x')})`);
		expect(parseOcamlCiSummary(ocamlCiLine('(lint-doc)', 'skipped', job('y'))).variants).toEqual([
			{ name: '(lint-doc)', state: 'neutral', url: job('y') },
		]);
	});

	it('keeps a failure message with parentheses, and one that runs over several lines', () => {
		const summary = `❌ [debian-12 (failed: Exit code 2 (in "dune build"))](${job('d')})\n❌ [alpine (failed: Exit code 1\nsee the log)](${job('a')})\n\n✅ [fedora (passed)](${job('f')})`;
		expect(parseOcamlCiSummary(summary).variants.map((v) => [v.name, v.detail])).toEqual([
			['debian-12', 'Exit code 2 (in "dune build")'],
			['alpine', 'Exit code 1\nsee the log'],
			['fedora', undefined],
		]);
	});

	it('drops a link that is not an absolute http(s) URL, keeping the variant', () => {
		const summary = `❌ [x (failed: boom)](javascript:alert(1))\n✅ [y (passed)](data:text/html,hi)\n✅ [z (passed)](/relative)`;
		expect(parseOcamlCiSummary(summary)).toEqual({
			truncated: false,
			variants: [
				{ name: 'x', state: 'failure', detail: 'boom' },
				{ name: 'y', state: 'success' },
				{ name: 'z', state: 'success' },
			],
		});
	});

	it("finds nothing in other CIs' prose, and says when lines it could not read were left out", () => {
		expect(parseOcamlCiSummary('All 12 jobs passed.')).toEqual({ variants: [], truncated: false });
		expect(parseOcamlCiSummary(undefined)).toEqual({ variants: [], truncated: false });
		expect(parseOcamlCiSummary(`✅ [no outcome](${job('n')})\n✅ [ok (passed)](${job('o')})`)).toEqual({
			variants: [{ name: 'ok', state: 'success', url: job('o') }],
			truncated: true,
		});
	});

	it('keeps at most MAX_VARIANTS, saying so', () => {
		const summary = Array.from({ length: MAX_VARIANTS + 5 }, (_, i) => `✅ [v${i} (passed)](${job(String(i))})`).join('\n');
		const parsed = parseOcamlCiSummary(summary);
		expect(parsed.variants).toHaveLength(MAX_VARIANTS);
		expect(parsed.truncated).toBe(true);
	});
});
