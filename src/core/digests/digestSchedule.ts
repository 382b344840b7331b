// When digests happen: "every day|week at HH:MM in an IANA time zone", turned into UTC instants
// with the zone's own rules, so 09:00 Europe/Berlin stays 09:00 across daylight-saving changes.
// Weekly digests come on Mondays. Only Intl is used: no time-zone database of our own.
import { ErrorCode, UserError } from '../errors.js';
import type { DigestSchedule } from '../store/subscriptionStore.js';
import { closestWord } from '../text/closestWord.js';

/** Weekly digests arrive on this weekday (0 = Sunday, as Date.getUTCDay counts). */
export const WEEKLY_DIGEST_WEEKDAY = 1;
export const DEFAULT_DIGEST_TIME = '09:00';
export const DEFAULT_TIME_ZONE = 'UTC';

const TIME_OF_DAY = /^([01]?\d|2[0-3])(?::|h|\.)?([0-5]\d)$/i;

/** "8:00", "08:00", "0800" -> "08:00"; anything else is a user error. */
export function parseTimeOfDay(text: string): string {
  const match = TIME_OF_DAY.exec(text.trim());
  if (match === null) {
    throw new UserError(ErrorCode.InvalidOption, `at must be a time of day like 09:00, not "${text}".`, { hint: 'Use 24-hour HH:MM, e.g. at:08:30.' });
  }
  return `${(match[1] ?? '').padStart(2, '0')}:${match[2] ?? ''}`;
}

/** The zone's canonical IANA name ("europe/berlin" -> "Europe/Berlin"), or a user error with a suggestion. */
export function resolveTimeZone(text: string): string {
  const trimmed = text.trim();
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    const suggestion = closestWord(trimmed, Intl.supportedValuesOf('timeZone'), 3);
    throw new UserError(ErrorCode.InvalidOption, `"${trimmed}" is not a time zone I know.${suggestion === undefined ? '' : ` Did you mean ${suggestion}?`}`, {
      hint: 'Use an IANA zone name such as UTC, Europe/Berlin or America/New_York.',
    });
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();
function wallClock(instant: number, timeZone: string): WallClock {
  let formatter = partFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { year: parts.year ?? 0, month: parts.month ?? 1, day: parts.day ?? 1, hour: parts.hour ?? 0, minute: parts.minute ?? 0, second: parts.second ?? 0 };
}

/** The wall-clock reading as if it were UTC, in ms: comparing it with the instant gives the offset. */
function wallClockMs(instant: number, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

function offsetAt(instant: number, timeZone: string): number {
  return wallClockMs(instant, timeZone) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a zone's clocks show this local date and time. A time skipped by a spring-forward
 * change (02:30 on the night clocks jump to 03:00) is taken as the same time after the jump
 * (03:30); a time that happens twice in autumn is its first occurrence.
 */
export function zonedTimeToInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const DAY = 86_400_000;
  const offsets = [...new Set([offsetAt(wall - DAY, timeZone), offsetAt(wall, timeZone), offsetAt(wall + DAY, timeZone)])];
  const candidates = offsets.map((offset) => wall - offset);
  const exact = candidates.filter((candidate) => wallClockMs(candidate, timeZone) === wall);
  return new Date(exact.length > 0 ? Math.min(...exact) : Math.max(...candidates));
}

/** The first scheduled moment strictly after `after`. */
export function nextRunAfter(schedule: DigestSchedule, after: Date): Date {
  const [hour = 0, minute = 0] = schedule.at.split(':').map(Number);
  const today = wallClock(after.getTime(), schedule.timeZone);
  for (let offset = 0; offset <= 8; offset += 1) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    if (schedule.every === 'week' && date.getUTCDay() !== WEEKLY_DIGEST_WEEKDAY) continue;
    const instant = zonedTimeToInstant(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), hour, minute, schedule.timeZone);
    if (instant.getTime() > after.getTime()) return instant;
  }
  // Unreachable: within 8 days there is always a next day and a next Monday.
  throw new Error(`no next run found for ${JSON.stringify(schedule)}`);
}

/** "every day at 08:00 (Europe/Berlin)", "every Monday at 09:00 (UTC)". */
export function describeSchedule(schedule: DigestSchedule): string {
  return `every ${schedule.every === 'day' ? 'day' : 'Monday'} at ${schedule.at} (${schedule.timeZone})`;
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>();
function displayFormatter(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let formatter = displayFormatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    displayFormatters.set(key, formatter);
  }
  return formatter;
}

/** "Tue 3 Mar 2026, 09:00 CET": a moment as people in that zone read it. */
export function formatInTimeZone(instant: Date, timeZone: string): string {
  const text = displayFormatter('en-GB', timeZone).format(instant).replace(/^(\w{3}),/, '$1');
  // en-GB names European zones (CET) but not American ones (GMT-5); en-US knows those (EST).
  if (!/GMT[+-]/.test(text)) return text;
  const zoneName = displayFormatter('en-US', timeZone).formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value;
  return zoneName === undefined || zoneName.startsWith('GMT') ? text : text.replace(/GMT[+-][\d:]+$/, zoneName);
}
