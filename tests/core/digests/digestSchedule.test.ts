// Digest times in the subscriber's zone: daily and weekly runs, and the daylight-saving nights
// when a local time is skipped or happens twice.
import { describe, expect, it } from 'vitest';
import { formatInTimeZone, nextRunAfter, parseTimeOfDay, resolveTimeZone, zonedTimeToInstant } from '../../../src/core/digests/digestSchedule.js';

const at = (iso: string): Date => new Date(iso);

describe('nextRunAfter', () => {
  it('runs daily at the local time, later today when still ahead, else tomorrow', () => {
    const schedule = { every: 'day' as const, at: '08:00', timeZone: 'Europe/Berlin' };
    expect(nextRunAfter(schedule, at('2026-01-15T06:59:00Z')).toISOString()).toBe('2026-01-15T07:00:00.000Z');
    expect(nextRunAfter(schedule, at('2026-01-15T07:00:00Z')).toISOString()).toBe('2026-01-16T07:00:00.000Z');
    // Summer time: 08:00 CEST is 06:00 UTC.
    expect(nextRunAfter(schedule, at('2026-07-01T12:00:00Z')).toISOString()).toBe('2026-07-02T06:00:00.000Z');
  });

  it('keeps the local time across the spring and autumn changes', () => {
    const schedule = { every: 'day' as const, at: '09:00', timeZone: 'Europe/Berlin' };
    // Clocks go forward on 29 March 2026: the 28th is CET (UTC+1), the 29th CEST (UTC+2).
    expect(nextRunAfter(schedule, at('2026-03-28T09:00:00Z')).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    // And back on 25 October.
    expect(nextRunAfter(schedule, at('2026-10-24T08:00:00Z')).toISOString()).toBe('2026-10-25T08:00:00.000Z');
    const newYork = { every: 'day' as const, at: '07:30', timeZone: 'America/New_York' };
    expect(nextRunAfter(newYork, at('2026-03-07T13:00:00Z')).toISOString()).toBe('2026-03-08T11:30:00.000Z');
  });

  it('a time skipped by the spring change runs just after it; a doubled autumn time runs the first time', () => {
    const skipped = { every: 'day' as const, at: '02:30', timeZone: 'Europe/Berlin' };
    // 02:30 does not exist on 29 March 2026 in Berlin: it becomes 03:30 CEST (01:30 UTC).
    expect(nextRunAfter(skipped, at('2026-03-28T12:00:00Z')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // On 25 October 02:30 happens twice (CEST, then CET): the first one, 00:30 UTC.
    expect(zonedTimeToInstant(2026, 10, 25, 2, 30, 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('runs weekly on Mondays', () => {
    const schedule = { every: 'week' as const, at: '09:00', timeZone: 'UTC' };
    // Wednesday 4 March 2026 -> Monday 9 March.
    expect(nextRunAfter(schedule, at('2026-03-04T12:00:00Z')).toISOString()).toBe('2026-03-09T09:00:00.000Z');
    // A Monday before 09:00 -> that same Monday; after -> the next one.
    expect(nextRunAfter(schedule, at('2026-03-09T08:00:00Z')).toISOString()).toBe('2026-03-09T09:00:00.000Z');
    expect(nextRunAfter(schedule, at('2026-03-09T09:00:00Z')).toISOString()).toBe('2026-03-16T09:00:00.000Z');
    // Monday in Tokyo starts on Sunday in UTC.
    const tokyo = { every: 'week' as const, at: '06:00', timeZone: 'Asia/Tokyo' };
    expect(nextRunAfter(tokyo, at('2026-03-04T12:00:00Z')).toISOString()).toBe('2026-03-08T21:00:00.000Z');
  });
});

describe('schedule input', () => {
  it('reads times of day and rejects what is not one', () => {
    expect(parseTimeOfDay('8:05')).toBe('08:05');
    expect(parseTimeOfDay('0800')).toBe('08:00');
    expect(parseTimeOfDay('23:59')).toBe('23:59');
    expect(() => parseTimeOfDay('24:00')).toThrow(/time of day/);
    expect(() => parseTimeOfDay('noon')).toThrow(/time of day/);
  });

  it('canonicalises zone names and suggests close ones', () => {
    expect(resolveTimeZone('utc')).toBe('UTC');
    expect(resolveTimeZone('america/new_york')).toBe('America/New_York');
    expect(() => resolveTimeZone('Mars/Olympus')).toThrow(/not a time zone/);
    expect(() => resolveTimeZone('Asia/Tokio')).toThrow('Did you mean Asia/Tokyo?');
  });

  it('shows moments as the zone reads them', () => {
    expect(formatInTimeZone(at('2026-03-03T08:00:00Z'), 'Europe/Berlin')).toBe('Tue 3 Mar 2026, 09:00 CET');
    expect(formatInTimeZone(at('2026-07-03T08:00:00Z'), 'America/New_York')).toBe('Fri 3 Jul 2026, 04:00 EDT');
  });
});
