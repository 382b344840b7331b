// Options that several commands share (/papers, /random, /stats, /subscribe): declared once.
import type { CommandOption } from './command.js';

export const QUERY_OPTIONS: readonly CommandOption[] = [
  { name: 'query', description: 'Words, "phrases", -exclusions and filters like year:2024', type: 'string', rest: true, maxLength: 500 },
  { name: 'year', description: 'A year (2024) or a range (2020..2023, >=2022)', type: 'string', queryField: 'year', maxLength: 20 },
  { name: 'venue', description: 'Venue, e.g. NeurIPS', type: 'string', queryField: 'venue', autocomplete: 'venue', maxLength: 100 },
  { name: 'author', description: 'Author name or surname', type: 'string', queryField: 'author', autocomplete: 'author', maxLength: 100 },
];
