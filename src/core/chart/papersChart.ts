// The /stats chart: papers per year (vertical bars) next to papers per venue (horizontal bars),
// as a PNG attachment for any platform.
import type { ReplyImage } from '../reply/neutralReply.js';
import type { VenueCount, YearCount } from '../stats/authorStats.js';
import { barChartSvg, type BarChartSpec } from './barChartSvg.js';
import { renderSvgToPng } from './renderPng.js';

/** 800×400 reads well in Discord and Slack previews; rendered at 2× for sharp text. */
export const PAPERS_CHART_SIZE = { width: 800, height: 400 } as const;

export interface PapersChartInput {
  title: string;
  subtitle?: string;
  years: YearCount[];
  venues: VenueCount[];
}

export function papersChartSpec(input: PapersChartInput): BarChartSpec {
  return {
    ...PAPERS_CHART_SIZE,
    title: input.title,
    subtitle: input.subtitle,
    panels: [
      { title: 'Papers per year', orientation: 'vertical', color: '#3b6fb6', weight: 1.8, bars: input.years.map((entry) => ({ label: String(entry.year), value: entry.papers })) },
      { title: 'Papers per venue', orientation: 'horizontal', color: '#e07b39', weight: 1, bars: input.venues.map((entry) => ({ label: entry.venue, value: entry.papers })) },
    ],
  };
}

export async function renderPapersChart(input: PapersChartInput, fileName = 'papers-per-year-and-venue.png'): Promise<ReplyImage> {
  const data = await renderSvgToPng(barChartSvg(papersChartSpec(input)));
  const years = input.years.filter((entry) => entry.papers > 0).map((entry) => `${entry.year}: ${entry.papers}`).join(', ');
  const venues = input.venues.map((entry) => `${entry.venue}: ${entry.papers}`).join(', ');
  return {
    fileName,
    mimeType: 'image/png',
    data,
    altText: `Bar chart of papers per year (${years}) and per venue (${venues})`,
  };
}
