// The chart's SVG: every bar and value is drawn, labels are escaped, and crowded axes thin out.
import { describe, expect, it } from 'vitest';
import { barChartSvg, type BarChartSpec } from '../../../src/core/chart/barChartSvg.js';
import { papersChartSpec } from '../../../src/core/chart/papersChart.js';

function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1] ?? '');
}

const spec = papersChartSpec({
  title: 'Papers matching venue:NeurIPS',
  subtitle: '2019–2025 · 1 venue',
  years: [
    { year: 2019, papers: 2 },
    { year: 2020, papers: 0 },
    { year: 2021, papers: 5 },
  ],
  venues: [
    { venue: 'NeurIPS', papers: 6 },
    { venue: 'A&B <W>', papers: 1 },
  ],
});

describe('barChartSvg', () => {
  const svg = barChartSvg(spec);

  it('is one SVG of the asked size in the bundled font', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="400"')).toBe(true);
    expect(svg).toContain('font-family="DejaVu Sans"');
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('draws titles, every year label, every venue label and each non-zero value', () => {
    const shown = texts(svg);
    expect(shown).toEqual(expect.arrayContaining(['Papers matching venue:NeurIPS', '2019–2025 · 1 venue', 'Papers per year', 'Papers per venue']));
    expect(shown).toEqual(expect.arrayContaining(['2019', '2020', '2021', 'NeurIPS', 'A&amp;B &lt;W&gt;']));
    expect(shown).toEqual(expect.arrayContaining(['2', '5', '6', '1']));
    // One bar per non-zero year and per venue.
    expect(svg.match(/<rect [^>]*fill="#3b6fb6"/g)).toHaveLength(2);
    expect(svg.match(/<rect [^>]*fill="#e07b39"/g)).toHaveLength(2);
  });

  it('never lets label text open a tag', () => {
    expect(svg).not.toContain('<W>');
  });

  it('thins year labels that would overlap and drops values too wide for thin bars', () => {
    const crowded: BarChartSpec = {
      width: 800,
      height: 400,
      title: 'Many years',
      panels: [{ title: 'Per year', orientation: 'vertical', color: 'blue', bars: Array.from({ length: 60 }, (_, i) => ({ label: String(1960 + i), value: 123 + i })) }],
    };
    const shown = texts(barChartSvg(crowded));
    const yearLabels = shown.filter((text) => /^(19|20)\d\d$/.test(text));
    expect(yearLabels.length).toBeGreaterThan(3);
    expect(yearLabels.length).toBeLessThan(60);
    expect(yearLabels[0]).toBe('1960');
    // Axis ticks are round; a value label would be one of 123..182 that is not a tick.
    expect(shown.filter((text) => /^1\d\d$/.test(text) && Number(text) % 50 !== 0)).toEqual([]);
  });

  it('says so when a panel has no bars', () => {
    const empty = barChartSvg({ width: 400, height: 300, title: 'Nothing', panels: [{ title: 'Per year', orientation: 'vertical', color: 'blue', bars: [] }] });
    expect(texts(empty)).toContain('No papers');
  });
});
