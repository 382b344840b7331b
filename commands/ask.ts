// /ask: a question in plain English, answered from the corpus in one sentence with the supporting
// papers, and an echo of how it was understood (the query language plus the intent) so the user
// can check it and rerun the query with /papers.
import { answerQuestion } from '../src/core/ask/answerQuestion.js';
import { interpretQuestion } from '../src/core/ask/interpretQuestion.js';
import type { Command } from '../src/core/commands/command.js';
import { MAX_QUERY_LENGTH } from '../src/core/query/parseQuery.js';
import { reply } from '../src/core/reply/neutralReply.js';
import { paperSummaryCard } from '../src/core/reply/paperCards.js';

/** Cards under the answer; the rest of the supporting papers are in `--json` output. */
const CARDS_SHOWN = 5;

export default {
  name: 'ask',
  description: 'Ask about the papers in plain English: how many, who, where, when, code, summaries',
  options: [
    { name: 'question', description: 'Your question, e.g. how many papers at NeurIPS since 2022?', type: 'string', required: true, rest: true, maxLength: MAX_QUERY_LENGTH },
  ],
  examples: [
    '/ask how many papers at NeurIPS since 2022?',
    '/ask who works most with Shiji Song?',
    '/ask where is the code for DeeR-VLA?',
    '/ask what is the GridMix paper about?',
    '/ask which papers are about offline reinforcement learning?',
    '/ask when did the ISDA paper come out?',
    '/ask the oldest paper about SVMs',
  ],
  async execute(context, options) {
    const { index } = context.catalog;
    const interpretation = interpretQuestion(String(options.question ?? ''), index, { now: context.now() });
    const answer = answerQuestion(interpretation, index);
    return {
      reply: reply(answer.answer, {
        cards: answer.papers.slice(0, CARDS_SHOWN).map((paper, position) => paperSummaryCard(paper, position + 1)),
        footer: `Interpreted as: ${answer.interpretedAs}`,
      }),
      answer: answer.answer,
      intent: answer.intent,
      query: answer.query,
      ...(answer.total === undefined ? {} : { total: answer.total }),
      papers: answer.papers.slice(0, context.resultLimit),
    };
  },
} satisfies Command;
