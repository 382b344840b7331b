// The Discord renderer: one neutral reply -> one Discord message (content, embeds, button rows,
// files) that Discord accepts whatever the reply holds. Every limit is enforced here, by cutting
// text at a word with an ellipsis and a "more" pointer, never by letting Discord reject it.
// Mentions never ping: `allowed_mentions: {parse: []}` on every message and the text is defused.
// @see https://discord.com/developers/docs/resources/message#embed-object-embed-limits
// @see https://discord.com/developers/docs/components/reference#button
import { ButtonStyle, ComponentType, MessageFlags, type APIActionRowComponent, type APIButtonComponentWithCustomId, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { CommandInvocation, NeutralReply, ReplyButton, ReplyCard } from '../../core/reply/neutralReply.js';
import { defuseMentions, ELLIPSIS, escapeDiscordText, escapeKeepingCode, fitText } from './discordText.js';

export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /** Title, description, field names and values, footer and author name of all embeds together. */
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  files: 10,
  attachmentDescription: 1024,
  url: 2048,
} as const;

/** Nothing in a message may ping: not @everyone, not a role, not a user, not the replied user. */
export const NO_MENTIONS = { parse: [] as [], replied_user: false } as const;

export interface DiscordFile {
  name: string;
  data: Uint8Array;
  contentType: string;
  /** Alt text, shown to screen readers. */
  description: string;
}

/** A message in Discord's JSON shape (snake_case), plus the files to upload with it. */
export interface DiscordMessage {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  allowed_mentions: typeof NO_MENTIONS;
  /** 64 (ephemeral) when only the person who asked should see it. */
  flags?: number;
  files: DiscordFile[];
  /** One entry per file, by index, carrying its alt text. */
  attachments: { id: number; filename: string; description: string }[];
}

export interface RenderOptions {
  /** Turns a button's invocation into a custom_id of at most 100 characters (buttonCodec). */
  encodeButton(invocation: CommandInvocation): Promise<string>;
}

/** The subtitle is one short line; the body gets the rest of the description. */
const SUBTITLE_MAX = 300;
const COLOR = { normal: 0x5865f2, error: 0xed4245 } as const;
const BUTTON_STYLES: Record<NonNullable<ReplyButton['style']>, ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Danger> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  danger: ButtonStyle.Danger,
};

/** @see https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-messages */
export async function renderDiscordReply(reply: NeutralReply, options: RenderOptions): Promise<DiscordMessage> {
  const isError = reply.errorCode !== undefined;
  const shownCards = reply.cards.slice(0, DISCORD_LIMITS.embeds);
  const embeds = fitEmbedsInTotal(shownCards.map((card) => renderCard(card, isError ? COLOR.error : COLOR.normal)));
  const hiddenCards = reply.cards.length - embeds.length;

  const images = reply.images.slice(0, DISCORD_LIMITS.files);
  const names = new Set<string>();
  const files = images.map((image, position): DiscordFile => ({
    name: uniqueName(safeFileName(image.fileName, position), names),
    data: image.data,
    contentType: image.mimeType,
    description: fitText(image.altText, DISCORD_LIMITS.attachmentDescription, defuseMentions),
  }));

  const message: DiscordMessage = {
    content: renderContent(reply, hiddenCards),
    embeds,
    components: await renderButtons(reply.buttons, options),
    allowed_mentions: NO_MENTIONS,
    files,
    attachments: files.map((file, id) => ({ id, filename: file.name, description: file.description })),
  };
  if (reply.ephemeral || isError) message.flags = MessageFlags.Ephemeral;
  return message;
}

/** The lead sentence, then the footer as small text; errors show the hint as a plain line. */
function renderContent(reply: NeutralReply, hiddenCards: number): string {
  const isError = reply.errorCode !== undefined;
  const notes: string[] = [];
  if (reply.footer !== undefined && reply.footer.trim() !== '') {
    const footer = fitText(reply.footer, 500, (text) => escapeKeepingCode(text.replace(/\n+/g, ' ')));
    notes.push(isError ? footer : `-# ${footer}`);
  }
  if (hiddenCards > 0) {
    notes.push(`-# ${hiddenCards} more ${hiddenCards === 1 ? 'result does' : 'results do'} not fit in one Discord message; narrow the query to see them.`);
  }
  const noteText = notes.map((note) => `\n${note}`).join('');
  const lead = fitText(reply.text, DISCORD_LIMITS.content - noteText.length - 3, escapeKeepingCode);
  const content = `${isError ? '⚠️ ' : ''}${lead}${noteText}`.trim();
  return content === '' && reply.cards.length === 0 && reply.images.length === 0 ? ELLIPSIS : content;
}

/** An embed before the 6000-character budget: each part already within its own limit. */
interface EmbedDraft {
  card: ReplyCard;
  color: number;
  url?: string;
  fields: ReplyCard['fields'] & object;
  hiddenFields: number;
}

function renderCard(card: ReplyCard, color: number): EmbedDraft {
  const fields = (card.fields ?? []).slice(0, DISCORD_LIMITS.embedFields);
  const url = card.url !== undefined && isWebUrl(card.url) ? card.url : undefined;
  return { card, color, url, fields, hiddenFields: (card.fields ?? []).length - fields.length };
}

/**
 * Fits the embeds into 6000 characters in all: each embed gets an equal share of what is left
 * after the small ones took what they need ("water filling"), then cuts its own longest parts.
 */
function fitEmbedsInTotal(drafts: EmbedDraft[]): APIEmbed[] {
  const natural = drafts.map((draft) => buildEmbed(draft, Number.POSITIVE_INFINITY));
  // When they fit, every budget below would be at least the embed's own length and the second
  // build would return the same embeds: skip it (it was a tenth of a Discord request's time).
  if (natural.reduce((sum, embed) => sum + embedLength(embed), 0) <= DISCORD_LIMITS.embedTotal) return natural;
  const budgets = waterFill(natural.map(embedLength), DISCORD_LIMITS.embedTotal);
  const embeds = drafts.map((draft, position) => buildEmbed(draft, budgets[position] ?? 0));
  // Rounding can never push the sum over, but the guarantee matters more than the arithmetic.
  while (embeds.reduce((sum, embed) => sum + embedLength(embed), 0) > DISCORD_LIMITS.embedTotal) embeds.pop();
  return embeds;
}

/** Renders a card as an embed whose counted text is at most `budget` characters. */
function buildEmbed(draft: EmbedDraft, budget: number): APIEmbed {
  const { card } = draft;
  const more = draft.url === undefined ? ` ${ELLIPSIS} (cut to fit Discord)` : ` ${ELLIPSIS} [more](${draft.url})`;
  const footerNote = draft.hiddenFields > 0 ? ` · ${draft.hiddenFields} more fields not shown` : '';
  // Every counted piece of text, with its own limit and how it is rendered.
  const slots: Slot[] = [
    { plain: card.title, max: DISCORD_LIMITS.embedTitle, render: escapeDiscordText, required: false },
    { plain: card.subtitle ?? '', max: SUBTITLE_MAX, render: (text) => (text === '' ? '' : `*${escapeDiscordText(text)}*`), required: false },
    { plain: card.body ?? '', max: DISCORD_LIMITS.embedDescription - SUBTITLE_MAX - 1, render: escapeDiscordText, required: false, suffix: more },
    ...draft.fields.flatMap((field): Slot[] => [
      { plain: field.name, max: DISCORD_LIMITS.fieldName, render: escapeDiscordText, required: true },
      { plain: field.value, max: DISCORD_LIMITS.fieldValue, render: escapeDiscordText, required: true, suffix: more },
    ]),
    { plain: `${card.footer ?? ''}${footerNote}`, max: DISCORD_LIMITS.footer, render: defuseMentions, required: false },
  ];
  // The subtitle and body share the description (4096); the newline between them counts too.
  const joiner = (card.subtitle ?? '') !== '' && (card.body ?? '') !== '' ? 1 : 0;
  const [title, subtitle, body, ...rest] = fitSlots(slots, budget - joiner);
  const footer = rest.pop() ?? '';
  const descriptionParts = [subtitle, body].filter((part): part is string => part !== undefined && part !== '');
  const description = descriptionParts.join('\n');

  const embed: APIEmbed = { color: draft.color };
  if (title !== undefined && title !== '') embed.title = title;
  if (draft.url !== undefined && embed.title !== undefined) embed.url = draft.url;
  if (description !== '') embed.description = description;
  const fields: APIEmbedField[] = draft.fields.map((field, position) => ({
    name: nonEmpty(rest[position * 2]),
    value: nonEmpty(rest[position * 2 + 1]),
    ...(field.inline === true ? { inline: true } : {}),
  }));
  if (fields.length > 0) embed.fields = fields;
  if (footer !== '') embed.footer = { text: footer };
  // Discord rejects an embed with nothing in it.
  if (embed.title === undefined && embed.description === undefined && embed.fields === undefined && embed.footer === undefined) embed.description = ELLIPSIS;
  return embed;
}

interface Slot {
  plain: string;
  max: number;
  render: (text: string) => string;
  /** Discord rejects an empty field name or value. */
  required: boolean;
  /** What a cut ends with: an ellipsis and where to read the rest. */
  suffix?: string;
}

/** Each slot within its own limit, and all of them together within `budget`. */
function fitSlots(slots: Slot[], budget: number): string[] {
  const own = slots.map((slot) => fitText(slot.plain, slot.max, slot.render, slot.suffix));
  const shares = waterFill(own.map((text) => text.length), Math.max(0, budget));
  return slots.map((slot, position) => {
    const text = own[position] ?? '';
    const share = shares[position] ?? 0;
    if (text.length <= share) return text;
    const cut = fitText(slot.plain, Math.max(share, slot.required ? 1 : 0), slot.render, slot.suffix);
    return slot.required && cut === '' ? ELLIPSIS : cut;
  });
}

/**
 * Shares `budget` among items that want `sizes`: small items get all they want, large ones an
 * equal share of the rest. The shares never add up to more than the budget.
 */
export function waterFill(sizes: number[], budget: number): number[] {
  if (!Number.isFinite(budget)) return sizes;
  const order = sizes.map((size, position) => ({ size, position })).sort((a, b) => a.size - b.size);
  const shares = new Array<number>(sizes.length).fill(0);
  let left = Math.max(0, budget);
  order.forEach(({ size, position }, rank) => {
    const equal = Math.floor(left / (order.length - rank));
    const share = Math.min(size, equal);
    shares[position] = share;
    left -= share;
  });
  return shares;
}

/** Discord's count of an embed's text. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/** Up to 5 rows of up to 5 buttons; ids are unique within the message, as Discord requires. */
async function renderButtons(buttons: ReplyButton[], options: RenderOptions): Promise<APIActionRowComponent<APIButtonComponentWithCustomId>[]> {
  const rendered: APIButtonComponentWithCustomId[] = [];
  const seen = new Set<string>();
  for (const button of buttons) {
    if (rendered.length >= DISCORD_LIMITS.actionRows * DISCORD_LIMITS.buttonsPerRow) break;
    const customId = await options.encodeButton(button.invocation);
    if (customId.length === 0 || customId.length > DISCORD_LIMITS.customId || seen.has(customId)) continue;
    seen.add(customId);
    rendered.push({
      type: ComponentType.Button,
      style: BUTTON_STYLES[button.style ?? 'secondary'],
      label: nonEmpty(fitText(defuseMentions(button.label.replace(/\s+/g, ' ').trim()), DISCORD_LIMITS.buttonLabel)),
      custom_id: customId,
      ...(button.disabled === true ? { disabled: true } : {}),
    });
  }
  const rows: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  for (let start = 0; start < rendered.length; start += DISCORD_LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: rendered.slice(start, start + DISCORD_LIMITS.buttonsPerRow) });
  }
  return rows;
}

function nonEmpty(text: string | undefined): string {
  return text === undefined || text.trim() === '' ? ELLIPSIS : text;
}

function isWebUrl(text: string): boolean {
  if (text.length > DISCORD_LIMITS.url) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !/[\s()<>]/.test(text);
  } catch {
    return false;
  }
}

function uniqueName(name: string, taken: Set<string>): string {
  const unique = taken.has(name) ? `${taken.size + 1}-${name}` : name;
  taken.add(unique);
  return unique;
}

/** Discord serves attachments by name: keep it to safe characters and unique by position. */
function safeFileName(name: string, position: number): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(-80);
  return cleaned === '' || !cleaned.includes('.') ? `image-${position + 1}.png` : cleaned;
}
