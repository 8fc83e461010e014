// Control and invisible characters that crawlers and converters leave in pages.
// Line-ish separators (vertical tab, NEL, U+2028/2029) become line breaks; other
// C0/C1 controls, DEL and zero-width characters are dropped, since inside a name
// (工\u200b信部) they would hide it from every rule. Tabs, line feeds, carriage
// returns and form feeds (page breaks) carry layout and stay.

const LINE_LIKE = /[\v\u0085\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u200b-\u200d\u2060\ufeff]/g;

export function cleanControls(text: string): string {
  return text.replace(LINE_LIKE, "\n").replace(INVISIBLE, "");
}
