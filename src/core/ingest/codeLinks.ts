// Finds the code repository and project-page links in a (repaired) abstract, so "where is the
// code for X?" can be answered without reading the abstract. Run repairText first: the page's
// "https: //github. com/x" is not a URL until it has been re-joined.

/** Hosts whose links are code or model repositories whatever the sentence around them says. */
const CODE_HOSTS = ['github.com', 'gitlab.com', 'bitbucket.org', 'huggingface.co', 'codeberg.org', 'sourceforge.net'];
/** Static-site hosts that projects use for their project pages. */
const PROJECT_PAGE_HOSTS = ['github.io', 'gitlab.io'];
/**
 * Any other URL counts only when the words just before it introduce code or a project page:
 * an abstract may also link a dataset licence or a leaderboard, which are not "code".
 */
const CODE_CONTEXT = /\b(?:code|codes|project page|project website|repository|implementation|source|models?|checkpoints?) [^.]{0,60}$/i;
const CONTEXT_CHARS = 80;

/** Characters that end a sentence or a bracket rather than the URL they follow. */
const TRAILING_PUNCTUATION = /[.,;:!?'"”’»]+$/;

export function extractCodeUrls(text: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const candidates = /\bhttps?:\/\/[^\s<>"'“”‘’`]+|(?<![\w./@-])(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|huggingface\.co)\/[^\s<>"'“”‘’`]+/gi;
  for (const match of text.matchAll(candidates)) {
    const raw = trimTrailingPunctuation(match[0]);
    const withScheme = /^https?:\/\//i.test(raw) ? raw : `https://${raw}`;
    const url = parseHttpUrl(withScheme);
    if (url === undefined) continue;
    const before = text.slice(Math.max(0, match.index - CONTEXT_CHARS), match.index);
    if (!isCodeHost(url.hostname) && !CODE_CONTEXT.test(before)) continue;
    const cleaned = withScheme.replace(/^http:\/\/(?=(?:www\.)?(?:github|gitlab|bitbucket|huggingface)\.)/i, 'https://');
    const key = dedupeKey(url);
    if (seen.has(key)) continue;
    seen.add(key);
    found.push(cleaned);
  }
  return found;
}

function trimTrailingPunctuation(raw: string): string {
  let url = raw.replace(TRAILING_PUNCTUATION, '');
  // A closing bracket belongs to the URL only if the URL opened it: "(see https://x.com/a)".
  for (const [open, close] of [['(', ')'], ['[', ']'], ['{', '}']] as const) {
    while (url.endsWith(close) && count(url, close) > count(url, open)) {
      url = url.slice(0, -1).replace(TRAILING_PUNCTUATION, '');
    }
  }
  return url;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function parseHttpUrl(candidate: string): URL | undefined {
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    // "https://github" with no dot is a broken link, not a host we can reach.
    if (!url.hostname.includes('.') || url.hostname.endsWith('.')) return undefined;
    return url;
  } catch {
    return undefined;
  }
}

function isCodeHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^www\./, '');
  return CODE_HOSTS.includes(host) || PROJECT_PAGE_HOSTS.some((pages) => host.endsWith(`.${pages}`));
}

/** Two spellings of one repository ("…/Repo", "…/repo/", "…/repo.git") are one link. */
function dedupeKey(url: URL): string {
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = url.pathname.replace(/\/+$/, '').replace(/\.git$/i, '');
  const caseInsensitive = isCodeHost(host);
  return `${host}${caseInsensitive ? path.toLowerCase() : path}${url.search}`;
}
