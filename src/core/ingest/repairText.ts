// Undoes the damage Arrow research-search pages do to titles and abstracts: LaTeX left in from
// the authors' submissions (\emph{..}, $k$, 20\%, ~\cite{..}), and a tokenizer that put a space
// after every '.' and ':' (https: //github. com/x, i. e. ,, 11. 04). Every rule is written so an
// ordinary sentence ("in 2024. We") passes through unchanged.

/** LaTeX commands whose argument is plain text we keep: \emph{not} -> not. */
const TEXT_COMMANDS = [
  'textit', 'textbf', 'texttt', 'textrm', 'textsf', 'textsc', 'textnormal', 'emph', 'underline',
  'mathrm', 'mathbf', 'mathit', 'mathsf', 'mathtt', 'mathcal', 'mathbb', 'boldsymbol', 'bm',
  'text', 'operatorname', 'textsuperscript', 'textsubscript',
];
const TEXT_COMMAND = new RegExp(String.raw`\\(?:${TEXT_COMMANDS.join('|')})\s*\{([^{}]*)\}`, 'g');

/** Citations and references carry no meaning once the bibliography is gone. */
const CITATION = /\s*~?\\(?:cite[a-z]*|ref|eqref|autoref|cref|Cref)\*?(?:\[[^\]]*\])*\{[^{}]*\}/g;

/** Abbreviation macros from common paper preambles (\eg, \ie, \etal). */
const ABBREVIATION_MACROS: Record<string, string> = {
  eg: 'e.g.',
  ie: 'i.e.',
  etal: 'et al.',
  wrt: 'w.r.t.',
  vs: 'vs.',
  etc: 'etc.',
  cf: 'cf.',
};

/** The math symbols that show up in abstracts, as the characters a reader expects. */
const MATH_SYMBOLS: Record<string, string> = {
  times: '×', cdot: '·', le: '≤', leq: '≤', ge: '≥', geq: '≥', neq: '≠', approx: '≈', sim: '~',
  pm: '±', infty: '∞', rightarrow: '→', to: '→', leftarrow: '←', in: '∈',
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', eta: 'η',
  theta: 'θ', lambda: 'λ', mu: 'μ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ', omega: 'ω',
  Delta: 'Δ', Omega: 'Ω', ell: 'ℓ', '%': '%',
};

/** Top-level domains seen in paper URLs; used to tell "github. com" (broken host) from a sentence end. */
const KNOWN_TLDS = new Set([
  'com', 'org', 'net', 'io', 'ai', 'edu', 'gov', 'co', 'cn', 'uk', 'de', 'fr', 'jp', 'kr', 'me',
  'info', 'dev', 'app', 'page', 'site', 'tech', 'ly', 'ch', 'nl', 'ru', 'in', 'au', 'ca', 'eu',
  'us', 'hk', 'sg', 'tw', 'it', 'es', 'se',
]);

/** Path endings that are never the start of a sentence: "index. html" is one token. */
const PATH_CONTINUATIONS = /^(?:html?|php|pdf|git|md|io|com|org|net|zip|txt)\b/;

export function repairText(input: string): string {
  let text = input.normalize('NFC').replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ');
  text = repairLatex(text);
  // Everything below assumes single spaces.
  text = text.replace(/\s+/g, ' ').trim();
  text = repairUrls(text);
  text = repairAbbreviations(text);
  text = repairNumbers(text);
  text = repairPunctuationSpacing(text);
  return text;
}

function repairLatex(input: string): string {
  let text = input.replace(CITATION, '');
  // Nested formatting (\textbf{\emph{x}}) unwraps from the inside out.
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(TEXT_COMMAND, '$1');
  }
  // Every expansion ends in '.', so a dot written after the macro ("\\etc.") is dropped.
  text = text.replace(/\\(eg|ie|etal|wrt|vs|etc|cf)(?![A-Za-z])\.?/g, (_whole, name: string) => ABBREVIATION_MACROS[name] ?? name);
  // Inline math: keep what a reader would read ("$k$=1" -> "k=1", "1$\%$" -> "1%").
  text = text.replace(/(?<!\\)\$([^$]{1,120}?)(?<!\\)\$/g, (_whole, math: string) => renderInlineMath(math));
  text = text.replace(/\\([%&#_$])/g, '$1');
  text = text.replace(/``(.*?)''/g, '“$1”').replace(/`([^`'\s][^`']*)'/g, '‘$1’');
  // A LaTeX tie ("Fig.~3") is a space; a tilde after a space ("~5%") means "about" and stays.
  text = text.replace(/(?<=[\p{L}\p{N}.,])~(?=[\p{L}\p{N}])/gu, ' ');
  // Commands we do not know: keep the word, drop the markup.
  text = text.replace(/\\[A-Za-z]+\s*\{([^{}]*)\}/g, '$1');
  return text;
}

function renderInlineMath(math: string): string {
  return math
    .replace(/\\([A-Za-z]+|%)/g, (whole, name: string) => MATH_SYMBOLS[name] ?? name)
    .replace(/\\[,;!: ]/g, ' ')
    .replace(/([\^_])\{([^{}]*)\}/g, '$1$2')
    .replace(/[{}]/g, '')
    .trim();
}

function repairUrls(input: string): string {
  const text = input
    .replace(/\b(https?|ftp): ?\/ ?\/ ?/gi, (_whole, scheme: string) => `${scheme.toLowerCase()}://`)
    // Bare code-host names lose their dot too: "github. com/x".
    .replace(/\b(github|gitlab|bitbucket|huggingface)\. (com|org|co)(?=\/)/gi, '$1.$2');
  let repaired = '';
  let rest = text;
  for (let start = rest.search(/\bhttps?:\/\//i); start >= 0; start = rest.search(/\bhttps?:\/\//i)) {
    repaired += rest.slice(0, start);
    const { url, remainder } = takeBrokenUrl(rest.slice(start));
    repaired += url;
    rest = remainder;
  }
  return repaired + rest;
}

/**
 * Given "https://github. com/a/b. Code is ...", re-attach the URL pieces the page split off and
 * return the rest of the sentence untouched.
 */
function takeBrokenUrl(text: string): { url: string; remainder: string } {
  let end = text.indexOf(' ');
  if (end < 0) return { url: text, remainder: '' };
  let url = text.slice(0, end);
  while (end < text.length) {
    const nextEnd = text.indexOf(' ', end + 1);
    const next = text.slice(end + 1, nextEnd < 0 ? text.length : nextEnd);
    if (!continuesUrl(url, next)) break;
    url += next;
    end = nextEnd < 0 ? text.length : nextEnd;
  }
  return { url, remainder: text.slice(end) };
}

function continuesUrl(url: string, next: string): boolean {
  if (next === '') return false;
  const inHost = !/^[a-z]+:\/\/[^/]*\//i.test(url);
  if (url.endsWith('.')) {
    if (inHost) {
      const label = /^([a-z0-9-]+)([./:]|$|[,;)!?]|\.$)/.exec(next);
      if (label === null) return false;
      // "github. com/x" or "lab. github. io": more host or a path follows, or a real TLD.
      return label[2] === '.' || label[2] === '/' || label[2] === ':' || KNOWN_TLDS.has(label[1] ?? '');
    }
    return PATH_CONTINUATIONS.test(next) || /^[a-z0-9][\w.-]*\/\S*$/.test(next);
  }
  if (url.endsWith('/')) {
    // Only re-join a path piece that is itself path-shaped ("user/repo"), not a plain word.
    return /^[\w.-]+\/[\w./#?=&%-]*$/.test(next);
  }
  return false;
}

function repairAbbreviations(input: string): string {
  return input
    .replace(/(?<!\p{L})([iI])\. ?e\.(?: ?(?=,))?/gu, '$1.e.')
    .replace(/(?<!\p{L})([eE])\. ?g\.(?: ?(?=,))?/gu, '$1.g.')
    .replace(/(?<!\p{L})w\. ?r\. ?t\./gu, 'w.r.t.')
    .replace(/(?<!\p{L})a\. ?k\. ?a\./gu, 'a.k.a.')
    .replace(/\bet al\. (?=,)/g, 'et al.');
}

function repairNumbers(input: string): string {
  // "11. 04" and "5. 2-6. 5x" are decimals the page split. A sentence ending in a number ("in
  // 2024. We", "in 2024. 3D") is left alone: years have four digits and a following capital
  // letter ("3. 3D") means a new sentence or a unit-name, not a fraction.
  return input
    .replace(/(?<![\d.,])(\d{1,3})\. (\d+)(?![\d.]*\p{Lu})/gu, '$1.$2')
    .replace(/(\d) %(?=\W|$)/g, '$1%');
}

function repairPunctuationSpacing(input: string): string {
  return input
    .replace(/ +([,;!?])/g, '$1')
    .replace(/(\S) \.(?= |$)/g, '$1.')
    .replace(/\( +/g, '(')
    .replace(/ +\)/g, ')')
    // "human– robot": an en dash glued on the left but not on the right lost its right half.
    .replace(/(?<=\p{L})– (?=\p{Ll})/gu, '–');
}
