// A real runtime for digest tests whose bundled papers were first seen at a fixed moment before
// any test clock, so "new since the subscription" never depends on today's date.
import { startTestRuntime, type TestRuntime } from '../../helpers/testRuntime.js';

/** When the bundled corpus was "ingested" in every digest test. */
export const CORPUS_SEEN_AT = new Date('2026-01-01T00:00:00Z');

export type DigestTestRuntime = TestRuntime;

export function startDigestTestRuntime(now: () => Date, env: Record<string, string> = {}): Promise<DigestTestRuntime> {
  return startTestRuntime(env, { now }, { corpusSeenAt: CORPUS_SEEN_AT });
}
