// The Slack renderer's contract: any neutral reply renders inside every Block Kit limit (a
// fast-check property), long text is cut at a word with a pointer, and mrkdwn is escaped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutAtWord, escapeMrkdwn, renderSlackBlocks, SHARE_ACTION_ID, SLACK_LIMITS, type SlackMessage } from '../../../src/adapters/slack/renderSlackBlocks.js';
import { reply, type NeutralReply, type ReplyCard } from '../../../src/core/reply/neutralReply.js';
import { mrkdwnTexts } from './slackTestBot.js';

interface TextObject {
  type: string;
  text: string;
}
interface BlockJson {
  type: string;
  text?: TextObject;
  fields?: TextObject[];
  elements?: ({ type: string; text: TextObject | string; action_id?: string; value?: string })[];
}

/** Every Slack limit the renderer promises; returns the first broken one, for a readable failure. */
function brokenLimit(message: SlackMessage): string | undefined {
  const blocks = message.blocks as unknown as BlockJson[];
  if (message.text.length === 0 || message.text.length > SLACK_LIMITS.fallbackText) return `fallback text length ${message.text.length}`;
  if (blocks.length > SLACK_LIMITS.blocksPerMessage) return `${blocks.length} blocks`;
  const actionIds = new Set<string>();
  for (const block of blocks) {
    if (block.type === 'header') {
      if (block.text?.type !== 'plain_text' || block.text.text.length === 0 || block.text.text.length > SLACK_LIMITS.headerText) return `header ${block.text?.text.length}`;
    } else if (block.type === 'section') {
      if (block.text === undefined && block.fields === undefined) return 'empty section';
      if (block.text !== undefined && (block.text.text.trim().length === 0 || block.text.text.length > SLACK_LIMITS.sectionText)) return `section text ${block.text.text.length}`;
      if (block.fields !== undefined) {
        if (block.fields.length === 0 || block.fields.length > SLACK_LIMITS.fieldsPerSection) return `${block.fields.length} fields`;
        for (const field of block.fields) if (field.text.trim().length === 0 || field.text.length > SLACK_LIMITS.fieldText) return `field ${field.text.length}`;
      }
    } else if (block.type === 'context') {
      const elements = block.elements ?? [];
      if (elements.length === 0 || elements.length > SLACK_LIMITS.contextElements) return `${elements.length} context elements`;
      for (const element of elements) {
        const text = typeof element.text === 'string' ? element.text : element.text.text;
        if (text.trim().length === 0 || text.length > SLACK_LIMITS.contextText) return `context text ${text.length}`;
      }
    } else if (block.type === 'actions') {
      const elements = block.elements ?? [];
      if (elements.length === 0 || elements.length > SLACK_LIMITS.elementsPerActions) return `${elements.length} buttons in a row`;
      for (const button of elements) {
        const label = typeof button.text === 'string' ? button.text : button.text.text;
        if (label.trim().length === 0 || label.length > SLACK_LIMITS.buttonText) return `button text ${label.length}`;
        if ((button.value ?? '').length === 0 || (button.value ?? '').length > SLACK_LIMITS.actionValue) return `button value ${button.value?.length}`;
        const id = button.action_id ?? '';
        if (id.length === 0 || id.length > SLACK_LIMITS.actionId) return `action_id ${id.length}`;
        if (actionIds.has(id)) return `duplicate action_id ${id}`;
        actionIds.add(id);
      }
    } else if (block.type !== 'divider') {
      return `unexpected block ${block.type}`;
    }
  }
  return undefined;
}

/** Strings that stress escaping and cutting: long, spaceless, entity-heavy, astral characters. */
const text = (maxLength: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: fc.constantFrom('a', ' ', '&', '<', '>', '\n', '😀', '|', '*', 'é'), maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
  );

const cardArbitrary: fc.Arbitrary<ReplyCard> = fc.record(
  {
    title: text(400),
    url: fc.oneof(fc.webUrl(), fc.string({ maxLength: 50 }), fc.constant('https://github.com/a/b?x=1&y=<2>')),
    subtitle: text(600),
    body: text(8000),
    fields: fc.array(fc.record({ name: text(300), value: text(4000), inline: fc.boolean() }, { requiredKeys: ['name', 'value'] }), { maxLength: 40 }),
    footer: text(3000),
  },
  { requiredKeys: ['title'] },
);

const replyArbitrary: fc.Arbitrary<{ reply: NeutralReply; values: string[]; share?: string }> = fc
  .record({
    ephemeral: fc.boolean(),
    text: text(6000),
    cards: fc.array(cardArbitrary, { maxLength: 60 }),
    buttons: fc.array(
      fc.record({
        label: text(200),
        invocation: fc.constant({ command: 'papers', options: {} }),
        style: fc.constantFrom('primary' as const, 'secondary' as const, 'danger' as const),
        disabled: fc.boolean(),
      }),
      { maxLength: 40 },
    ),
    images: fc.array(fc.record({ fileName: text(40), mimeType: fc.constant('image/png' as const), data: fc.constant(new Uint8Array([1])), altText: text(3000) }), { maxLength: 15 }),
    footer: fc.option(text(5000), { nil: undefined }),
    errorCode: fc.option(fc.constant('QUERY_INVALID'), { nil: undefined }),
    share: fc.option(fc.string({ minLength: 1, maxLength: 100 }), { nil: undefined }),
    valueLength: fc.integer({ min: 0, max: 2100 }),
  })
  .map(({ share, valueLength, ...neutral }) => ({
    reply: neutral,
    values: neutral.buttons.map((_, position) => `pb1:${'x'.repeat(valueLength)}${position}`),
    share,
  }));

describe('renderSlackBlocks', () => {
  it('renders any neutral reply inside every Slack limit', () => {
    fc.assert(
      fc.property(replyArbitrary, fc.boolean(), ({ reply: neutral, values, share }, inChannel) => {
        const message = renderSlackBlocks(neutral, { buttonValues: values, shareValue: share, imagesInChannel: inChannel });
        expect(brokenLimit(message)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('never lets reply text open a mention or a link, in mrkdwn blocks or in the fallback', () => {
    fc.assert(
      fc.property(replyArbitrary, ({ reply: neutral, values }) => {
        const message = renderSlackBlocks(neutral, { buttonValues: values });
        for (const text of mrkdwnTexts(message)) {
          // Our only `<` are links to valid card URLs; & only starts an entity.
          for (const span of text.match(/<[^>]*>?/g) ?? []) expect(span).toMatch(/^<https?:\/\/[^\s<>|]+\|[^<>]*>$/i);
          expect(text.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('escapes & < > everywhere mrkdwn is read, including the notification text', () => {
    const hostile = reply('Results for <!channel> & <@U123>', {
      cards: [
        { title: 'A <!here> title', url: 'https://github.com/a/b', subtitle: 'x > y', body: '<https://evil|click>', fields: [{ name: '<@U9>', value: 'a & b', inline: true }], footer: 'id: <#C1>' },
        { title: 'Second <@U2>' },
      ],
      footer: '<!subteam^S1>',
    });
    const message = renderSlackBlocks(hostile, { buttonValues: [] });
    expect(message.text).toBe('Results for &lt;!channel&gt; &amp; &lt;@U123&gt;');
    for (const text of mrkdwnTexts(message)) expect(text).not.toMatch(/<[!@#]/);
    const json = JSON.stringify(message.blocks);
    expect(json).toContain('*<https://github.com/a/b|A &lt;!here&gt; title>*');
    expect(json).toContain('&lt;https://evil|click&gt;');
    expect(json).toContain('*&lt;@U9&gt;*\\na &amp; b');
  });

  it('puts a single card under a header and links its code; several cards get linked bold titles', () => {
    const card: ReplyCard = { title: 'GridMix', url: 'https://github.com/a/gridmix', subtitle: 'NeurIPS 2024', body: 'Abstract.' };
    const single = renderSlackBlocks(reply('One paper', { cards: [card] }), { buttonValues: [] }).blocks;
    expect(single.map((block) => block.type)).toEqual(['section', 'divider', 'header', 'section']);
    expect(JSON.stringify(single[3])).toContain('<https://github.com/a/gridmix|github.com/a/gridmix>');
    const several = renderSlackBlocks(reply('Two papers', { cards: [card, { ...card, title: 'Other' }] }), { buttonValues: [] }).blocks;
    expect(several.filter((block) => block.type === 'header')).toEqual([]);
    expect(JSON.stringify(several)).toContain('*<https://github.com/a/gridmix|Other>*');
  });

  it('does not link URLs that could break out of <url|label>', () => {
    const message = renderSlackBlocks(reply('x', { cards: [{ title: 'T', url: 'https://a.example/x|<!channel>' }, { title: 'U', url: 'javascript:alert(1)' }] }), { buttonValues: [] });
    expect(JSON.stringify(message.blocks)).not.toContain('<https://a.example');
    expect(JSON.stringify(message.blocks)).not.toContain('<javascript');
  });

  it('cuts a long abstract at a word and points to the rest', () => {
    const words = Array.from({ length: 900 }, (_, position) => `word${position}`).join(' ');
    const message = renderSlackBlocks(reply('x', { cards: [{ title: 'T', url: 'https://github.com/a/b', body: words }, { title: 'U', body: words }] }), { buttonValues: [] });
    const sections = (message.blocks as unknown as BlockJson[]).filter((block) => block.type === 'section' && block.text !== undefined).map((block) => block.text?.text ?? '');
    const linked = sections.find((section) => section.includes('word0') && section.includes('|more>'));
    expect(linked).toMatch(/ word\d+… <https:\/\/github\.com\/a\/b\|more>$/);
    const plain = sections.find((section) => section.includes('word0') && !section.includes('|more>'));
    expect(plain).toMatch(/ word\d+… _\(shortened for Slack\)_$/);
    for (const section of sections) expect(section.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
  });

  it('summarises cards that do not fit in 50 blocks', () => {
    const cards = Array.from({ length: 40 }, (_, position) => ({ title: `Paper ${position}`, body: 'b', footer: `id: p${position}` }));
    const message = renderSlackBlocks(reply('Many', { cards }), { buttonValues: [] });
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(message.blocks)).toMatch(/_\d+ more items do not fit in one Slack message\._/);
  });

  it('leaves disabled buttons out, rows buttons by five with unique ids, and adds Share last', () => {
    const buttons = Array.from({ length: 7 }, (_, position) => ({ label: `B${position}`, invocation: { command: 'papers', options: {} }, disabled: position === 1 }));
    const message = renderSlackBlocks(reply('x', { buttons }), { buttonValues: buttons.map((_, position) => `pb1:v${position}`), shareValue: 'pb1:share' });
    const rows = (message.blocks as unknown as BlockJson[]).filter((block) => block.type === 'actions');
    expect(rows.map((row) => row.elements?.length)).toEqual([5, 2]);
    const ids = rows.flatMap((row) => row.elements?.map((element) => element.action_id) ?? []);
    expect(new Set(ids).size).toBe(7);
    expect(ids.at(-1)).toBe(SHARE_ACTION_ID);
    expect(JSON.stringify(rows)).not.toContain('pb1:v1');
  });

  it('marks errors and keeps their hint', () => {
    const message = renderSlackBlocks(reply('No paper matches "x".', { ephemeral: true, errorCode: 'PAPER_NOT_FOUND', footer: 'Search with /papers x' }), { buttonValues: [] });
    expect(message.text).toBe(':warning: No paper matches "x".');
    expect(JSON.stringify(message.blocks)).toContain('Search with /papers x');
  });
});

describe('cutAtWord and escapeMrkdwn', () => {
  it('cuts at a word, never inside an entity or a surrogate pair, within the limit', () => {
    expect(cutAtWord('alpha beta gamma delta', 14)).toBe('alpha beta…');
    expect(cutAtWord(escapeMrkdwn('&&&&&&&&&&'), 13)).toBe('&amp;&amp;…');
    expect(cutAtWord('😀😀😀😀', 4)).toBe('😀…');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 2, max: 200 }), (value, max) => {
        const cut = cutAtWord(escapeMrkdwn(value), max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(cut).not.toMatch(/&[a-z]*…$/);
        expect(cut).not.toMatch(/[\uD800-\uDBFF]…$/);
      }),
    );
  });

  it('escapes exactly the three control characters', () => {
    expect(escapeMrkdwn('a & b < c > d *e* _f_')).toBe('a &amp; b &lt; c &gt; d *e* _f_');
  });
});
