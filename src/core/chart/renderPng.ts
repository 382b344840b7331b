// SVG to PNG with resvg, using the DejaVu fonts bundled as an npm package, so charts render the
// same on a server with no fonts installed. resvg (a native module) is loaded on first use, so
// commands that never draw a chart start without it.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ErrorCode, PaperbotError } from '../errors.js';
import { CHART_FONT_FAMILY } from './barChartSvg.js';

export interface PngOptions {
  /** Pixels per SVG unit: 2 gives crisp text on high-density screens and when chat apps scale down. */
  scale?: number;
}

/** The bundled regular and bold TrueType files (bold for titles and values). */
export function chartFontFiles(): string[] {
  const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return [join(fontDir, 'DejaVuSans.ttf'), join(fontDir, 'DejaVuSans-Bold.ttf')];
}

export async function renderSvgToPng(svg: string, options: PngOptions = {}): Promise<Uint8Array> {
  try {
    const { renderAsync } = await import('@resvg/resvg-js');
    const rendered = await renderAsync(svg, {
      font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY },
      fitTo: { mode: 'zoom', value: options.scale ?? 2 },
      background: '#ffffff',
      logLevel: 'off',
    });
    return new Uint8Array(rendered.asPng());
  } catch (error) {
    throw new PaperbotError(ErrorCode.Internal, 'The chart could not be drawn.', { hint: 'Try again; if it keeps happening, tell the bot operator.', cause: error });
  }
}
