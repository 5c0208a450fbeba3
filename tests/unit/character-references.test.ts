import { describe, expect, it } from 'vitest';
import { decodeCharacterReferences } from '../helpers/character-references.ts';

describe('decodeCharacterReferences', () => {
	it.each([
		['/a?x=1&amp;y=2', '/a?x=1&y=2'],
		['&AMP;&Lt;&quot;&apos;', '&<"\''],
		// What a hostile link hides its scheme behind: spellings a browser reads as "javascript:", and looser ones.
		['java&#115;cript&colon;alert(1)', 'javascript:alert(1)'],
		['&#x6A;avascript&#58;x', 'javascript:x'],
		['&#0000106;avascript&colon x', 'javascript: x'],
		['java&Tab;script&NewLine;:', 'java\tscript\n:'],
		['&sol;&sol;evil.example', '//evil.example'],
	])('%s reads as %j', (raw, decoded) => {
		expect(decodeCharacterReferences(raw)).toBe(decoded);
	});

	it('leaves a reference to no code point, and unknown names, as they are', () => {
		expect(decodeCharacterReferences('&#0; &#xD800; &#x110000; &bogus; & alone')).toBe('&#0; &#xD800; &#x110000; &bogus; & alone');
	});
});
