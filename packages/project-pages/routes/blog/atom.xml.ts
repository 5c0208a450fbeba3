/** `/blog/atom.xml`: where mirage-www's first site served its feed (old posts link it); the same document as `/feed.xml`. */
export { GET } from './feed.xml.ts';
