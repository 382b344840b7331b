// The Discord renderer keeps every message inside Discord's limits whatever the neutral reply
// holds (property tests over hostile replies), cuts at a word with an ellipsis and a "more"
// pointer, and never lets a paper title ping anyone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS, embedLength, renderDiscordReply, waterFill, type DiscordMessage } from '../../../src/adapters/discord/renderDiscordReply.js';
import { encodeButtonId } from '../../../src/core/commands/buttonCodec.js';
import { reply, type NeutralReply, type ReplyCard } from '../../../src/core/reply/neutralReply.js';
import type { PaperStore } from '../../../src/core/store/paperStore.js';

/** Just enough store for long button invocations, which the codec keeps under a short key. */
const buttonStates = new Map<string, string>();
const store = {
  putButtonState: async (key: string, state: string) => void buttonStates.set(key, state),
  getButtonState: async (key: string) => buttonStates.get(key),
} as unknown as PaperStore;
const render = (neutral: NeutralReply): Promise<DiscordMessage> => renderDiscordReply(neutral, { encodeButton: (invocation) => encodeButtonId(invocation, store) });

const MENTION = /@everyone|@here|<@[!&]?\d+>|<#\d+>/;

/** Text that mixes words, mentions, markdown, links, newlines and odd Unicode. */
const hostileText = (maxPieces: number): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
        { weight: 1, arbitrary: fc.constantFrom('@everyone', '@here', '<@&123>', '<@456>', '<@!789>', '<#101>', '**bold**', '`code`', '\\', '> quote', '# head', '-# sub', '\n', 'https://example.org/a_(b)', '🧪', '\u{1F468}\u200D\u{1F469}') },
        { weight: 3, arbitrary: fc.constant(' ') },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
      ),
      { maxLength: maxPieces },
    )
    .map((pieces) => pieces.join(''));

const cardArbitrary: fc.Arbitrary<ReplyCard> = fc.record(
  {
    title: hostileText(80),
    url: fc.oneof(fc.constant('https://github.com/example/repo'), fc.webUrl(), hostileText(3)),
    subtitle: hostileText(60),
    body: fc.oneof(hostileText(40), hostileText(1500)),
    fields: fc.array(fc.record({ name: hostileText(60), value: fc.oneof(hostileText(10), hostileText(600)), inline: fc.boolean() }, { requiredKeys: ['name', 'value'] }), { maxLength: 30 }),
    footer: hostileText(600),
  },
  { requiredKeys: ['title'] },
);

const replyArbitrary: fc.Arbitrary<NeutralReply> = fc.record({
  ephemeral: fc.boolean(),
  text: hostileText(200),
  cards: fc.array(cardArbitrary, { maxLength: 14 }),
  buttons: fc.array(
    fc.record(
      {
        label: hostileText(30),
        invocation: fc.record({
          command: fc.constantFrom('papers', 'paper', 'random'),
          options: fc.dictionary(fc.constantFrom('query', 'page', 'paper', 'view'), fc.oneof(hostileText(40), fc.integer(), fc.boolean()), { maxKeys: 3 }),
        }),
        style: fc.constantFrom('primary' as const, 'secondary' as const, 'danger' as const),
        disabled: fc.boolean(),
      },
      { requiredKeys: ['label', 'invocation'] },
    ),
    { maxLength: 30 },
  ),
  images: fc.array(
    fc.record({ fileName: fc.oneof(fc.constant('chart.png'), hostileText(4)), mimeType: fc.constant('image/png' as const), data: fc.uint8Array({ maxLength: 16 }), altText: hostileText(300) }),
    { maxLength: 12 },
  ),
  footer: fc.option(hostileText(200), { nil: undefined }),
  errorCode: fc.option(fc.constantFrom('NO_MATCHES', 'INTERNAL'), { nil: undefined }),
});

/** Every text of a message that Discord shows. */
function shownTexts(message: DiscordMessage): string[] {
  return [
    message.content,
    ...message.embeds.flatMap((embed) => [embed.title ?? '', embed.description ?? '', embed.footer?.text ?? '', ...(embed.fields ?? []).flatMap((field) => [field.name, field.value])]),
    ...message.components.flatMap((row) => row.components.map((button) => button.label ?? '')),
    ...message.attachments.map((attachment) => attachment.description),
  ];
}

function expectWithinDiscordLimits(message: DiscordMessage, neutral: NeutralReply): void {
  expect(message.allowed_mentions).toEqual({ parse: [], replied_user: false });
  expect(message.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  expect(message.content.length > 0 || message.embeds.length > 0 || message.files.length > 0).toBe(true);
  expect(message.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embeds);
  let total = 0;
  for (const embed of message.embeds) {
    expect(embed.title === undefined && embed.description === undefined && embed.fields === undefined && embed.footer === undefined).toBe(false);
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedFields);
    for (const field of embed.fields ?? []) {
      expect(field.name.trim().length).toBeGreaterThan(0);
      expect(field.value.trim().length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    }
    if (embed.url !== undefined) expect(['http:', 'https:']).toContain(new URL(embed.url).protocol);
    total += embedLength(embed);
  }
  expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  expect(message.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.actionRows);
  const ids = message.components.flatMap((row) => row.components.map((button) => button.custom_id));
  expect(new Set(ids).size).toBe(ids.length);
  for (const row of message.components) {
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.buttonsPerRow);
    for (const button of row.components) {
      expect(button.custom_id.length).toBeGreaterThan(0);
      expect(button.custom_id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
      expect(button.label?.trim().length ?? 0).toBeGreaterThan(0);
      expect(button.label?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.buttonLabel);
    }
  }
  expect(message.files.length).toBeLessThanOrEqual(DISCORD_LIMITS.files);
  expect(new Set(message.files.map((file) => file.name)).size).toBe(message.files.length);
  for (const attachment of message.attachments) expect(attachment.description.length).toBeLessThanOrEqual(DISCORD_LIMITS.attachmentDescription);
  expect(message.flags === 64).toBe(neutral.ephemeral || neutral.errorCode !== undefined);
  for (const text of shownTexts(message)) expect(text).not.toMatch(MENTION);
}

describe('renderDiscordReply', () => {
  it('renders any neutral reply inside every Discord limit, pinging nobody', async () => {
    await fc.assert(
      fc.asyncProperty(replyArbitrary, async (neutral) => {
        expectWithinDiscordLimits(await render(neutral), neutral);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps short replies whole: nothing cut, nothing dropped', async () => {
    const neutral = reply('3 papers match `year:2024`.', {
      cards: [{ title: 'GridMix: Exploring Spatial Modulation', url: 'https://github.com/a/b', subtitle: 'ICLR 2021 · A, B', body: 'A short abstract.', footer: 'id: 2021-gridmix', fields: [{ name: 'Venue', value: 'ICLR 2021', inline: true }] }],
      footer: 'page 1 of 1',
    });
    const message = await render(neutral);
    expect(message.content).toBe('3 papers match `year:2024`.\n-# page 1 of 1');
    expect(message.embeds).toEqual([
      {
        color: expect.any(Number),
        title: 'GridMix: Exploring Spatial Modulation',
        url: 'https://github.com/a/b',
        description: '*ICLR 2021 · A, B*\nA short abstract.',
        fields: [{ name: 'Venue', value: 'ICLR 2021', inline: true }],
        footer: { text: 'id: 2021-gridmix' },
      },
    ]);
    expect(message.flags).toBeUndefined();
  });

  it('cuts a long abstract at a word, with an ellipsis and a link to read more', async () => {
    const words = Array.from({ length: 2000 }, (_, position) => `word${position}`);
    const message = await render(reply('One paper.', { cards: [{ title: 'Long', url: 'https://github.com/a/b', body: words.join(' ') }] }));
    const description = message.embeds[0]?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(description.endsWith(' … [more](https://github.com/a/b)')).toBe(true);
    const kept = description.replace(' … [more](https://github.com/a/b)', '').split(' ');
    expect(kept).toEqual(words.slice(0, kept.length));
  });

  it('shares the 6000 characters among ten long cards and says how many did not fit', async () => {
    const long = 'lorem ipsum '.repeat(500);
    const cards = Array.from({ length: 12 }, (_, position) => ({ title: `Paper ${position + 1}`, body: long }));
    const message = await render(reply('12 papers match.', { cards }));
    expect(message.embeds).toHaveLength(10);
    const lengths = message.embeds.map(embedLength);
    expect(lengths.reduce((sum, length) => sum + length, 0)).toBeLessThanOrEqual(6000);
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThan(10);
    expect(message.content).toContain('2 more results do not fit');
    expect(message.embeds.every((embed) => embed.description?.endsWith('… (cut to fit Discord)'))).toBe(true);
  });

  it('defuses @everyone and role, user and channel mentions in titles and text', async () => {
    const hostile = '@everyone look <@&123> <@456> <#789> @here';
    const message = await render(reply(hostile, { cards: [{ title: hostile, body: hostile, footer: hostile, fields: [{ name: hostile, value: hostile }] }], buttons: [{ label: hostile, invocation: { command: 'papers', options: {} } }] }));
    expect(message.allowed_mentions).toEqual({ parse: [], replied_user: false });
    for (const text of shownTexts(message)) {
      expect(text).not.toMatch(MENTION);
      expect(text.replace(/\u200b/g, '').replace(/\\/g, '')).toContain('@everyone look <@&123> <@456> <#789> @here');
    }
  });

  it('escapes markdown in paper text but keeps the code spans commands write', async () => {
    const message = await render(reply('Matches `venue:NeurIPS` for *you*', { cards: [{ title: 'A_B*C', body: '# not a heading\n> not a quote' }] }));
    expect(message.content).toBe('Matches `venue:NeurIPS` for \\*you\\*');
    expect(message.embeds[0]?.title).toBe('A\\_B\\*C');
    expect(message.embeds[0]?.description).toBe('\\# not a heading\n\\> not a quote');
  });

  it('lays out buttons five to a row, at most five rows, with unique ids', async () => {
    const buttons = Array.from({ length: 30 }, (_, position) => ({ label: `Page ${position + 1}`, invocation: { command: 'papers', options: { page: position + 1 } } }));
    const message = await render(reply('Pages', { buttons }));
    expect(message.components.map((row) => row.components.length)).toEqual([5, 5, 5, 5, 5]);
  });

  it('attaches images as files with their alt text', async () => {
    const message = await render(reply('Chart', { images: [{ fileName: 'papers per year.png', mimeType: 'image/png', data: new Uint8Array([137, 80, 78, 71]), altText: 'Bar chart of papers per year' }] }));
    expect(message.files).toEqual([{ name: 'papers-per-year.png', data: new Uint8Array([137, 80, 78, 71]), contentType: 'image/png', description: 'Bar chart of papers per year' }]);
    expect(message.attachments).toEqual([{ id: 0, filename: 'papers-per-year.png', description: 'Bar chart of papers per year' }]);
  });

  it('makes errors ephemeral with the hint on its own line', async () => {
    const message = await render(reply('No paper matches "x".', { ephemeral: true, errorCode: 'PAPER_NOT_FOUND', footer: 'Search with /papers x.' }));
    expect(message.flags).toBe(64);
    expect(message.content).toBe('⚠️ No paper matches "x".\nSearch with /papers x.');
  });
});

describe('waterFill', () => {
  it('gives small items what they ask and splits the rest evenly, never over budget', () => {
    expect(waterFill([100, 5000, 5000], 6000)).toEqual([100, 2950, 2950]);
    fc.assert(
      fc.property(fc.array(fc.nat(10_000), { maxLength: 20 }), fc.nat(20_000), (sizes, budget) => {
        const shares = waterFill(sizes, budget);
        expect(shares.reduce((sum, share) => sum + share, 0)).toBeLessThanOrEqual(budget);
        shares.forEach((share, position) => expect(share).toBeLessThanOrEqual(sizes[position] ?? 0));
      }),
    );
  });
});
