// Hostile text end to end: a paper whose title, authors and abstract are full of Slack mention
// and link syntax, and queries made of it. Whatever reaches Slack must ping nobody and link only
// to the paper's own code URL, in blocks and in the notification fallback alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../../src/core/paper.js';
import { blockActionBody, buttonsOf, mrkdwnTexts, postSigned, slashCommandBody, startSlackTestBot, type SlackTestBot } from './slackTestBot.js';

const HOSTILE: Paper = {
  id: '2024-hostile-mentions-paper',
  title: 'Attention <!channel> & <@U0BOSS> <https://evil.example|click me> <#C0SECRET> <!subteam^S0TEAM> Is All You Need',
  venue: 'NeurIPS',
  venueKind: 'Conference',
  year: 2024,
  type: 'Conference Paper',
  authors: [{ name: '<!here> Mallory' }, { name: 'Eve <@U0BOSS>' }],
  authorsTruncated: false,
  clusterAuthors: ['Shiji Song'],
  abstract: 'We ping <!everyone> and <@U0BOSS>, link <https://evil.example|here> and <mailto:x@evil.example>. Also a > b & c < d; &lt; stays literal.',
  codeUrls: ['https://github.com/example/hostile?x=1&y=2'],
  sources: [{ file: 'hostile.txt' }],
};

/** Fails with the offending text when a message could ping someone or link somewhere else. */
function expectHarmless(message: Record<string, unknown>): void {
  const texts = mrkdwnTexts(message);
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) {
    // Every <…> span must be a link to the paper's own code URL (or another real paper's).
    for (const span of text.match(/<[^>]*>?/g) ?? []) {
      expect(span, text).toMatch(/^<https:\/\/(github\.com|gitlab\.com)\/[^\s<>|]+\|[^<>]*>$/);
      // The link target is everything up to the first |; the label may mention anything, escaped.
      expect(span.slice(1, span.indexOf('|')), text).not.toMatch(/evil\.example/);
    }
    // & appears only as the start of an entity we wrote.
    expect(text.replace(/&(amp|lt|gt);/g, ''), text).not.toContain('&');
  }
}

describe('Slack escaping of hostile titles and queries', () => {
  let bot: SlackTestBot;

  beforeAll(async () => {
    bot = await startSlackTestBot({ extraPapers: [HOSTILE] });
  });
  afterAll(async () => {
    await bot.stop();
  });

  const slash = async (command: string, text: string): Promise<Record<string, unknown>> => {
    const responseUrl = bot.slack.newResponseUrl();
    await postSigned(bot.baseUrl, slashCommandBody({ command, text, responseUrl }));
    const [reply] = await bot.slack.waitForResponses(responseUrl);
    return reply ?? {};
  };

  it('shows a hostile paper in full without a mention, and links its title only to its code', async () => {
    const reply = await slash('/paper', HOSTILE.id);
    expectHarmless(reply);
    const all = JSON.stringify(reply);
    expect(all).toContain('&lt;!channel&gt;');
    expect(all).toContain('&lt;@U0BOSS&gt;');
    expect(all).toContain('<https://github.com/example/hostile?x=1&amp;y=2|');
    expect(String(reply.text)).toContain('Attention &lt;!channel&gt; &amp; &lt;@U0BOSS&gt;');
  });

  it('lists a hostile paper among search results harmlessly', async () => {
    const reply = await slash('/papers', 'year:2024 attention');
    expect(JSON.stringify(reply)).toContain('&lt;!channel&gt;');
    expectHarmless(reply);
  });

  it('echoes hostile queries harmlessly, in answers and in errors', async () => {
    for (const [command, text] of [
      ['/papers', '<!channel> <@U0BOSS> <https://evil.example|x>'],
      ['/papers', 'year:2024 "<!here>"'],
      ['/paper', '<!channel> no such paper <@U0BOSS>'],
      ['/papers', 'venue:<!channel>'],
      ['/stats', '<!everyone>'],
      ['/nope<!channel>', 'x'],
    ] as const) {
      const reply = await slash(command, text);
      expectHarmless(reply);
      for (const mrkdwn of mrkdwnTexts(reply)) expect(mrkdwn, `${command} ${text}`).not.toMatch(/<[!@#]/);
    }
  });

  it('keeps the BibTeX and Similar views of a hostile paper harmless', async () => {
    const reply = await slash('/paper', HOSTILE.id);
    for (const label of ['Cite', 'Similar papers']) {
      const button = buttonsOf(reply).find((candidate) => candidate.text.text === label);
      const responseUrl = bot.slack.newResponseUrl();
      await postSigned(bot.baseUrl, blockActionBody({ actionId: button?.action_id ?? '', value: button?.value ?? '', responseUrl, isEphemeral: true }));
      const [pressed] = await bot.slack.waitForResponses(responseUrl);
      expectHarmless(pressed ?? {});
    }
  });
});
