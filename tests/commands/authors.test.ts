// /authors through the real runtime on a SQLite file seeded with the bundled corpus.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../helpers/testRuntime.js';

let bot: TestRuntime;
beforeAll(async () => {
  bot = await startTestRuntime();
});
afterAll(async () => {
  await bot.close();
});

describe('/authors with no name', () => {
  it('lists the most frequent authors with their counts', async () => {
    const outcome = await bot.ask('/authors');
    expect(outcome.reply.errorCode).toBeUndefined();
    expect(outcome.reply.text).toBe('The most frequent authors among 27 papers (77 authors in all):');
    const lines = outcome.reply.cards[0]?.body?.split('\n') ?? [];
    expect(lines.slice(0, 3)).toEqual(['1. Shiji Song — 27 papers', '2. Gao Huang — 17 papers', '3. Yulin Wang — 5 papers']);
    expect(lines).toHaveLength(10);
    expect(outcome.reply.buttons.map((button) => button.invocation)).toContainEqual({ command: 'authors', options: { name: 'Gao Huang' } });
  });
});

describe('/authors <name>', () => {
  it("shows an author's papers, years active, venues and top co-authors with counts", async () => {
    const outcome = await bot.ask('/authors Gao Huang');
    expect(outcome.reply.text).toBe('Gao Huang: 17 papers, 2015–2025.');
    expect(outcome.total).toBe(17);
    expect(outcome.query).toBe('author:"Gao Huang"');
    expect(outcome.papers?.[0]?.year).toBe(2025);
    const fields = Object.fromEntries((outcome.reply.cards[0]?.fields ?? []).map((field) => [field.name, field.value]));
    expect(fields['Years active']).toBe('2015 (1) · 2019 (2) · 2020 (1) · 2021 (2) · 2022 (3) · 2023 (4) · 2024 (2) · 2025 (2)');
    expect(fields.Venues).toBe('NeurIPS (10) · ICLR (3) · AAAI (2) · ICML (1) · IROS (1)');
    expect(fields['Top co-authors']?.startsWith('Shiji Song (17) · Yulin Wang (5)')).toBe(true);
    expect(fields.Papers?.split('\n')).toHaveLength(9);
    expect(fields.Papers).toContain('2025 · ICLR · GridMix: Exploring Spatial Modulation for Neural Fields in PDE Modeling');
    expect(fields.Papers?.endsWith('… and 9 more')).toBe(true);
    // Every field fits a Discord embed field.
    for (const value of Object.values(fields)) expect(value.length).toBeLessThanOrEqual(1024);
    expect(outcome.reply.buttons[0]).toMatchObject({ label: 'All papers', invocation: { command: 'papers', options: { query: 'author:"Gao Huang"' } } });
  });

  it('counts the cluster author on papers whose shown author list is cut', async () => {
    const outcome = await bot.ask('/authors Shiji Song');
    expect(outcome.total).toBe(27);
    const papersField = outcome.reply.cards[0]?.fields?.find((field) => field.name === 'Papers')?.value ?? '';
    expect(papersField).toContain('2024 · IROS · A Unified Interaction Control Framework for Safe Robotic Ultrasound Scanning with Human-I…');
    expect(papersField.length).toBeLessThanOrEqual(1024);
    expect(outcome.papers?.map((paper) => paper.title)).toContain(
      'Beyond the 80/20 Rule: High-Entropy Minority Tokens Drive Effective Reinforcement Learning for LLM Reasoning',
    );
  });

  it.each([
    ['gao huang', 'Gao Huang'],
    ['GÁO HÜANG', 'Gao Huang'],
    ['Gao Huang 0001', 'Gao Huang'],
    ['Song', 'Shiji Song'],
    ['Shiji Sung', 'Shiji Song'],
    ['yulin wnag', 'Yulin Wang'],
  ])('finds %s as %s', async (typed, expected) => {
    const outcome = await bot.ask(`/authors ${typed}`);
    expect(outcome.reply.cards[0]?.title).toBe(expected);
  });

  it('picks the most prolific author for a shared surname and names the others', async () => {
    const outcome = await bot.ask('/authors huang');
    expect(outcome.reply.cards[0]?.title).toBe('Gao Huang');
    expect(outcome.reply.footer).toBe('Also matching "huang": Rui Huang (3 papers), Zeyi Huang (1 paper).');
  });

  it('is routed from /papers authors … too', async () => {
    const outcome = await bot.ask('/papers authors Yulin Wang');
    expect(outcome.reply.text).toBe('Yulin Wang: 5 papers, 2019–2024.');
  });

  it('answers an unknown name with a user error and a did-you-mean hint', async () => {
    const outcome = await bot.ask('/authors Xurna Pna');
    expect(outcome.reply.errorCode).toBe('NO_MATCHES');
    expect(outcome.reply.ephemeral).toBe(true);
    expect(outcome.reply.text).toBe('No author matches "Xurna Pna".');
    expect(outcome.reply.footer).toMatch(/^Did you mean Xuran Pan/);
  });

  it('suggests the no-name list when nothing is close', async () => {
    const outcome = await bot.ask('/authors Ada Lovelace');
    expect(outcome.reply.errorCode).toBe('NO_MATCHES');
    expect(outcome.reply.footer).toBe('Try a surname alone, or run /authors for the most frequent authors.');
  });
});
