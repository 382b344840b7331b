// BibTeX for the "Cite" button: @inproceedings for conference and workshop papers, @article for
// journals. Special characters are escaped so the entry compiles.
import { allAuthorNames, foldName, type Paper } from '../paper.js';

export function toBibtex(paper: Paper): string {
  const names = allAuthorNames(paper);
  const authors = [...names.map(escapeBibtex), ...(paper.authorsTruncated ? ['others'] : [])].join(' and ');
  const isJournal = /journal/i.test(paper.venueKind) || /article/i.test(paper.type);
  const firstSurname = foldName(names[0]?.split(' ').at(-1) ?? 'anon').replace(/\s+/g, '');
  const firstWord = foldName(paper.title).split(' ').find((word) => word.length > 3) ?? 'paper';
  const lines = [
    `@${isJournal ? 'article' : 'inproceedings'}{${firstSurname}${paper.year}${firstWord},`,
    `  title = {${escapeBibtex(paper.title)}},`,
    `  author = {${authors || 'Unknown'}},`,
    `  ${isJournal ? 'journal' : 'booktitle'} = {${escapeBibtex(paper.venue)}},`,
    `  year = {${paper.year}},`,
  ];
  if (paper.codeUrls[0] !== undefined) lines.push(`  url = {${paper.codeUrls[0]}},`);
  lines.push('}');
  return lines.join('\n');
}

function escapeBibtex(text: string): string {
  return text.replace(/([&%$#_{}])/g, '\\$1');
}
