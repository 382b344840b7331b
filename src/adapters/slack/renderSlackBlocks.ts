// Slack's renderer: a neutral reply as Block Kit blocks plus the `text` fallback that
// notifications and screen readers use. It knows Slack's limits and never exceeds them: long text
// is cut at a word with a pointer ("… more"), surplus cards are summarised, so Slack never rejects
// a reply with invalid_blocks. Every piece of reply text is mrkdwn-escaped (& < >) in blocks and
// in the fallback alike, so a paper titled "<!channel>" or "<@U123>" pings nobody and a title
// cannot break the link it sits in.
// @see https://docs.slack.dev/reference/block-kit/blocks
// @see https://docs.slack.dev/messaging/formatting-message-text#escaping
import type { types as SlackTypes } from '@slack/bolt';
import type { NeutralReply, ReplyCard, ReplyField } from '../../core/reply/neutralReply.js';

type KnownBlock = SlackTypes.KnownBlock;
type SectionBlock = SlackTypes.SectionBlock;
type Button = SlackTypes.Button;

/** Slack's documented Block Kit limits for messages (characters unless noted). */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  fieldsPerSection: 10,
  fieldText: 2000,
  elementsPerActions: 5,
  buttonText: 75,
  actionValue: 2000,
  actionId: 255,
  contextElements: 10,
  /** A context text object may hold 3000; a context line this long is already unreadable. */
  contextText: 2000,
  /** Top-level `text` may be 40 000; the fallback is a notification line, not the reply. */
  fallbackText: 3000,
} as const;

/** Every action id we render starts with this, so the adapter listens for exactly ours. */
export const SLACK_ACTION_PREFIX = 'paperbot:';
/** The Share button: re-posts the reply in the channel for everyone. */
export const SHARE_ACTION_ID = `${SLACK_ACTION_PREFIX}share`;

/** Caps that keep lead + one whole card + footer + buttons inside 50 blocks. */
const MAX_FIELD_BLOCKS_PER_CARD = 20;
const MAX_ACTION_ROWS = 5;

export interface SlackMessage {
  /** The notification / accessibility fallback, mrkdwn-escaped. */
  text: string;
  blocks: KnownBlock[];
}

export interface SlackRenderOptions {
  /** The encoded invocation (buttonCodec id) of each reply button, in the reply's order. */
  buttonValues: readonly string[];
  /** The encoded invocation the Share button posts in the channel; no Share button without it. */
  shareValue?: string;
  /**
   * The adapter uploads images only with replies everyone sees (a file in a channel is never
   * private); otherwise the message says that sharing posts the chart.
   */
  imagesInChannel?: boolean;
}

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Cuts text to at most `max` characters at a word boundary and appends `pointer` (which counts
 * toward `max`). Safe on escaped mrkdwn: it never leaves half an entity (&am…) or half a
 * surrogate pair behind.
 */
export function cutAtWord(text: string, max: number, pointer = '…'): string {
  if (text.length <= max) return text;
  const budget = Math.max(0, max - pointer.length);
  let cut = text.slice(0, budget);
  const lastSpace = cut.search(/\s\S*$/);
  if (lastSpace > budget / 2) cut = cut.slice(0, lastSpace);
  cut = cut.replace(/&[a-z]*$/, '');
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.trimEnd();
  return `${cut}${pointer}`.slice(0, max);
}

export function renderSlackBlocks(reply: NeutralReply, options: SlackRenderOptions): SlackMessage {
  const tail = [...imageNotes(reply, options.imagesInChannel === true), ...footerBlocks(reply), ...actionBlocks(reply, options)];
  const lead = leadSection(reply);
  const budget = SLACK_LIMITS.blocksPerMessage - tail.length - lead.length;

  const body: KnownBlock[] = [];
  let shownCards = 0;
  for (const card of reply.cards) {
    const blocks = [...(body.length > 0 || lead.length > 0 ? [{ type: 'divider' } as const] : []), ...cardBlocks(card, reply.cards.length === 1)];
    const remainingCards = reply.cards.length - shownCards - 1;
    // Keep one block free for the "more not shown" note unless this is the last card.
    if (body.length + blocks.length + (remainingCards > 0 ? 1 : 0) > budget) break;
    body.push(...blocks);
    shownCards += 1;
  }
  const hidden = reply.cards.length - shownCards;
  if (hidden > 0 && body.length < budget) {
    body.push(contextBlock(`_${hidden} more ${hidden === 1 ? 'item does' : 'items do'} not fit in one Slack message._`));
  }
  return { text: fallbackText(reply), blocks: [...lead, ...body, ...tail] };
}

function fallbackText(reply: NeutralReply): string {
  const source = reply.text.trim() !== '' ? reply.text : (reply.cards[0]?.title ?? 'paperbot');
  const text = cutAtWord(escapeMrkdwn(source.trim() === '' ? 'paperbot' : source), SLACK_LIMITS.fallbackText);
  return reply.errorCode === undefined ? text : `:warning: ${text}`.slice(0, SLACK_LIMITS.fallbackText);
}

function leadSection(reply: NeutralReply): KnownBlock[] {
  if (reply.text.trim() === '') return [];
  const prefix = reply.errorCode === undefined ? '' : ':warning: ';
  return [section(`${prefix}${cutAtWord(escapeMrkdwn(reply.text.trim()), SLACK_LIMITS.sectionText - prefix.length)}`)];
}

/** A card: a header (single-card replies) or bold linked title, its text, fields, and footer. */
function cardBlocks(card: ReplyCard, alone: boolean): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  const url = safeLinkUrl(card.url);
  const title = card.title.trim() === '' ? 'Untitled' : card.title.trim();
  const lines: string[] = [];
  if (alone) {
    blocks.push({ type: 'header', text: { type: 'plain_text', text: cutAtWord(title.replace(/\s+/g, ' '), SLACK_LIMITS.headerText), emoji: false } });
    if (url !== undefined) lines.push(`<${url}|${cutAtWord(escapeMrkdwn(shortUrl(url)), 200)}>`);
  } else {
    const label = cutAtWord(escapeMrkdwn(title.replace(/\s+/g, ' ')), 500);
    lines.push(url === undefined ? `*${label}*` : `*<${url}|${label}>*`);
  }
  if (card.subtitle !== undefined && card.subtitle.trim() !== '') lines.push(cutAtWord(escapeMrkdwn(card.subtitle.trim()), 400));
  const head = lines.join('\n');
  if (card.body !== undefined && card.body.trim() !== '') {
    const pointer = url === undefined ? '… _(shortened for Slack)_' : `… <${url}|more>`;
    const room = SLACK_LIMITS.sectionText - head.length - 1;
    const bodyText = cutAtWord(escapeMrkdwn(card.body.trim()), room, pointer.length < room / 2 ? pointer : '…');
    blocks.push(section(head === '' ? bodyText : `${head}\n${bodyText}`));
  } else if (head !== '') {
    blocks.push(section(head));
  }
  blocks.push(...fieldBlocks(card.fields ?? []));
  if (card.footer !== undefined && card.footer.trim() !== '') blocks.push(contextBlock(escapeMrkdwn(card.footer.trim())));
  return blocks;
}

/** Inline fields share two-column `fields` sections (10 a section); wide fields get a section each. */
function fieldBlocks(fields: readonly ReplyField[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let pending: string[] = [];
  const flush = (): void => {
    for (let start = 0; start < pending.length; start += SLACK_LIMITS.fieldsPerSection) {
      blocks.push({ type: 'section', fields: pending.slice(start, start + SLACK_LIMITS.fieldsPerSection).map((text) => ({ type: 'mrkdwn', text })) });
    }
    pending = [];
  };
  for (const field of fields) {
    if (field.inline === true) {
      pending.push(fieldText(field, SLACK_LIMITS.fieldText));
    } else {
      flush();
      blocks.push(section(fieldText(field, SLACK_LIMITS.sectionText)));
    }
  }
  flush();
  if (blocks.length <= MAX_FIELD_BLOCKS_PER_CARD) return blocks;
  return [...blocks.slice(0, MAX_FIELD_BLOCKS_PER_CARD - 1), contextBlock('_More fields do not fit in one Slack message._')];
}

function fieldText(field: ReplyField, max: number): string {
  const name = cutAtWord(escapeMrkdwn(field.name.trim().replace(/\s+/g, ' ')), 200);
  const value = escapeMrkdwn(field.value.trim());
  if (name === '') return cutAtWord(value === '' ? '—' : value, max);
  const head = `*${name}*`;
  return value === '' ? head : `${head}\n${cutAtWord(value, max - head.length - 1)}`;
}

/** Charts are uploaded as files beside the message; the message says so, with the alt text. */
function imageNotes(reply: NeutralReply, inChannel: boolean): KnownBlock[] {
  if (reply.images.length === 0) return [];
  const where = inChannel ? 'uploaded to this channel' : 'Share in channel to post it';
  const elements = reply.images.slice(0, SLACK_LIMITS.contextElements).map((image) => ({
    type: 'mrkdwn' as const,
    text: cutAtWord(`:bar_chart: ${escapeMrkdwn(image.altText.trim() === '' ? image.fileName : image.altText.trim())} _(${where})_`, SLACK_LIMITS.contextText),
  }));
  return [{ type: 'context', elements }];
}

function footerBlocks(reply: NeutralReply): KnownBlock[] {
  return reply.footer === undefined || reply.footer.trim() === '' ? [] : [contextBlock(escapeMrkdwn(reply.footer.trim()))];
}

/** Enabled buttons in rows of five (Slack has no disabled state: a disabled button is left out). */
function actionBlocks(reply: NeutralReply, options: SlackRenderOptions): KnownBlock[] {
  const buttons: Button[] = [];
  reply.buttons.forEach((button, position) => {
    const value = options.buttonValues[position];
    if (button.disabled === true || value === undefined || value === '' || value.length > SLACK_LIMITS.actionValue) return;
    buttons.push({
      type: 'button',
      action_id: `${SLACK_ACTION_PREFIX}button:${position}`,
      text: { type: 'plain_text', text: cutAtWord(button.label.trim() === '' ? 'Go' : button.label.trim(), SLACK_LIMITS.buttonText), emoji: true },
      value,
      ...(button.style === 'primary' || button.style === 'danger' ? { style: button.style } : {}),
    });
  });
  if (options.shareValue !== undefined && options.shareValue !== '' && options.shareValue.length <= SLACK_LIMITS.actionValue) {
    buttons.push({ type: 'button', action_id: SHARE_ACTION_ID, text: { type: 'plain_text', text: 'Share in channel', emoji: true }, value: options.shareValue });
  }
  const maxButtons = MAX_ACTION_ROWS * SLACK_LIMITS.elementsPerActions;
  // The Share button is the one that must survive a reply with too many buttons.
  if (buttons.length > maxButtons) buttons.splice(maxButtons - 1, buttons.length - maxButtons);
  const blocks: KnownBlock[] = [];
  for (let start = 0; start < buttons.length; start += SLACK_LIMITS.elementsPerActions) {
    blocks.push({ type: 'actions', elements: buttons.slice(start, start + SLACK_LIMITS.elementsPerActions) });
  }
  return blocks;
}

function section(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function contextBlock(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: cutAtWord(text, SLACK_LIMITS.contextText) }] };
}

/** Only plain http(s) URLs become links; anything that could break `<url|label>` stays text. */
function safeLinkUrl(url: string | undefined): string | undefined {
  if (url === undefined || url.length > 2000 || !/^https?:\/\/[^\s<>|]+$/i.test(url)) return undefined;
  try {
    new URL(url);
  } catch {
    return undefined;
  }
  return url.replace(/&/g, '&amp;');
}

function shortUrl(url: string): string {
  return url.replace(/&amp;/g, '&').replace(/^https?:\/\//i, '');
}
