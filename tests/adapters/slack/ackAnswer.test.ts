// The first answer to a slash command rides in the acknowledgement when it is ready before the
// deadline; otherwise the ack goes out empty at the deadline and the answer by response_url.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RespondArguments } from '@slack/bolt';
import { answerInAck } from '../../../src/adapters/slack/ackAnswer.js';
import type { Logger } from '../../../src/core/logger.js';

function recorder(options: { ackFails?: boolean } = {}) {
  const events: Array<{ via: 'ack' | 'response_url'; message: RespondArguments | string | undefined }> = [];
  const warnings: string[] = [];
  const logger: Logger = { debug: () => {}, info: () => {}, warn: (message) => void warnings.push(message), error: () => {} };
  const ack = vi.fn(async (message?: RespondArguments | string) => {
    if (options.ackFails === true) throw new Error('the request is gone');
    events.push({ via: 'ack', message });
  });
  const respond = vi.fn(async (message: RespondArguments | string) => {
    events.push({ via: 'response_url', message });
  });
  return { events, warnings, logger, ack, respond };
}

const ANSWER: RespondArguments = { response_type: 'ephemeral', replace_original: false, text: '3 papers match `year:2024`.', blocks: [] };

describe('answerInAck', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('puts an answer ready before the deadline in the ack, without replace_original, and later messages by response_url', async () => {
    const { events, ack, respond, logger } = recorder();
    const answer = answerInAck(ack, respond, logger, 2_000);
    await answer.respond(ANSWER);
    await answer.respond({ response_type: 'ephemeral', text: 'I could not post the chart here.' });
    await answer.finish();
    expect(events).toEqual([
      { via: 'ack', message: { response_type: 'ephemeral', text: '3 papers match `year:2024`.', blocks: [] } },
      { via: 'response_url', message: { response_type: 'ephemeral', text: 'I could not post the chart here.' } },
    ]);
    expect(ack).toHaveBeenCalledTimes(1);
  });

  it('acknowledges empty at the deadline, then answers by response_url', async () => {
    const { events, ack, respond, logger } = recorder();
    const answer = answerInAck(ack, respond, logger, 2_000);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(ack).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(events).toEqual([{ via: 'ack', message: undefined }]);
    await answer.respond(ANSWER);
    await answer.finish();
    expect(events).toEqual([
      { via: 'ack', message: undefined },
      { via: 'response_url', message: ANSWER },
    ]);
  });

  it('acknowledges empty when the listener finishes without an answer', async () => {
    const { events, ack, respond, logger } = recorder();
    await answerInAck(ack, respond, logger).finish();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(events).toEqual([{ via: 'ack', message: undefined }]);
  });

  it('sends the answer by response_url when the ack cannot carry it, and says so in the log', async () => {
    const { events, ack, respond, logger, warnings } = recorder({ ackFails: true });
    const answer = answerInAck(ack, respond, logger);
    await answer.respond(ANSWER);
    await answer.finish();
    expect(events).toEqual([{ via: 'response_url', message: ANSWER }]);
    expect(warnings).toEqual(['slack ack failed']);
  });
});
