// Autocomplete for venue, author and paper options: up to 25 suggestions, best first, from the
// live index. Discord gives 3 seconds; everything here is in memory, and the venue and author
// tallies are built once per index (the catalog swaps in a new index when the corpus changes).
// @see https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-autocomplete
import { foldName } from '../../core/paper.js';
import type { PaperIndex } from '../../core/search/paperIndex.js';
import type { AutocompleteKind } from './discordCommands.js';
import { cutAtWord, ELLIPSIS } from './discordText.js';

export const MAX_CHOICES = 25;
/** Discord's limit for a choice's name and for a string value. */
const MAX_CHOICE_TEXT = 100;

export interface AutocompleteChoice {
  name: string;
  value: string;
}

interface Tally {
  display: string;
  folded: string;
  count: number;
}

const tallies = new WeakMap<PaperIndex, { venues: Tally[]; authors: Tally[] }>();

export function autocompleteChoices(kind: AutocompleteKind, typed: string, index: PaperIndex): AutocompleteChoice[] {
  const wanted = foldName(typed);
  switch (kind) {
    case 'venue':
    case 'author': {
      const { venues, authors } = talliesOf(index);
      return rankTallies(kind === 'venue' ? venues : authors, wanted).map((tally) => ({
        name: choiceName(`${tally.display} (${tally.count} ${tally.count === 1 ? 'paper' : 'papers'})`),
        value: tally.display.slice(0, MAX_CHOICE_TEXT),
      }));
    }
    case 'paper':
      return rankPapers(index, wanted);
  }
}

/** How well a folded name answers a folded prefix the user typed: 0 is no match. */
export function matchStrength(name: string, wanted: string): number {
  if (wanted === '') return 1;
  if (name === wanted) return 5;
  if (name.startsWith(wanted)) return 4;
  if (` ${name}`.includes(` ${wanted}`)) return 3;
  const names = name.split(' ');
  const words = wanted.split(' ');
  // "huang gao" or "g huang": every typed word starts some word of the name.
  if (words.every((word) => names.some((part) => part.startsWith(word)))) return 2;
  return name.includes(wanted) ? 1 : 0;
}

function rankTallies(list: Tally[], wanted: string): Tally[] {
  return list
    .map((tally) => ({ tally, strength: matchStrength(tally.folded, wanted) }))
    .filter((entry) => entry.strength > 0)
    .sort((a, b) => b.strength - a.strength || b.tally.count - a.tally.count || a.tally.display.localeCompare(b.tally.display))
    .slice(0, MAX_CHOICES)
    .map((entry) => entry.tally);
}

function rankPapers(index: PaperIndex, wanted: string): AutocompleteChoice[] {
  const ranked: { strength: number; year: number; title: string; id: string; venue: string }[] = [];
  // Ids are slugs ("2024-demystify-mamba-..."): typing the start of one finds the paper too.
  const idPrefix = wanted.replace(/ /g, '-');
  for (const doc of index.papers) {
    const title = doc.foldedTitle.trim();
    const strength = Math.max(matchStrength(title, wanted), idPrefix !== '' && doc.paper.id.startsWith(idPrefix) ? 4 : 0);
    if (strength > 0) ranked.push({ strength, year: doc.paper.year, title: doc.paper.title, id: doc.paper.id, venue: doc.paper.venue });
  }
  return ranked
    .sort((a, b) => b.strength - a.strength || b.year - a.year || a.title.localeCompare(b.title))
    .filter((paper) => paper.id.length <= MAX_CHOICE_TEXT)
    .slice(0, MAX_CHOICES)
    .map((paper) => ({ name: choiceName(paper.title, ` (${paper.venue} ${paper.year})`), value: paper.id }));
}

/** A choice name of 1 to 100 characters: the text cut at a word, the tail kept whole. */
function choiceName(text: string, tail = ''): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const room = MAX_CHOICE_TEXT - tail.length;
  const head = oneLine.length <= room ? oneLine : `${cutAtWord(oneLine, room - 1)}${ELLIPSIS}`;
  const name = `${head}${tail}`.slice(0, MAX_CHOICE_TEXT);
  return name === '' ? ELLIPSIS : name;
}

function talliesOf(index: PaperIndex): { venues: Tally[]; authors: Tally[] } {
  let known = tallies.get(index);
  if (known === undefined) {
    const venues = new Map<string, Tally>();
    const authors = new Map<string, Tally>();
    for (const doc of index.papers) {
      count(venues, doc.paper.venue);
      // One paper counts once per author even if the source lists a name twice.
      for (const name of new Set(doc.authorNames)) count(authors, name);
    }
    known = { venues: [...venues.values()], authors: [...authors.values()] };
    tallies.set(index, known);
  }
  return known;
}

function count(into: Map<string, Tally>, display: string): void {
  const folded = foldName(display);
  if (folded === '') return;
  const tally = into.get(folded);
  if (tally === undefined) into.set(folded, { display, folded, count: 1 });
  else tally.count += 1;
}
