// /stats through the real runtime: the text table, the numbers, and a real PNG chart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandOutcome } from '../../src/core/commands/command.js';
import { startTestRuntime, type TestRuntime } from '../helpers/testRuntime.js';

let bot: TestRuntime;
beforeAll(async () => {
  bot = await startTestRuntime();
});
afterAll(async () => {
  await bot.close();
});

function table(outcome: CommandOutcome, name: string): string[] {
  return outcome.reply.cards[0]?.fields?.find((field) => field.name === name)?.value.split('\n') ?? [];
}

function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('/stats', () => {
  it('counts every paper per year and venue, with a chart', async () => {
    const outcome = await bot.ask('/stats');
    expect(outcome.reply.errorCode).toBeUndefined();
    expect(outcome.reply.text).toBe('27 papers, 2015–2025; most in 2024 (7); top venue NeurIPS (14).');
    expect(outcome.total).toBe(27);
    expect(table(outcome, 'Per year')).toEqual(['2015: 2', '2016: 0', '2017: 0', '2018: 0', '2019: 4', '2020: 1', '2021: 2', '2022: 3', '2023: 5', '2024: 7', '2025: 3']);
    expect(table(outcome, 'Per venue')).toEqual(['NeurIPS: 14', 'AAAI: 4', 'IROS: 4', 'ICLR: 3', 'ICML: 1', 'IJCAI: 1']);
    const [image] = outcome.reply.images;
    expect(image?.mimeType).toBe('image/png');
    expect([...(image?.data.slice(0, 4) ?? [])]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(pngSize(image?.data ?? new Uint8Array(24))).toEqual({ width: 1600, height: 800 });
    expect(image?.altText).toContain('per venue (NeurIPS: 14, AAAI: 4, IROS: 4, ICLR: 3, ICML: 1, IJCAI: 1)');
  });

  it('counts only the papers matching a query', async () => {
    const outcome = await bot.ask('/stats venue:nips since:2022');
    expect(outcome.query).toBe('venue:NeurIPS year:>=2022');
    expect(outcome.total).toBe(10);
    expect(table(outcome, 'Per year')).toEqual(['2022: 3', '2023: 2', '2024: 3', '2025: 2']);
    expect(table(outcome, 'Per venue')).toEqual(['NeurIPS: 10']);
    expect(outcome.reply.text).toContain('all at NeurIPS');
    expect(outcome.reply.footer).toBe('Interpreted as: venue:NeurIPS year:>=2022');
  });

  it('names a misspelled author instead of an empty chart, with the closest name as a button', async () => {
    const outcome = await bot.ask('/stats author:"Shiji Sung"');
    expect(outcome.total).toBe(0);
    expect(outcome.reply.images).toEqual([]);
    expect(outcome.reply.text).toBe('No author in this corpus matches "Shiji Sung". Did you mean Shiji Song?');
    expect(outcome.reply.buttons[0]?.invocation).toEqual({ command: 'stats', options: { query: 'author:"Shiji Song"' } });
  });

  it('takes the venue and year as separate options (Discord) the same way', async () => {
    const fromText = await bot.ask('/stats venue:NeurIPS year:2024');
    const fromOptions = await bot.runtime.run({ command: 'stats', options: { venue: 'NeurIPS', year: '2024' } }, { platform: 'discord', user: { id: 'u1' } });
    expect(fromOptions.total).toBe(3);
    expect(fromOptions.reply.text).toBe(fromText.reply.text);
    expect(fromOptions.query).toBe(fromText.query);
  });

  it('is routed from /papers stats …', async () => {
    const outcome = await bot.ask('/papers stats author:"Gao Huang"');
    expect(outcome.total).toBe(17);
    expect(outcome.reply.images).toHaveLength(1);
  });

  it('says there is nothing to count, without a chart, when nothing matches', async () => {
    const outcome = await bot.ask('/stats zzzqqq');
    expect(outcome.reply.errorCode).toBeUndefined();
    expect(outcome.reply.text).toBe('No papers match `zzzqqq`, so there is nothing to count.');
    expect(outcome.reply.images).toEqual([]);
    expect(outcome.total).toBe(0);
  });

  it('reports a bad query as a query error', async () => {
    const outcome = await bot.ask('/stats venue:neurps');
    expect(outcome.reply.errorCode).toBe('QUERY_INVALID');
    expect(outcome.reply.text).toBe('no venue neurps; did you mean NeurIPS?');
  });
});
