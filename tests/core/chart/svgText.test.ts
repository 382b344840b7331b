// Escaping and fitting chart labels: user text must never break the SVG or overflow the chart.
import { describe, expect, it } from 'vitest';
import { escapeXml, fitText, textWidth } from '../../../src/core/chart/svgText.js';

describe('escapeXml', () => {
  it('escapes markup characters', () => {
    expect(escapeXml(`<b>"Tom" & 'Jerry'</b>`)).toBe('&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;');
  });

  it('drops characters XML cannot hold at all (controls, lone surrogates) and keeps real text', () => {
    expect(escapeXml('a\u0000b\u0007c\uD800d')).toBe('abcd');
    expect(escapeXml('Zürich 東京 😀\ttab')).toBe('Zürich 東京 😀\ttab');
  });
});

describe('fitText', () => {
  it('keeps text that fits', () => {
    expect(fitText('NeurIPS', 200, 14)).toBe('NeurIPS');
  });

  it('cuts long text with an ellipsis inside the width', () => {
    const long = 'IEEE Transactions on Pattern Analysis and Machine Intelligence';
    const cut = fitText(long, 120, 14);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(textWidth(cut, 14)).toBeLessThanOrEqual(120);
  });

  it('gives nothing when not even the ellipsis fits', () => {
    expect(fitText('NeurIPS', 3, 14)).toBe('');
  });

  it('measures wider for capitals and bold than for thin letters', () => {
    expect(textWidth('WWWW', 14)).toBeGreaterThan(textWidth('iiii', 14));
    expect(textWidth('2024', 14, true)).toBeGreaterThan(textWidth('2024', 14));
  });
});
