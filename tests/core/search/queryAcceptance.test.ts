// The foundation's "done when" queries on the bundled corpus, through the real command path
// (text command -> query language -> index -> /papers reply), as a user would type them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { startTestRuntime, TERMINAL_SOURCE, type TestRuntime } from '../../helpers/testRuntime.js';

let bot: TestRuntime;
beforeAll(async () => {
  bot = await startTestRuntime();
});
afterAll(async () => {
  await bot.close();
});

const titles = async (line: string): Promise<string[]> => ((await bot.ask(line)).papers ?? []).map((paper) => paper.title);

describe('/papers on the bundled corpus', () => {
  it('finds the 7 papers of 2024, newest first, 5 on the first page with a Next button', async () => {
    const outcome = await bot.ask('/papers year:2024');
    expect(outcome.total).toBe(7);
    expect(outcome.papers?.every((paper) => paper.year === 2024)).toBe(true);
    expect(outcome.reply.cards).toHaveLength(5);
    expect(outcome.reply.text).toBe('7 papers match `year:2024`.');
    expect(outcome.reply.buttons.map((button) => [button.label, button.disabled])).toEqual([
      ['◀ Prev', true],
      ['Next ▶', false],
    ]);
    expect(outcome.reply.footer).toContain('page 1 of 2');
  });

  it('offers "Subscribe to this query" in a chat channel, not in the terminal', async () => {
    const inSlack = await bot.ask('/papers year:2024', { platform: 'slack', user: { id: 'U1' }, channelId: 'C1', workspaceId: 'T1' });
    expect(inSlack.reply.buttons.map((button) => button.label)).toEqual(['◀ Prev', 'Next ▶', 'Subscribe to this query']);
    expect(inSlack.reply.buttons[2]?.invocation).toEqual({ command: 'subscribe', options: { query: 'year:2024' } });
  });

  it('pages: page:2 shows the remaining 2 of 2024', async () => {
    const outcome = await bot.ask('/papers year:2024 page:2');
    expect(outcome.reply.cards).toHaveLength(2);
    expect(outcome.reply.cards[0]?.title).toMatch(/^6\. /);
    expect(outcome.reply.buttons.find((button) => button.label.startsWith('Next'))?.disabled).toBe(true);
  });

  it('finds the 2 NeurIPS 2019 papers, also via the NIPS alias and any case', async () => {
    const expected = ['Implicit Semantic Data Augmentation for Deep Networks', 'Regularized Anderson Acceleration for Off-Policy Deep Reinforcement Learning'];
    expect((await titles('/papers venue:NeurIPS year:2019')).sort()).toEqual(expected);
    expect((await titles('/papers venue:nips year:2019')).sort()).toEqual(expected);
    expect((await bot.ask('/papers in:neurips year:2019')).query).toBe('venue:NeurIPS year:2019');
  });

  it('finds Gao Huang papers with code, counting "Gao Huang 0001" as the same person', async () => {
    const all = await bot.ask('/papers author:"Gao Huang"');
    expect(all.total).toBe(17);
    expect(all.papers?.map((paper) => paper.title)).toContain('GridMix: Exploring Spatial Modulation for Neural Fields in PDE Modeling');
    const withCode = await bot.ask('/papers author:"Gao Huang" has:code');
    expect(withCode.total).toBe(6);
    for (const paper of withCode.papers ?? []) {
      expect(paper.codeUrls.length).toBeGreaterThan(0);
      expect(paper.authors.some((author) => author.name === 'Gao Huang')).toBe(true);
    }
    expect(withCode.papers?.map((paper) => paper.title)).toContain('DeeR-VLA: Dynamic Inference of Multimodal Large Language Models for Efficient Robot Execution');
    expect((await bot.ask('/papers au:huang has:code')).total).toBeGreaterThanOrEqual(6);
  });

  it('puts the two linear-attention papers first for "linear attention"', async () => {
    const top = (await titles('/papers linear attention')).slice(0, 2).sort();
    expect(top).toEqual(['Bridging the Divide: Reconsidering Softmax and Linear Attention', 'Demystify Mamba in Vision: A Linear Attention Perspective']);
  });

  it('finds all 27 papers by the cluster person, even where the shown author list is cut', async () => {
    expect((await bot.ask('/papers author:"Shiji Song"')).total).toBe(27);
    expect((await bot.ask('/papers au:song')).total).toBe(27);
    expect((await bot.ask('/papers author:"SHIJI SONG"')).total).toBe(27);
  });

  it('handles phrases, exclusion and OR', async () => {
    expect(await titles('/papers "linear attention" -mamba')).toEqual(['Bridging the Divide: Reconsidering Softmax and Linear Attention']);
    expect(await titles('/papers "linear attention" NOT mamba')).toEqual(['Bridging the Divide: Reconsidering Softmax and Linear Attention']);
    const either = await titles('/papers title:mamba OR title:gridmix');
    expect(either.sort()).toEqual(['Demystify Mamba in Vision: A Linear Attention Perspective', 'GridMix: Exploring Spatial Modulation for Neural Fields in PDE Modeling']);
  });

  it('restricts words to a field', async () => {
    const inTitle = await titles('/papers title:vision');
    expect(inTitle).toHaveLength(2);
    expect(inTitle.every((title) => /vision/i.test(title))).toBe(true);
    expect((await bot.ask('/papers vision')).total).toBeGreaterThan(inTitle.length);
  });

  it('applies year ranges exactly', async () => {
    const ranged = await bot.ask('/papers year:2020..2022');
    expect(ranged.papers?.every((paper) => paper.year >= 2020 && paper.year <= 2022)).toBe(true);
    expect((await bot.ask('/papers year:2020-2022')).total).toBe(ranged.total);
    expect((await bot.ask('/papers since:2024')).papers?.every((paper) => paper.year >= 2024)).toBe(true);
    expect((await bot.ask('/papers before:2016')).total).toBe(2);
  });

  it('sorts by oldest and newest on request', async () => {
    const oldest = (await bot.ask('/papers sort:oldest')).papers ?? [];
    expect(oldest[0]?.year).toBe(2015);
    const newest = (await bot.ask('/papers reinforcement sort:newest')).papers ?? [];
    const years = newest.map((paper) => paper.year);
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  it('stems and tolerates light typos', async () => {
    expect(await titles('/papers atention')).toContain('Bridging the Divide: Reconsidering Softmax and Linear Attention');
    expect((await titles('/papers reinforcment')).length).toBeGreaterThan(5);
    expect(await titles('/papers augmentations')).toContain('Implicit Semantic Data Augmentation for Deep Networks');
  });

  it('finds acronyms defined in abstracts both ways', async () => {
    const byAcronym = await titles('/papers RLVR');
    expect(byAcronym).toContain('Does Reinforcement Learning Really Incentivize Reasoning Capacity in LLMs Beyond the Base Model?');
    const byLongForm = await titles('/papers "verifiable rewards"');
    expect(byLongForm.slice(0, 2).sort()).toEqual([...byAcronym].slice(0, 2).sort());
  });

  it('says so when nothing matches, without an error', async () => {
    const outcome = await bot.ask('/papers year:2016');
    expect(outcome.total).toBe(0);
    expect(outcome.reply.errorCode).toBeUndefined();
    expect(outcome.reply.text).toBe('No papers match `year:2016`.');
  });

  it('says when an author filter names nobody, with the closest name as a button', async () => {
    const outcome = await bot.ask('/papers author:"Shiji Sung" has:code');
    expect(outcome.total).toBe(0);
    expect(outcome.reply.errorCode).toBeUndefined();
    expect(outcome.reply.text).toBe('No author in this corpus matches "Shiji Sung". Did you mean Shiji Song?');
    expect(outcome.reply.footer).toBe('Try author:"Shiji Song" has:code');
    const [button] = outcome.reply.buttons;
    expect(button).toMatchObject({ label: 'Did you mean Shiji Song?', invocation: { command: 'papers', options: { query: 'author:"Shiji Song" has:code' } } });
    const corrected = await bot.runtime.run(button?.invocation ?? { command: 'papers', options: {} }, TERMINAL_SOURCE);
    expect(corrected.total).toBeGreaterThan(5);
    expect(corrected.papers?.every((paper) => paper.authors.some((author) => author.name === 'Shiji Song') && paper.codeUrls.length > 0)).toBe(true);
  });

  it('says nothing about authors when the author exists and other filters exclude every paper', async () => {
    const outcome = await bot.ask('/papers author:"Shiji Song" year:2016');
    expect(outcome.reply.text).toBe('No papers match `author:"Shiji Song" year:2016`.');
    expect(outcome.reply.buttons).toEqual([]);
  });

  it('suggests the name an author filter wrote in the other order', async () => {
    const outcome = await bot.ask('/papers author:"Huang Gao"');
    expect(outcome.reply.text).toBe('No author in this corpus matches "Huang Gao". Did you mean Gao Huang?');
  });

  it('names an unknown author without a suggestion when no name is close', async () => {
    const outcome = await bot.ask('/papers author:Zzyzx');
    expect(outcome.reply.text).toBe('No author in this corpus matches "Zzyzx".');
    expect(outcome.reply.footer).toContain('/authors');
    expect(outcome.reply.buttons).toEqual([]);
  });

  it('answers bad queries with a coded error, the position and a hint', async () => {
    const badYear = await bot.ask('/papers year:20x4');
    expect(badYear.reply).toMatchObject({ ephemeral: true, errorCode: 'QUERY_INVALID', text: 'year must be a year like 2024 or a range like 2020..2023' });
    expect(badYear.reply.footer).toBeTruthy();
    const badVenue = await bot.ask('/papers venue:NeurIPSS');
    expect(badVenue.reply.text).toBe('no venue NeurIPSS; did you mean NeurIPS?');
    const badField = await bot.ask('/papers colour:red');
    expect(badField.reply.errorCode).toBe('QUERY_INVALID');
    expect(badField.reply.footer).toContain('venue');
  });
});

describe('/paper, /random and /help', () => {
  it('finds a paper by short title, id, or with a typo, and offers Cite and Similar', async () => {
    for (const line of ['/paper GridMix', '/paper gridmx', '/paper 2025-gridmix-exploring-spatial-modulation-for-neural-fields-in-pde-modeling']) {
      const outcome = await bot.ask(line);
      expect(outcome.papers?.[0]?.title, line).toBe('GridMix: Exploring Spatial Modulation for Neural Fields in PDE Modeling');
    }
    const outcome = await bot.ask('/paper DeeR-VLA');
    expect(outcome.reply.cards[0]?.fields?.find((field) => field.name === 'Code')?.value).toBe('https://github.com/yueyang130/DeeR-VLA');
    expect(outcome.reply.buttons.map((button) => button.label)).toEqual(['Cite', 'Similar papers']);
  });

  it('cites in BibTeX and lists similar papers through the button invocations', async () => {
    const shown = await bot.ask('/paper Demystify Mamba');
    const [cite, similar] = shown.reply.buttons;
    const bibtex = await bot.runtime.run(cite!.invocation, { platform: 'terminal', user: { id: 't' } });
    expect(bibtex.answer).toMatch(/^@inproceedings\{han2024demystify,/);
    expect(bibtex.answer).toContain('booktitle = {NeurIPS}');
    expect(bibtex.answer).toContain('and others}');
    const similarOutcome = await bot.runtime.run(similar!.invocation, { platform: 'terminal', user: { id: 't' } });
    expect(similarOutcome.papers?.[0]?.title).toBe('Bridging the Divide: Reconsidering Softmax and Linear Attention');
    expect(similarOutcome.papers?.map((paper) => paper.id)).not.toContain(shown.papers?.[0]?.id);
  });

  it('says clearly when no paper matches', async () => {
    const outcome = await bot.ask('/paper zzzz qqqq');
    expect(outcome.reply).toMatchObject({ errorCode: 'PAPER_NOT_FOUND', ephemeral: true });
    expect(outcome.reply.footer).toContain('/papers');
  });

  it('picks a random paper among the matches, with an Another button', async () => {
    const outcome = await bot.ask('/random venue:IJCAI');
    expect(outcome.papers?.[0]?.venue).toBe('IJCAI');
    expect(outcome.reply.buttons[0]).toMatchObject({ label: 'Another', invocation: { command: 'random', options: { query: 'venue:IJCAI' } } });
    expect((await bot.ask('/random year:2016')).reply.errorCode).toBe('NO_MATCHES');
    const misspelled = await bot.ask('/random author:"Gao Huan"');
    expect(misspelled.reply).toMatchObject({ errorCode: 'NO_MATCHES', text: 'No author in this corpus matches "Gao Huan". Did you mean Gao Huang?', footer: 'Try author:"Gao Huang"' });
  });

  it('explains every command and the query syntax', async () => {
    const help = await bot.ask('/help');
    const commandNames = help.reply.cards[0]?.fields?.map((field) => field.name) ?? [];
    expect(commandNames).toEqual(expect.arrayContaining(['/papers', '/paper', '/random']));
    expect(help.reply.cards[1]?.body).toContain('has:code');
    expect((await bot.ask('/help papers')).reply.cards[0]?.fields?.find((field) => field.name === 'Examples')?.value).toContain('/papers year:2024');
    expect((await bot.ask('/help nothing')).reply.errorCode).toBe('UNKNOWN_COMMAND');
  });

  it('routes /papers <command> to that command and suggests close command names', async () => {
    expect((await bot.ask('/papers random venue:IJCAI')).papers?.[0]?.venue).toBe('IJCAI');
    expect((await bot.ask('/papers help')).reply.text).toContain('Commands');
    const error = await bot.ask('/papres year:2024').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('UNKNOWN_COMMAND');
    expect((error as UserError).message).toBe('There is no /papres command; did you mean /papers?');
  });
});
