// The fixed query mix every benchmark run uses, by category, with the words chosen from the seed
// corpus so they hit at every size (synthetic corpora are written from the seed's vocabulary).
export interface MixEntry {
  category: string;
  /** What a user types (run through the command layer). */
  line: string;
  /** The query part, also timed straight on PaperIndex.search; absent for commands that are not searches. */
  search?: string;
}

const papers = (category: string, query: string): MixEntry => ({ category, line: `/papers ${query}`, search: query });

export const QUERY_MIX: readonly MixEntry[] = [
  papers('free text', 'reinforcement learning'),
  papers('free text', 'linear attention'),
  papers('free text', 'knowledge distillation checkpoints'),
  papers('free text', 'entropy tokens reasoning'),
  papers('phrase', '"language models"'),
  papers('phrase', '"offline reinforcement learning"'),
  papers('filters only', 'year:2024'),
  papers('filters only', 'venue:NeurIPS year:2019'),
  papers('filters only', 'author:"Gao Huang" has:code'),
  papers('filters only', 'sort:oldest'),
  papers('text + filters', 'attention venue:NeurIPS since:2022'),
  papers('text + filters', 'policy gradient year:2019..2021 has:code'),
  papers('text + filters', 'vision -mamba author:huang'),
  papers('typo', 'atention'),
  papers('typo', 'reinforcment lerning'),
  { category: '/ask', line: '/ask what has Gao Huang published?' },
  { category: '/ask', line: '/ask which papers about linear attention appeared at NeurIPS in 2024?' },
  { category: 'other commands', line: '/paper GridMix' },
  { category: 'other commands', line: '/random venue:ICLR' },
  { category: 'other commands', line: '/help papers' },
  { category: 'other commands', line: '/authors' },
  { category: 'other commands', line: '/authors Gao Huang' },
  // Outside the mix (its categories are searches and /ask); measured so the chart's cost
  // is in plain sight: a 1600x800 PNG drawn by resvg on the thread pool, whatever the corpus size.
  { category: '/stats (chart)', line: '/stats' },
  { category: '/stats (chart)', line: '/stats venue:NeurIPS since:2022' },
];

/** Nearest-rank percentile of a list of timings (ms); NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}
