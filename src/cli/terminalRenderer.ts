// The terminal's renderer: a neutral reply as readable text. Buttons are numbered so a person can
// press one by typing its number; images are written to a temp file whose path is shown.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NeutralReply } from '../core/reply/neutralReply.js';

export interface TerminalStyle {
  color: boolean;
  /** Wrap width for body text. */
  width: number;
}

const ANSI = { bold: '\u001b[1m', dim: '\u001b[2m', cyan: '\u001b[36m', red: '\u001b[31m', reset: '\u001b[0m' };

export function renderTerminalReply(reply: NeutralReply, style: TerminalStyle = { color: false, width: 100 }): string {
  const paint = (code: keyof typeof ANSI, text: string): string => (style.color ? `${ANSI[code]}${text}${ANSI.reset}` : text);
  const lines: string[] = [];
  lines.push(reply.errorCode === undefined ? paint('bold', reply.text) : paint('red', `✖ ${reply.text}`));
  for (const card of reply.cards) {
    lines.push('');
    lines.push(paint('cyan', card.title) + (card.url === undefined ? '' : `  ${paint('dim', card.url)}`));
    if (card.subtitle !== undefined) lines.push(`  ${card.subtitle}`);
    if (card.body !== undefined) lines.push(...wrap(card.body, style.width - 2).map((line) => `  ${line}`));
    for (const field of card.fields ?? []) {
      lines.push(`  ${paint('bold', `${field.name}:`)} ${field.value.includes('\n') ? '' : field.value}`);
      if (field.value.includes('\n')) lines.push(...field.value.split('\n').map((line) => `    ${line}`));
    }
    if (card.footer !== undefined) lines.push(`  ${paint('dim', card.footer)}`);
  }
  if (reply.images.length > 0) {
    const directory = mkdtempSync(join(tmpdir(), 'paperbot-'));
    lines.push('');
    for (const image of reply.images) {
      const path = join(directory, image.fileName);
      writeFileSync(path, image.data);
      lines.push(`[image] ${image.altText}: ${path}`);
    }
  }
  if (reply.footer !== undefined) lines.push('', paint('dim', reply.footer));
  const enabled = reply.buttons.map((button, position) => ({ button, number: position + 1 })).filter(({ button }) => button.disabled !== true);
  if (enabled.length > 0) {
    lines.push(enabled.map(({ button, number }) => `[${number}] ${button.label}`).join('   ') + paint('dim', '   (type a number to press)'));
  }
  return lines.join('\n');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line !== '' && line.length + word.length + 1 > width) {
        lines.push(line);
        line = word;
      } else {
        line = line === '' ? word : `${line} ${word}`;
      }
    }
    lines.push(line);
  }
  return lines;
}
