// Properties over many generated questions: nothing a user types crashes /ask. It answers (with a
// known intent, a sentence, and an echo that is valid query language) or fails with a UserError
// that has a message and a hint; and the same question always gets the same answer.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../../src/core/ask/answerQuestion.js';
import { ASK_INTENTS } from '../../../src/core/ask/askTypes.js';
import { interpretQuestion } from '../../../src/core/ask/interpretQuestion.js';
import { ErrorCode, UserError } from '../../../src/core/errors.js';
import { parseQuery } from '../../../src/core/query/parseQuery.js';
import { startTestRuntime, type TestRuntime } from '../../helpers/testRuntime.js';
import { CORPUS_INDEX, NOW } from './askCorpus.js';

/** Pieces of real questions glued in random orders: reaches the frames, slots and filters. */
const questionSoup = fc
  .array(
    fc.constantFrom(
      'how many', 'papers', 'paper', 'which', 'what', 'who', 'where', 'when', 'is', 'was', 'the', 'about', 'on', 'at', 'in', 'by', 'with', 'for',
      'works most with', 'wrote', 'published', 'publish', 'come out', 'code', 'repo', 'have', 'has', 'newest', 'oldest', 'latest', 'first',
      'summarize', 'about?', "'s", '’s', 'co-authors', 'authors of', 'since', 'before', 'after', 'between', 'and', 'to', 'last', 'year', 'years',
      '2019', '2022', '1899', '2101', '0001', 'NeurIPS', 'nips', 'Nuerips', 'ICLR', 'CVPR', 'Shiji Song', 'shjii song', 'Gao Huang', 'Huang', 'Yulín',
      'DeeR-VLA', 'GridMix', 'ISDA', 'RLVR', 'ViT', 'Glance and Focus', 'mamba', '"', '“', '”', '?', '!', '.', ':', '-', '–', '/', '(', ')', '*', '^', '~',
      'year:2024', 'venue:', 'OR', 'NOT', ' ', '  ', '\t', '\n', 'Ü', 'İ', 'ſ', '注意', '🙂', '\u0000', '\u200b',
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(' '));

const anyQuestion = fc.oneof(questionSoup, fc.string({ maxLength: 120 }), fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ maxLength: 700 }));

function expectUserError(error: unknown): void {
  expect(error).toBeInstanceOf(UserError);
  const userError = error as UserError;
  expect(userError.message.length).toBeGreaterThan(0);
  expect(userError.hint ?? '').not.toBe('');
  expect(userError.code).not.toBe(ErrorCode.Internal);
}

describe('/ask properties', () => {
  it('answers or throws a UserError with a message and a hint, never anything else', () => {
    fc.assert(
      fc.property(anyQuestion, (question) => {
        let answered;
        try {
          answered = answerQuestion(interpretQuestion(question, CORPUS_INDEX, { now: NOW }), CORPUS_INDEX);
        } catch (error) {
          expectUserError(error);
          return;
        }
        expect(ASK_INTENTS).toContain(answered.intent);
        expect(answered.answer.trim()).not.toBe('');
        expect(answered.interpretedAs.endsWith(answered.intent) || answered.interpretedAs.includes(`— ${answered.intent}`)).toBe(true);
        // The echo is real query language: a user can paste it into /papers.
        expect(() => parseQuery(answered.query)).not.toThrow();
        if (answered.intent === 'count') expect(answered.total).toBe(answered.papers.length);
      }),
      { numRuns: 1500 },
    );
  });

  it('gives the same answer to the same question', () => {
    fc.assert(
      fc.property(questionSoup, (question) => {
        const once = (): unknown => {
          try {
            return answerQuestion(interpretQuestion(question, CORPUS_INDEX, { now: NOW }), CORPUS_INDEX);
          } catch (error) {
            return error instanceof Error ? error.message : error;
          }
        };
        expect(once()).toEqual(once());
      }),
      { numRuns: 300 },
    );
  });
});

describe('/ask properties through the command runner', () => {
  let test: TestRuntime;
  beforeAll(async () => {
    test = await startTestRuntime();
  });
  afterAll(async () => {
    await test.close();
  });

  it('every reply is an answer or a user error reply with a hint, never INTERNAL', async () => {
    await fc.assert(
      fc.asyncProperty(anyQuestion, async (question) => {
        const outcome = await test.runtime.run({ command: 'ask', options: { question } }, { platform: 'terminal', user: { id: 'prop' } });
        if (outcome.reply.errorCode === undefined) {
          expect(outcome.answer).toBe(outcome.reply.text);
          expect(ASK_INTENTS).toContain(outcome.intent);
          expect(outcome.reply.cards.length).toBeLessThanOrEqual(5);
          return;
        }
        expect(outcome.reply.errorCode).not.toBe(ErrorCode.Internal);
        expect(outcome.reply.ephemeral).toBe(true);
        expect(outcome.reply.text).not.toBe('');
        expect(outcome.reply.footer ?? '').not.toBe('');
      }),
      { numRuns: 300 },
    );
  });
});
