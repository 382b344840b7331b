// Text as Discord shows it: markdown escaped, mentions defused, and cut at a word to fit a limit.
// Neutral replies hold plain text (paper titles, abstracts, author names), and Discord would read
// "*", "_" or "<@&123>" in them as formatting or pings, so everything passes through here.

/** What Discord reads as markdown in content, embed descriptions, field values and titles. */
const MARKDOWN = /[\\*_~`|[\]]/g;
/** Headings, quotes, lists and subtext only count at the start of a line. */
const LINE_MARKDOWN = /^(\s*)([-#>])/gm;
/** Mentions and other tokens Discord expands: <@id>, <@&id>, <#id>, </cmd:id>, <t:...>, @everyone, @here. */
const MENTION_OPENERS = /<(?=[@#/:]|a:|t:)|@(?=everyone|here)/gi;
const ZERO_WIDTH_SPACE = '\u200b';
export const ELLIPSIS = '…';

/**
 * Plain text for a markdown-rendering place. A zero-width space after "<" and "@" keeps
 * "<@&123>" and "@everyone" from becoming mentions even where allowed_mentions is not honoured
 * (a quote, a copy); `allowed_mentions: {parse: []}` already keeps them from pinging.
 */
export function escapeDiscordText(text: string): string {
  return defuseMentions(text.replace(MARKDOWN, (character) => `\\${character}`).replace(LINE_MARKDOWN, '$1\\$2'));
}

/** Like escapeDiscordText, but `code spans` the command wrote on purpose stay code spans. */
export function escapeKeepingCode(text: string): string {
  const parts = text.split(/(`[^`\n]+`)/);
  return parts.map((part, position) => (position % 2 === 1 ? defuseMentions(part) : escapeDiscordText(part))).join('');
}

/** For places that show text literally (embed author, button labels, choice names). */
export function defuseMentions(text: string): string {
  return text.replace(MENTION_OPENERS, (opener) => `${opener}${ZERO_WIDTH_SPACE}`);
}

/**
 * The longest prefix of `plain` ending at a word boundary whose rendering plus `suffix` fits in
 * `max` characters. Cutting the plain text (not the rendered one) never splits an escape.
 */
export function fitText(plain: string, max: number, render: (text: string) => string = (text) => text, suffix = ELLIPSIS): string {
  const whole = render(plain);
  if (whole.length <= max) return whole;
  if (max <= 0) return '';
  const tail = suffix.length < max ? suffix : ELLIPSIS;
  let room = Math.min(plain.length, max - tail.length);
  while (room > 0) {
    const kept = cutAtWord(plain, room);
    const cut = render(kept) + tail;
    if (cut.length <= max) return cut;
    // Shrink from what was actually kept, so every round keeps less.
    room = Math.min(room, kept.length) - Math.max(1, cut.length - max);
  }
  return tail.slice(0, max);
}

/** The text up to `length` characters, shortened to the last word boundary when there is one. */
export function cutAtWord(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const boundary = cut.search(/\s\S*$/);
  const atWord = boundary > length / 2 ? cut.slice(0, boundary) : cut;
  // A lone high surrogate at the end would be an invalid character.
  return atWord.replace(/[\uD800-\uDBFF]$/, '').trimEnd();
}
