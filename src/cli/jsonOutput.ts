// The `paperbot ask --json` shape: the scripting interface, kept stable.
// {"command","query","total","papers":[{"id","title","year","venue","authors","codeUrls"}],"text"}
// or {"error":{"code","message","hint"}}; /ask adds "answer" and "intent".
import type { CommandOutcome } from '../core/commands/command.js';
import { allAuthorNames } from '../core/paper.js';
import { renderTerminalReply } from './terminalRenderer.js';

export function outcomeToJson(command: string, outcome: CommandOutcome): Record<string, unknown> {
  const { reply } = outcome;
  if (reply.errorCode !== undefined) {
    return { error: { code: reply.errorCode, message: reply.text, ...(reply.footer === undefined ? {} : { hint: reply.footer }) } };
  }
  return {
    command,
    query: outcome.query ?? null,
    total: outcome.total ?? outcome.papers?.length ?? 0,
    ...(outcome.intent === undefined ? {} : { intent: outcome.intent }),
    ...(outcome.answer === undefined ? {} : { answer: outcome.answer }),
    papers: (outcome.papers ?? []).map((paper) => ({
      id: paper.id,
      title: paper.title,
      year: paper.year,
      venue: paper.venue,
      authors: allAuthorNames(paper),
      codeUrls: paper.codeUrls,
    })),
    text: renderTerminalReply(reply, { color: false, width: 100 }),
  };
}
