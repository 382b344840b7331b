// Text in hand-built SVG: escaping (labels come from users and papers) and a width estimate for
// DejaVu Sans, the bundled font, so long labels are cut with an ellipsis instead of overflowing.

/** Characters XML 1.0 does not allow at all (control characters, lone surrogates): dropped. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Safe inside SVG text and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Approximate advance width of text in DejaVu Sans at a font size, in pixels. Per-character
 * classes from the font's metrics (digits 0.636 em, most lower case ~0.6, capitals ~0.7, thin
 * punctuation ~0.32); slightly generous, so estimates err towards cutting early.
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const char of text) {
    if (/[ilj.,:;'|!()[\]{}\u00B7]/u.test(char)) em += 0.33;
    else if (char === ' ') em += 0.32;
    else if (/[fIt/\\r-]/u.test(char)) em += 0.45;
    else if (/[0-9]/u.test(char)) em += 0.636;
    else if (/[mwMW@%]/u.test(char)) em += 0.95;
    else if (/[A-Z]/u.test(char)) em += 0.72;
    else if (/[\u1100-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\u{1F000}-\u{1FAFF}]/u.test(char)) em += 1;
    else em += 0.62;
  }
  return em * fontSize * (bold ? 1.1 : 1);
}

/** The text, cut with "…" so it fits in maxWidth pixels. */
export function fitText(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const chars = Array.from(text);
  while (chars.length > 0 && textWidth(`${chars.join('').trimEnd()}…`, fontSize, bold) > maxWidth) chars.pop();
  return chars.length === 0 ? '' : `${chars.join('').trimEnd()}…`;
}
