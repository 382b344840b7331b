// Turns a plain-English question into an intent plus the query language, deterministically: a list
// of question frames ("how many …", "who works most with …", "where was … published") tried in
// order, each pulling its slot (a paper, a person) and the filters out of the words. Names, venues
// and titles are matched loosely (case, accents, typos, short titles, acronyms). A question no
// frame fits becomes a ranked search over its words, and the answer says so.
import { ErrorCode, UserError } from '../errors.js';
import { foldName } from '../paper.js';
import { MAX_QUERY_LENGTH } from '../query/parseQuery.js';
import { emptyQuery, type ParsedQuery, type SortOrder } from '../query/queryTypes.js';
import { findPaper, type PaperMatch } from '../search/findPaper.js';
import type { PaperIndex } from '../search/paperIndex.js';
import type { AskAspect, AskIntent, AskInterpretation, AuthorIdentity } from './askTypes.js';
import { corpusVocabulary, type CorpusVocabulary } from './corpusVocabulary.js';
import { isTopicWord, lookUpAuthor, readFilters, type QuestionFilters } from './questionParts.js';
import { strictMatches } from './strictMatches.js';

export const ASK_EXAMPLES_HINT =
  'Try: "how many papers at NeurIPS since 2022?", "who works most with Shiji Song?", "where is the code for DeeR-VLA?", "what is the GridMix paper about?"';

/** Words a paper reference may contain that find nothing on their own ("Glance and Focus"). */
const REFERENCE_FILLER = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'for', 'in', 'on', 'to', 'with', 'by', 'paper', 's']);

/** Below this findPaper score a phrase shares only some words with a title: not a name for it. */
const PAPER_REFERENCE_SCORE = 40;

export interface InterpretOptions {
  /** "this year", "last 3 years" are relative to it. */
  now?: Date;
}

interface Reading {
  question: string;
  text: string;
  index: PaperIndex;
  vocabulary: CorpusVocabulary;
  now: Date;
}

type Frame = (match: RegExpExecArray, reading: Reading) => AskInterpretation | undefined;

const NAME_VERBS = 'works?|worked|working|collaborates?|collaborated|collaborating|publishes|published|writes|wrote|co-?authors?|co-?authored|teams?\\s+up|teamed\\s+up';
const PUBLISH_VERBS = 'published|publish|written|write|wrote|authored|co-?authored|worked\\s+on|work\\s+on|done|put\\s+out|released';
const APPEAR_VERBS = 'published|publish|appear|appeared|presented|present|come\\s+out|came\\s+out|accepted|released|release|written|get\\s+published|got\\s+published';
const PAPER_NOUN = '(?:papers?|works?|publications?|articles?)';
const CODE_NOUN = '(?:source\\s+code|code|repo|repository|github(?:\\s+repo)?|implementation)';

/** Tried in order; the first frame that returns an interpretation wins. */
const FRAMES: ReadonlyArray<readonly [RegExp, Frame]> = [
  // people: co-authors
  [new RegExp(`^who\\s+(?:\\w+\\s+){0,2}?(?:${NAME_VERBS})\\s+(?:the\\s+)?(?:most\\s+|more\\s+|often\\s+|frequently\\s+|mostly\\s+|usually\\s+)*with\\s+(.+)$`, 'iu'), coauthorsFrame],
  [new RegExp(`^who\\s+(?:does|did|has|have)\\s+(.+?)\\s+(?:work|worked|collaborate|collaborated|publish|published|write|written|co-?author|co-?authored|team\\s+up)\\s+with(?:\\s+the)?(?:\\s+most|\\s+often|\\s+frequently)*$`, 'iu'), coauthorsFrame],
  [/^(?:who\s+(?:are|is|were|was)\s+)?(?:the\s+)?(?:top\s+|main\s+|most\s+frequent\s+|frequent\s+|closest\s+|usual\s+)?(?:co-?authors?|collaborators?|co-?workers?)\s+(?:of|for|with)\s+(.+)$/iu, coauthorsFrame],
  [/^(?:who\s+(?:are|is|were|was)\s+)?(.+?)['’]s?\s+(?:top\s+|main\s+|most\s+frequent\s+|frequent\s+|closest\s+|usual\s+)?(?:co-?authors?|collaborators?)$/iu, coauthorsFrame],
  // people: who wrote a paper (or a topic)
  [/^who\s+(?:wrote|authored|writes|made|created|did|published|developed|proposed|is\s+behind|was\s+behind|are\s+behind|were\s+behind|is\s+responsible\s+for)\s+(.+)$/iu, authorsFrame],
  [/^(?:who\s+(?:are|were|is|was)\s+)?(?:the\s+)?(?:first\s+|lead\s+|last\s+|main\s+)?(?:authors?|writers?)\s+(?:of|for|on|behind)\s+(.+)$/iu, authorsFrame],
  [/^(?:who\s+(?:are|were|is|was)\s+)?(.+?)['’]s\s+authors?$/iu, authorsFrame],
  // people: what someone published
  [new RegExp(`^what\\s+(?:has|have|did|does|do)\\s+(.+?)\\s+(?:${PUBLISH_VERBS})\\b\\s*(.*)$`, 'iu'), (match, reading) => publicationsFrame(match, reading, true)],
  [new RegExp(`^(?:which|what)\\s+${PAPER_NOUN}\\s+(?:has|have|did|does|do)\\s+(.+?)\\s+(?:${PUBLISH_VERBS})\\b\\s*(.*)$`, 'iu'), (match, reading) => publicationsFrame(match, reading, true)],
  [new RegExp(`^(?:(?:list|show|find|give|get)(?:\\s+me)?\\s+)?(?:all\\s+)?(?:the\\s+)?${PAPER_NOUN}\\s+(?:written\\s+by|authored\\s+by|by|from|of)\\s+(.+)$`, 'iu'), (match, reading) => publicationsFrame(match, reading, false)],
  [new RegExp(`^(?:(?:list|show|find|give|get)(?:\\s+me)?\\s+)?(.+?)['’]s?\\s+${PAPER_NOUN}\\b\\s*(.*)$`, 'iu'), (match, reading) => publicationsFrame(match, reading, false)],
  // count
  [/^(?:how\s+many|how\s+much|the\s+number\s+of|number\s+of|total\s+number\s+of|count(?:\s+the)?|count\s+of)\b\s*(.*)$/iu, (match, reading) => scopeFrame(match[1] ?? '', reading, 'count')],
  // code
  [new RegExp(`${CODE_NOUN}\\s+(?:for|of|behind|to)\\s+(.+)$`, 'iu'), codeFrame],
  [new RegExp(`^(?:does|did|is\\s+there|has|have)\\s+(.+?)\\s+(?:have|has|got|release|released|come\\s+with|provide|share|publish|published)\\s+(?:any\\s+|its\\s+|their\\s+|public\\s+|open[-\\s]source\\s+|the\\s+|a\\s+|an\\s+)*${CODE_NOUN}`, 'iu'), codeFrame],
  [new RegExp(`^(?:where(?:['’]s|\\s+is|\\s+can\\s+i\\s+find)\\s+)?(?:the\\s+)?(.+?)['’]s\\s+${CODE_NOUN}`, 'iu'), codeFrame],
  [new RegExp(`\\b(?:${CODE_NOUN}|open[-\\s]source)\\b`, 'iu'), (_match, reading) => scopeFrame(reading.text, reading, 'code', { hasCode: true })],
  // where / when
  [new RegExp(`^where\\s+(?:was|were|is|are|did|does|has|had)\\s+(.+?)\\s+(?:${APPEAR_VERBS})(?:\\s+(?:in|at))?$`, 'iu'), (match, reading) => paperFrame(match, reading, 'where')],
  [/^(?:in\s+|at\s+)?(?:which|what)\s+(?:venue|conference|journal)\s+(?:was|were|is|did|has|does)\s+(.+?)(?:\s+(?:published|publish|appear|appeared|presented|accepted|come\s+out|in|at))*$/iu, (match, reading) => paperFrame(match, reading, 'where')],
  [/^(?:venue|conference)\s+(?:of|for)\s+(.+)$/iu, (match, reading) => paperFrame(match, reading, 'where')],
  [/^where\s+(?:was|is|were)\s+(.+)$/iu, (match, reading) => paperFrame(match, reading, 'where')],
  [new RegExp(`^when\\s+(?:was|were|is|did|does|has)\\s+(.+?)\\s+(?:${APPEAR_VERBS})$`, 'iu'), (match, reading) => paperFrame(match, reading, 'when')],
  [new RegExp(`^(?:in\\s+)?(?:which|what)\\s+year\\s+(?:was|were|is|did|has|does)\\s+(.+?)(?:\\s+(?:${APPEAR_VERBS}))?$`, 'iu'), (match, reading) => paperFrame(match, reading, 'when')],
  [/^(?:year|date)\s+of\s+(.+)$/iu, (match, reading) => paperFrame(match, reading, 'when')],
  [/^when\s+(?:was|is|were)\s+(.+)$/iu, (match, reading) => paperFrame(match, reading, 'when')],
  // extremes
  [/\b(newest|latest|most\s+recent|oldest|earliest|first)\b/iu, extremeFrame],
  // summary
  [/^what(?:['’]?s|\s+is|\s+was|\s+are|\s+were)?\s+(?:the\s+)?(.+?)\s+(?:paper\s+|article\s+|work\s+)?(?:all\s+)?about$/iu, (match, reading) => summaryFrame(match, reading, false)],
  [/^what\s+(?:does|did|do)\s+(?:the\s+)?(.+?)\s+(?:paper\s+)?(?:do|propose|say|show|find|claim|contribute|introduce|present|argue)$/iu, (match, reading) => summaryFrame(match, reading, false)],
  [/^(?:summari[sz]e|summary\s+(?:of|for)|sum\s+up|tl;?\s*dr(?:\s+of|\s+for)?|explain|describe|abstract\s+(?:of|for)|(?:give\s+me\s+)?(?:a\s+)?summary\s+of|key\s+points\s+of|main\s+idea\s+of)\s+(?:the\s+)?(.+)$/iu, (match, reading) => summaryFrame(match, reading, false)],
  [/^what(?:['’]?s|\s+is|\s+are|\s+does)\s+(.+?)(?:\s+(?:stand\s+for|mean))?$/iu, (match, reading) => summaryFrame(match, reading, true)],
  // list / topic
  [new RegExp(`^(?:which|what)\\s+${PAPER_NOUN}\\b\\s*(.*)$`, 'iu'), (match, reading) => scopeFrame(match[1] ?? '', reading, 'list')],
  [new RegExp(`^(?:(?:list|show|find|give|get|search(?:\\s+for)?|any|are\\s+there(?:\\s+any)?|is\\s+there(?:\\s+a(?:ny)?)?)(?:\\s+me)?\\s+)?(?:all\\s+|some\\s+|the\\s+|any\\s+)?${PAPER_NOUN}\\b\\s*(.*)$`, 'iu'), (match, reading) => scopeFrame(match[1] ?? '', reading, 'list')],
  [/^(?:anything|something|everything)\s+(?:about|on|regarding)\s+(.+)$/iu, (match, reading) => scopeFrame(match[1] ?? '', reading, 'list')],
  [/^(?:list|show|find|search\s+for)(?:\s+me)?\s+(.+)$/iu, (match, reading) => scopeFrame(match[1] ?? '', reading, 'list')],
];

/** Reads one question; throws only UserError (an empty, overlong or content-free question, an unknown paper or person). */
export function interpretQuestion(question: string, index: PaperIndex, options: InterpretOptions = {}): AskInterpretation {
  const trimmed = question.replace(/\s+/gu, ' ').trim();
  if (trimmed === '') {
    throw new UserError(ErrorCode.InvalidOption, 'Ask a question about the papers.', { hint: ASK_EXAMPLES_HINT });
  }
  if (trimmed.length > MAX_QUERY_LENGTH) {
    throw new UserError(ErrorCode.InvalidOption, `That question is ${trimmed.length} characters long; /ask reads at most ${MAX_QUERY_LENGTH}.`, {
      hint: 'Ask one short question at a time.',
    });
  }
  const reading: Reading = { question: trimmed, text: normalizeQuestion(trimmed), index, vocabulary: corpusVocabulary(index), now: options.now ?? new Date() };
  for (const [pattern, frame] of FRAMES) {
    const match = pattern.exec(reading.text);
    if (match === null) continue;
    const interpretation = frame(match, reading);
    if (interpretation !== undefined) return interpretation;
  }
  return searchFallback(reading);
}

/** Drops what carries no meaning for the frames: the trailing "?", politeness, curly quotes. */
function normalizeQuestion(text: string): string {
  let normalized = text
    .normalize('NFC')
    .replace(/[\u201C\u201D\u201E\u00AB\u00BB]/gu, '"')
    .replace(/[?!.。？！\s]+$/u, '')
    .trim();
  for (;;) {
    const shorter = normalized
      .replace(/^(?:\/ask\s+|hey\b[,\s]*|hi\b[,\s]*|please\b[,\s]*|so\b[,\s]*|ok(?:ay)?\b[,\s]*|quick\s+question[:,\s]*|can\s+you\s+(?:tell|show)\s+me\s+|could\s+you\s+(?:tell|show)\s+me\s+|(?:do\s+you\s+|does\s+anyone\s+)know\s+|i\s+(?:want|would\s+like)\s+to\s+know\s+|tell\s+me\s+|i\s+wonder\s+)/iu, '')
      .replace(/[,\s]+please$/iu, '')
      .trim();
    if (shorter === normalized) return normalized;
    normalized = shorter;
  }
}

// ---------------------------------------------------------------------------------------------
// Frames

function coauthorsFrame(match: RegExpExecArray, reading: Reading): AskInterpretation | undefined {
  const found = authorInSlot(match[1] ?? '', reading, true);
  if (found === undefined) return undefined;
  const query = buildQuery(reading.question, { ...found.filters, authors: [found.author, ...found.filters.authors] });
  return { question: reading.question, intent: 'people', aspect: 'co-authors', query, author: found.author };
}

function authorsFrame(match: RegExpExecArray, reading: Reading): AskInterpretation | undefined {
  const slot = match[1] ?? '';
  const topical = /^(?:papers?\s+)?(?:about|on|regarding|in)\s+(.+)$/iu.exec(slot);
  if (topical !== null) {
    const filters = readFilters(foldedWords(topical[1] ?? ''), reading.vocabulary, reading.now);
    if (filters.topic.length === 0 && filters.venues.length === 0 && filters.years.length === 0) return undefined;
    return { question: reading.question, intent: 'people', aspect: 'topic authors', query: buildQuery(reading.question, filters) };
  }
  const paper = requirePaper(slot, reading);
  return paper === undefined ? undefined : paperInterpretation(reading, 'people', paper, slot, 'authors');
}

function publicationsFrame(match: RegExpExecArray, reading: Reading, nameExpected: boolean): AskInterpretation | undefined {
  const found = authorInSlot(match[1] ?? '', reading, nameExpected);
  if (found === undefined) return undefined;
  const rest = readFilters(foldedWords(match[2] ?? ''), reading.vocabulary, reading.now);
  const filters = mergeFilters(found.filters, rest);
  const query = buildQuery(reading.question, { ...filters, authors: [found.author, ...filters.authors] }, 'newest');
  return { question: reading.question, intent: 'people', aspect: 'publications', query, author: found.author };
}

function codeFrame(match: RegExpExecArray, reading: Reading): AskInterpretation | undefined {
  const slot = match[1] ?? '';
  const paper = paperReference(slot, reading);
  if (paper !== undefined) return paperInterpretation(reading, 'code', paper, slot);
  // "code for papers at NeurIPS": not one paper, a listing.
  return scopeFrame(reading.text, reading, 'code', { hasCode: true });
}

function paperFrame(match: RegExpExecArray, reading: Reading, intent: 'where' | 'when'): AskInterpretation | undefined {
  const slot = match[1] ?? '';
  const paper = paperReference(slot, reading);
  if (paper !== undefined) return paperInterpretation(reading, intent, paper, slot);
  // "when did Yulin Wang publish?" is about a person.
  const person = lookUpAuthor(slot, reading.vocabulary);
  if (person.kind === 'found') {
    const query = buildQuery(reading.question, { ...noFilters(), authors: [person.author] }, 'newest');
    return { question: reading.question, intent: 'people', aspect: 'publications', query, author: person.author };
  }
  rejectUnknownPaper(slot, reading);
  return undefined;
}

function summaryFrame(match: RegExpExecArray, reading: Reading, onlyIfSure: boolean): AskInterpretation | undefined {
  const slot = match[1] ?? '';
  if (onlyIfSure) {
    const paper = paperReference(slot, reading, 60);
    if (paper !== undefined) return paperInterpretation(reading, 'summary', paper, slot);
    // "what is RLVR?": an acronym the corpus defines; the papers using it are the answer.
    const acronym = foldName(cleanPaperReference(slot)).replace(/ /gu, '');
    return reading.index.acronyms.has(acronym) ? { question: reading.question, intent: 'list', query: buildQuery(reading.question, { ...noFilters(), topic: [acronym] }) } : undefined;
  }
  const paper = requirePaper(slot, reading);
  return paper === undefined ? undefined : paperInterpretation(reading, 'summary', paper, slot);
}

function extremeFrame(match: RegExpExecArray, reading: Reading): AskInterpretation | undefined {
  const word = foldName(match[1] ?? '');
  const which: 'newest' | 'oldest' = word === 'oldest' || word === 'earliest' || word === 'first' ? 'oldest' : 'newest';
  const rest = `${reading.text.slice(0, match.index)} ${reading.text.slice(match.index + match[0].length)}`;
  const filters = readFilters(foldedWords(rest), reading.vocabulary, reading.now);
  return { question: reading.question, intent: 'extreme', aspect: which, query: buildQuery(reading.question, filters, which) };
}

function scopeFrame(text: string, reading: Reading, intent: 'count' | 'list' | 'code', extra: { hasCode?: boolean } = {}): AskInterpretation {
  const filters = readFilters(foldedWords(text), reading.vocabulary, reading.now);
  // In a code listing the code words are the frame, not the topic.
  const topic = intent === 'code' ? filters.topic.filter((word) => !/^(?:code|codes|repo|repos|repository|repositories|github|implementation|implementations|source|open)$/u.test(word)) : filters.topic;
  const query = buildQuery(reading.question, { ...filters, topic, hasCode: filters.hasCode || extra.hasCode === true });
  const aspect: AskAspect | undefined = intent === 'code' ? 'papers with code' : undefined;
  return aspect === undefined ? { question: reading.question, intent, query } : { question: reading.question, intent, aspect, query };
}

function searchFallback(reading: Reading): AskInterpretation {
  const filters = readFilters(foldedWords(reading.text), reading.vocabulary, reading.now);
  const query = buildQuery(reading.question, filters);
  if (query.clauses.length === 0 && !hasFilters(query)) {
    throw new UserError(ErrorCode.QueryInvalid, `I could not find a question or anything to search for in "${clip(reading.question)}".`, { hint: ASK_EXAMPLES_HINT });
  }
  return { question: reading.question, intent: 'search', query };
}

// ---------------------------------------------------------------------------------------------
// Slots

/**
 * The person a name slot means, with any filters written next to it ("Shiji Song since 2020").
 * Undefined when the slot holds no name at all (then another frame may fit); a name that is not in
 * the corpus, or fits several people, is a UserError when `nameExpected`.
 */
function authorInSlot(slot: string, reading: Reading, nameExpected: boolean): { author: AuthorIdentity; filters: QuestionFilters } | undefined {
  const whole = lookUpAuthor(slot, reading.vocabulary);
  if (whole.kind === 'found') return { author: whole.author, filters: noFilters() };
  const filters = readFilters(foldedWords(slot), reading.vocabulary, reading.now);
  const [first, ...others] = filters.authors;
  if (first !== undefined) return { author: first, filters: { ...filters, authors: others } };
  if (!nameExpected) return undefined;
  // Only frame words ("what has been published") is not a name: let another frame read it.
  if (filters.topic.length === 0) return undefined;
  const named = filters.topic.join(' ');
  if (whole.kind === 'ambiguous') {
    const shown = whole.candidates.slice(0, 6).map((author) => author.name);
    throw new UserError(ErrorCode.InvalidOption, `"${clip(slot)}" fits ${whole.candidates.length} people: ${shown.join(', ')}${whole.candidates.length > shown.length ? ', …' : ''}.`, {
      hint: `Ask again with the full name, e.g. "${reading.question.replace(slot, shown[0] ?? slot)}".`,
    });
  }
  throw new UserError(ErrorCode.InvalidOption, `No author named "${clip(named)}" is in this corpus.`, {
    hint: whole.suggestions.length > 0 ? `Did you mean ${whole.suggestions.map((author) => author.name).join(' or ')}?` : 'Use /papers author:<name> to search by part of a name.',
  });
}

/** The paper a phrase names ("the DeeR-VLA paper", "ISDA", "Glance and Focus"), if it clearly names one. */
function paperReference(slot: string, reading: Reading, minimumScore = PAPER_REFERENCE_SCORE): PaperMatch | undefined {
  const reference = cleanPaperReference(slot);
  if (reference === '') return undefined;
  const match = findPaper(reading.index, reference);
  if (match !== undefined && match.score >= minimumScore) return match;
  if (minimumScore > PAPER_REFERENCE_SCORE) return undefined;
  // "the paper on column generation": no title words, but the topic picks out one paper.
  const topic = foldedWords(reference).filter(isTopicWord);
  if (topic.length === 0) return undefined;
  const query = buildQuery(reference, { ...noFilters(), topic });
  const [best, ...others] = strictMatches(reading.index, query).hits;
  if (best === undefined || others.length > 2) return undefined;
  return { paper: best.paper, alternatives: others.map((hit) => hit.paper), score: 0 };
}

/** Like paperReference, but a phrase with real words that names no paper is a UserError. */
function requirePaper(slot: string, reading: Reading): PaperMatch | undefined {
  const paper = paperReference(slot, reading);
  if (paper === undefined) rejectUnknownPaper(slot, reading);
  return paper;
}

/** Throws PaperNotFound when the phrase has real words; a phrase of frame words only is left to other frames. */
function rejectUnknownPaper(slot: string, reading: Reading): void {
  const reference = cleanPaperReference(slot);
  if (foldedWords(reference).filter(isTopicWord).length === 0) return;
  const near = findPaper(reading.index, reference);
  throw new UserError(ErrorCode.PaperNotFound, `No paper in this corpus matches "${clip(reference)}".`, {
    hint: near === undefined ? `Search with /papers ${clip(reference, 60)}, then ask again with a title from the results.` : `Did you mean "${near.paper.title}"?`,
  });
}

function cleanPaperReference(slot: string): string {
  let reference = slot.trim().replace(/^["'‘’]+|["'‘’]+$/gu, '');
  for (;;) {
    const shorter = reference
      .replace(/^(?:the|a|an|this|that)\s+/iu, '')
      .replace(/^(?:paper|article|work|publication)\s+(?:called|titled|named|about|on|regarding)\s+/iu, '')
      .replace(/\s+(?:paper|article|work|publication|one|method|model)$/iu, '')
      .replace(/['’]s$/u, '')
      .replace(/^["'‘’]+|["'‘’]+$/gu, '')
      .trim();
    if (shorter === reference) return reference;
    reference = shorter;
  }
}

// ---------------------------------------------------------------------------------------------
// Building the query

function paperInterpretation(reading: Reading, intent: AskIntent, paper: PaperMatch, slot: string, aspect?: AskAspect): AskInterpretation {
  // The echo is the words that named the paper: `/papers <them>` ranks it first.
  const topic = foldedWords(cleanPaperReference(slot)).filter((word) => !REFERENCE_FILLER.has(word));
  const query = buildQuery(reading.question, { ...noFilters(), topic: topic.length > 0 ? topic : foldedWords(paper.paper.title).filter(isTopicWord) });
  const interpretation: AskInterpretation = { question: reading.question, intent, query, paper };
  if (aspect !== undefined) interpretation.aspect = aspect;
  return interpretation;
}

function buildQuery(input: string, filters: QuestionFilters, sort?: SortOrder): ParsedQuery {
  const query = emptyQuery(input);
  query.filters.years = filters.years.map((range) => ({ ...range }));
  query.filters.venues = [...filters.venues];
  query.filters.authors = filters.authors.map((author) => author.name);
  query.filters.hasCode = filters.hasCode;
  const seen = new Set<string>();
  for (const word of filters.topic) {
    if (seen.has(word)) continue;
    seen.add(word);
    query.clauses.push({ negated: false, alternatives: [{ kind: 'term', value: word }] });
  }
  if (sort !== undefined) query.sort = sort;
  return query;
}

function mergeFilters(a: QuestionFilters, b: QuestionFilters): QuestionFilters {
  return {
    years: [...a.years, ...b.years],
    venues: [...new Set([...a.venues, ...b.venues])],
    authors: [...a.authors, ...b.authors.filter((author) => !a.authors.some((known) => known.folded === author.folded))],
    hasCode: a.hasCode || b.hasCode,
    topic: [...a.topic, ...b.topic],
  };
}

function noFilters(): QuestionFilters {
  return { years: [], venues: [], authors: [], hasCode: false, topic: [] };
}

function hasFilters(query: ParsedQuery): boolean {
  const { filters } = query;
  return filters.years.length > 0 || filters.venues.length > 0 || filters.authors.length > 0 || filters.hasCode;
}

function foldedWords(text: string): string[] {
  return foldName(text).split(' ').filter((word) => word !== '');
}

function clip(text: string, length = 80): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
