// Bar charts as SVG, built by hand: a title, an optional subtitle, and one or more panels side by
// side (vertical bars with a value axis, or horizontal bars with their labels on the left). Sized
// for chat previews: few, large labels, a value on every bar, nothing that needs a legend.
import { niceScale } from './niceScale.js';
import { escapeXml, fitText, textWidth } from './svgText.js';

export interface Bar {
  label: string;
  value: number;
}

export interface BarPanel {
  title: string;
  bars: Bar[];
  /** Vertical for ordered categories (years), horizontal for long names (venues). */
  orientation: 'vertical' | 'horizontal';
  /** Fill colour, any SVG colour. */
  color: string;
  /** Share of the width relative to the other panels. */
  weight?: number;
}

export interface BarChartSpec {
  /** Logical size in pixels; the PNG can be rendered at a multiple of it. */
  width: number;
  height: number;
  title: string;
  subtitle?: string;
  panels: BarPanel[];
}

/** The font the PNG renderer ships; see renderPng.ts. */
export const CHART_FONT_FAMILY = 'DejaVu Sans';

const PAD = 20;
const PANEL_GAP = 36;
const TITLE_SIZE = 22;
const SUBTITLE_SIZE = 15;
const PANEL_TITLE_SIZE = 16;
const LABEL_SIZE = 14;
const VALUE_SIZE = 14;
const INK = '#111827';
const MUTED = '#4b5563';
const GRID = '#e5e7eb';
const AXIS = '#9ca3af';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function barChartSvg(spec: BarChartSpec): string {
  const parts: string[] = [];
  parts.push(`<rect x="0" y="0" width="${spec.width}" height="${spec.height}" fill="#ffffff"/>`);
  const textWidthAvailable = spec.width - 2 * PAD;
  parts.push(text(PAD, PAD + TITLE_SIZE - 4, fitText(spec.title, textWidthAvailable, TITLE_SIZE, true), { size: TITLE_SIZE, bold: true }));
  let top = PAD + TITLE_SIZE + 8;
  if (spec.subtitle !== undefined && spec.subtitle !== '') {
    parts.push(text(PAD, top + SUBTITLE_SIZE - 2, fitText(spec.subtitle, textWidthAvailable, SUBTITLE_SIZE), { size: SUBTITLE_SIZE, fill: MUTED }));
    top += SUBTITLE_SIZE + 10;
  }
  top += 10;

  const totalWeight = spec.panels.reduce((sum, panel) => sum + (panel.weight ?? 1), 0);
  const panelsWidth = spec.width - 2 * PAD - PANEL_GAP * Math.max(0, spec.panels.length - 1);
  let x = PAD;
  for (const panel of spec.panels) {
    const width = (panelsWidth * (panel.weight ?? 1)) / totalWeight;
    const box: Box = { x, y: top, width, height: spec.height - PAD - top };
    parts.push(...panelSvg(panel, box));
    x += width + PANEL_GAP;
  }

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${spec.width}" height="${spec.height}" viewBox="0 0 ${spec.width} ${spec.height}" font-family="${CHART_FONT_FAMILY}">`,
    ...parts,
    '</svg>',
  ].join('\n');
}

function panelSvg(panel: BarPanel, box: Box): string[] {
  const parts = [text(box.x, box.y + PANEL_TITLE_SIZE, fitText(panel.title, box.width, PANEL_TITLE_SIZE, true), { size: PANEL_TITLE_SIZE, bold: true, fill: INK })];
  const body: Box = { x: box.x, y: box.y + PANEL_TITLE_SIZE + 12, width: box.width, height: box.height - PANEL_TITLE_SIZE - 12 };
  if (panel.bars.length === 0) {
    parts.push(text(body.x + body.width / 2, body.y + body.height / 2, 'No papers', { size: LABEL_SIZE, fill: MUTED, anchor: 'middle' }));
    return parts;
  }
  return [...parts, ...(panel.orientation === 'vertical' ? verticalBars(panel, body) : horizontalBars(panel, body))];
}

/** Bars up from a baseline, a value axis with gridlines on the left, category labels below. */
function verticalBars(panel: BarPanel, box: Box): string[] {
  const parts: string[] = [];
  const scale = niceScale(Math.max(...panel.bars.map((bar) => bar.value)));
  const axisWidth = Math.max(...scale.ticks.map((tick) => textWidth(String(tick), LABEL_SIZE))) + 10;
  // Room above the tallest bar for its value, and below the baseline for the labels.
  const plot: Box = { x: box.x + axisWidth, y: box.y + VALUE_SIZE + 6, width: box.width - axisWidth, height: box.height - VALUE_SIZE - 6 - LABEL_SIZE - 12 };
  const baseline = plot.y + plot.height;
  const yOf = (value: number): number => baseline - (value / scale.max) * plot.height;

  for (const tick of scale.ticks) {
    const y = round(yOf(tick));
    if (tick > 0) parts.push(`<line x1="${round(plot.x)}" y1="${y}" x2="${round(plot.x + plot.width)}" y2="${y}" stroke="${GRID}" stroke-width="1"/>`);
    parts.push(text(plot.x - 8, y + LABEL_SIZE * 0.35, String(tick), { size: LABEL_SIZE, fill: MUTED, anchor: 'end' }));
  }

  const slot = plot.width / panel.bars.length;
  const barWidth = Math.min(slot * 0.72, 64);
  // Show every label when they fit, else every second, third, ... from the first.
  const widest = Math.max(...panel.bars.map((bar) => textWidth(bar.label, LABEL_SIZE)));
  const every = Math.max(1, Math.ceil((widest + 4) / slot));
  // Values on every bar or on none: a chart where only the short numbers show reads as a pattern.
  const showValues = panel.bars.every((bar) => textWidth(String(bar.value), VALUE_SIZE, true) <= slot - 2);
  panel.bars.forEach((bar, position) => {
    const centre = plot.x + slot * (position + 0.5);
    const top = yOf(bar.value);
    if (bar.value > 0) {
      parts.push(`<rect x="${round(centre - barWidth / 2)}" y="${round(top)}" width="${round(barWidth)}" height="${round(baseline - top)}" rx="3" fill="${escapeXml(panel.color)}"/>`);
      if (showValues) parts.push(text(centre, top - 6, String(bar.value), { size: VALUE_SIZE, bold: true, fill: INK, anchor: 'middle' }));
    }
    if (position % every === 0) {
      parts.push(text(centre, baseline + LABEL_SIZE + 6, fitText(bar.label, Math.max(slot * every - 4, 0), LABEL_SIZE), { size: LABEL_SIZE, fill: MUTED, anchor: 'middle' }));
    }
  });
  parts.push(`<line x1="${round(plot.x)}" y1="${round(baseline)}" x2="${round(plot.x + plot.width)}" y2="${round(baseline)}" stroke="${AXIS}" stroke-width="1.5"/>`);
  return parts;
}

/** One row per category: label on the left, bar, value at the bar's end. */
function horizontalBars(panel: BarPanel, box: Box): string[] {
  const parts: string[] = [];
  const largest = Math.max(1, ...panel.bars.map((bar) => bar.value));
  const valueWidth = textWidth(String(largest), VALUE_SIZE, true) + 8;
  const labelWidth = Math.min(Math.max(...panel.bars.map((bar) => textWidth(bar.label, LABEL_SIZE))), box.width * 0.45);
  const barsX = box.x + labelWidth + 10;
  const barsWidth = Math.max(1, box.x + box.width - valueWidth - barsX);
  const rowHeight = Math.min(box.height / panel.bars.length, 38);
  const barHeight = Math.min(rowHeight * 0.7, 26);

  panel.bars.forEach((bar, position) => {
    const middle = box.y + rowHeight * (position + 0.5);
    const length = (bar.value / largest) * barsWidth;
    parts.push(text(barsX - 10, middle + LABEL_SIZE * 0.35, fitText(bar.label, labelWidth, LABEL_SIZE), { size: LABEL_SIZE, fill: INK, anchor: 'end' }));
    if (bar.value > 0) parts.push(`<rect x="${round(barsX)}" y="${round(middle - barHeight / 2)}" width="${round(Math.max(length, 2))}" height="${round(barHeight)}" rx="3" fill="${escapeXml(panel.color)}"/>`);
    parts.push(text(barsX + length + 6, middle + VALUE_SIZE * 0.35, String(bar.value), { size: VALUE_SIZE, bold: true, fill: INK }));
  });
  const axisBottom = box.y + rowHeight * panel.bars.length;
  parts.push(`<line x1="${round(barsX)}" y1="${round(box.y)}" x2="${round(barsX)}" y2="${round(axisBottom)}" stroke="${AXIS}" stroke-width="1.5"/>`);
  return parts;
}

function text(x: number, y: number, content: string, style: { size: number; bold?: boolean; fill?: string; anchor?: 'start' | 'middle' | 'end' }): string {
  const attributes = [
    `x="${round(x)}"`,
    `y="${round(y)}"`,
    `font-size="${style.size}"`,
    ...(style.bold === true ? ['font-weight="bold"'] : []),
    `fill="${style.fill ?? INK}"`,
    ...(style.anchor === undefined || style.anchor === 'start' ? [] : [`text-anchor="${style.anchor}"`]),
  ];
  return `<text ${attributes.join(' ')}>${escapeXml(content)}</text>`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
