/**
 * Month names, shared by the figure extractor (a month is not a figure) and the matcher (calendar days).
 */

/** Month names and abbreviations -> month number. */
export const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ['january', 'jan'],
    ['february', 'feb'],
    ['march', 'mar'],
    ['april', 'apr'],
    ['may', ''],
    ['june', 'jun'],
    ['july', 'jul'],
    ['august', 'aug'],
    ['september', 'sept'],
    ['october', 'oct'],
    ['november', 'nov'],
    ['december', 'dec'],
  ].flatMap(([full, abbr], i) => {
    const entries: Array<[string, number]> = [[full!, i + 1]];
    if (abbr) entries.push([abbr, i + 1]);
    if (abbr === 'sept') entries.push(['sep', 9]);
    return entries;
  }),
);
