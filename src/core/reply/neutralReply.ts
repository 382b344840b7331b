// Replies are written once in this neutral form (cards, fields, buttons, images) and each
// platform has one renderer that knows its limits: Discord embeds, Slack Block Kit, the terminal.
// Text here is plain text: renderers escape it for their platform, so a title containing
// "@everyone" or "<!channel>" can never ping anyone.

export interface ReplyField {
  name: string;
  value: string;
  /** Shown side by side with neighbouring inline fields where the platform can. */
  inline?: boolean;
}

export interface ReplyCard {
  title: string;
  /** Link for the title (a code repository or paper page). */
  url?: string;
  /** One short line under the title: venue, year, authors. */
  subtitle?: string;
  body?: string;
  fields?: ReplyField[];
  footer?: string;
}

/** What a button does when pressed: run this command with these options. */
export interface CommandInvocation {
  command: string;
  options: Record<string, string | number | boolean>;
}

export interface ReplyButton {
  label: string;
  invocation: CommandInvocation;
  style?: 'primary' | 'secondary' | 'danger';
  disabled?: boolean;
}

export interface ReplyImage {
  /** File name with extension, e.g. "papers-per-year.png". */
  fileName: string;
  mimeType: 'image/png';
  data: Uint8Array;
  /** Text alternative for screen readers and the terminal. */
  altText: string;
}

export interface NeutralReply {
  /** Only the person who asked sees it (errors, help, confirmations). */
  ephemeral: boolean;
  /** The lead sentence: the answer, the count, the error. */
  text: string;
  cards: ReplyCard[];
  buttons: ReplyButton[];
  images: ReplyImage[];
  /** A closing line: the interpreted query, the page. */
  footer?: string;
  /** Set on error replies: the stable error code. */
  errorCode?: string;
}

export function reply(text: string, parts: Partial<Omit<NeutralReply, 'text'>> = {}): NeutralReply {
  return { ephemeral: false, cards: [], buttons: [], images: [], ...parts, text };
}
