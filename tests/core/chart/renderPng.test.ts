// SVG to PNG: a real PNG of the right size, and text drawn with the bundled font even though the
// renderer may not look at system fonts (the bot must work on a machine with none installed).
import { Resvg } from '@resvg/resvg-js';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHART_FONT_FAMILY } from '../../../src/core/chart/barChartSvg.js';
import { renderPapersChart } from '../../../src/core/chart/papersChart.js';
import { chartFontFiles, renderSvgToPng } from '../../../src/core/chart/renderPng.js';

const TEXT_ONLY = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><rect width="200" height="60" fill="#fff"/><text x="10" y="40" font-size="30" font-family="${CHART_FONT_FAMILY}">2024</text></svg>`;

function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function darkPixels(fontFiles: string[]): number {
  const image = new Resvg(TEXT_ONLY, { font: { fontFiles, loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY } }).render();
  // The getter copies the buffer out of the native image each time: read it once.
  const pixels = image.pixels;
  let dark = 0;
  for (let i = 0; i < pixels.length; i += 4) if ((pixels[i] ?? 255) < 128) dark += 1;
  return dark;
}

describe('renderSvgToPng', () => {
  it('finds the bundled regular and bold fonts', () => {
    const files = chartFontFiles();
    expect(files.map((file) => file.split('/').at(-1))).toEqual(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']);
    for (const file of files) expect(existsSync(file)).toBe(true);
  });

  it('draws text only because of the bundled font (no system fonts are loaded)', () => {
    expect(darkPixels([])).toBe(0);
    expect(darkPixels(chartFontFiles())).toBeGreaterThan(50);
  });

  it('makes a PNG at twice the SVG size by default', async () => {
    const png = await renderSvgToPng(TEXT_ONLY);
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngSize(png)).toEqual({ width: 400, height: 120 });
    expect(pngSize(await renderSvgToPng(TEXT_ONLY, { scale: 1 }))).toEqual({ width: 200, height: 60 });
  });

  it('reports broken SVG as a coded error', async () => {
    await expect(renderSvgToPng('<svg')).rejects.toMatchObject({ code: 'INTERNAL', message: 'The chart could not be drawn.' });
  });
});

describe('renderPapersChart', () => {
  it('is a 1600×800 PNG attachment with alt text listing the numbers', async () => {
    const image = await renderPapersChart({
      title: 'All 3 papers',
      years: [{ year: 2023, papers: 1 }, { year: 2024, papers: 0 }, { year: 2025, papers: 2 }],
      venues: [{ venue: 'ICLR', papers: 3 }],
    });
    expect(image.mimeType).toBe('image/png');
    expect(image.fileName).toBe('papers-per-year-and-venue.png');
    expect(pngSize(image.data)).toEqual({ width: 1600, height: 800 });
    expect(image.altText).toBe('Bar chart of papers per year (2023: 1, 2025: 2) and per venue (ICLR: 3)');
  });
});
