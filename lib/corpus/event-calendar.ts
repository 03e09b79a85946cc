/**
 * A small calendar of widely reported events of the Syrian war (2014-2021), each with the words that name it
 * in news copy. An article that reports one of them was written on or shortly after its date, which dates
 * articles that give no day of their own ("on Tuesday", "last month"). Public facts of the period, written
 * once for the collections' subject; an article that reports none of them is dated from other evidence.
 */

/** A dated event and the words that identify it. */
export interface CalendarEvent {
  /** ISO date of the event (the first day, for several-day events). */
  date: string;
  /** Short name, quoted as evidence ("Khan Sheikhoun chemical attack"). */
  name: string;
  /** All of these must match the article's text. */
  all: readonly RegExp[];
}

/** The calendar, oldest first. */
export const SYRIA_WAR_EVENTS: readonly CalendarEvent[] = [
  { date: '2014-04-28', name: 'Assad registers to stand for re-election', all: [/registered to stand for re-election/i] },
  { date: '2014-06-03', name: 'Syrian presidential election', all: [/\b(?:presidential )?(?:election|poll|vote)\b/i, /\b(?:third (?:seven-year )?term|turnout|polling stations?)\b/i] },
  { date: '2014-06-04', name: 'Assad declared winner of the presidential election', all: [/\b88\.7\s?%|\bwon a third term\b/i] },
  { date: '2014-06-26', name: 'Obama asks Congress for $500m for the Syrian opposition', all: [/\$500\s?(?:million|m)\b/i, /\bCongress\b/] },
  { date: '2014-08-25', name: 'Obama authorizes surveillance flights over Syria', all: [/\bsurveillance flights\b/i] },
  { date: '2015-09-28', name: 'Putin and Obama meet at the UN General Assembly', all: [/\bObama\b/, /\bPutin\b/, /\b(?:UN|United Nations) General Assembly\b|\bat the UN\b/i] },
  { date: '2015-09-29', name: 'US air strike in Kunduz', all: [/\bKunduz\b/] },
  { date: '2015-09-30', name: 'Russia begins air strikes in Syria', all: [/\bRussia(?:n)?\b/, /\b(?:first|began|begun|launched|carried out) (?:its )?(?:air ?strikes|airstrikes|bombings?)\b|\bsecond day of Russian bombings\b/i] },
  { date: '2015-10-01', name: 'joint statement of seven countries on the Russian strikes', all: [/\bjointly issued\b/i, /\bRussian\b/] },
  { date: '2015-10-09', name: 'the Pentagon agrees to resume air-safety talks with Russia', all: [/\bPentagon\b[^.]*\bresume talks\b/i] },
  { date: '2015-10-20', name: 'Assad visits Moscow', all: [/\bAssad\b/, /\b(?:flew to|visit(?:ed|s)?|trip to) Moscow\b|\bMoscow visit\b|\bAssad visit\b/i] },
  { date: '2015-11-12', name: 'Kurdish offensive on Sinjar', all: [/\bSinjar\b/] },
  { date: '2015-11-12', name: 'US strike on "Jihadi John"', all: [/\bJihadi John\b|\bEmwazi\b/] },
  { date: '2015-11-13', name: 'Paris attacks', all: [/\b(?:attacks|onslaught) in Paris\b|\bParis attacks\b/i] },
  { date: '2016-01-11', name: 'aid convoys reach Madaya', all: [/\baid convoy\b/i, /\bMadaya|trapped\b/i] },
  { date: '2016-02-03', name: 'Geneva peace talks suspended', all: [/\bsuspended\b/, /\bpeace talks\b/i, /\bGeneva\b/] },
  { date: '2016-02-12', name: 'Munich agreement on a cessation of hostilities', all: [/\bMunich\b|\bin Germany\b/, /\bcessation of hostilities\b/i] },
  { date: '2016-02-13', name: 'Turkey shells Kurdish forces in northern Aleppo', all: [/\bTurk(?:ey|ish)\b/, /\bshelling\b/i, /\bKurdish\b/] },
  { date: '2016-02-22', name: 'US and Russia agree a ceasefire plan', all: [/\bRussia and the US have agreed\b|\bUS and Russia (?:have )?agreed\b/i] },
  { date: '2016-02-27', name: 'the cessation of hostilities takes effect', all: [/\b(?:truce|cessation of hostilities)\b[^.]*\b(?:took|has taken|came into) effect\b/i] },
  { date: '2016-03-14', name: 'Putin orders the withdrawal of most Russian forces', all: [/\bPutin\b/, /\bwithdraw(?:al|ing)?\b/i] },
  { date: '2016-03-14', name: 'Geneva peace talks resume', all: [/\bpeace talks starting on Monday\b|\bGeneva talks\b/i] },
  { date: '2016-03-24', name: 'Kerry meets Putin at the Kremlin', all: [/\bKerry\b[^.]{0,60}\bPutin\b[^.]*\bKremlin\b|\bKerry\b[^.]*\btalks with Putin at the Kremlin\b/] },
  { date: '2016-05-04', name: 'a "regime of calm" in Aleppo', all: [/\b(?:relative calm|calm prevailed)\b[^.]*\bAleppo\b/i] },
  { date: '2016-08-01', name: 'Russian Mi-8 helicopter shot down over Idlib', all: [/\bhelicopter\b/i, /\bshot down\b/i, /\bIdlib\b/] },
  { date: '2016-08-20', name: 'Gaziantep wedding bombing', all: [/\bwedding\b/i, /\b(?:bomb|suicide|attack)\b/i] },
  { date: '2016-10-18', name: 'Asma al-Assad interview with Rossiya 24', all: [/\bAsma\b/] },
  { date: '2016-10-19', name: 'Turkish air strikes on Kurdish fighters near al-Bab', all: [/\bal-Bab\b/, /\bKurdish\b/] },
  { date: '2016-12-29', name: 'Russia-Turkey brokered nationwide truce', all: [/\bbrokered by Russia and Turkey\b|\bRussia and Turkey\b.*\btruce\b/i] },
  { date: '2017-04-04', name: 'Khan Sheikhoun chemical attack', all: [/\bKhan Sheikhoun\b/] },
  { date: '2017-04-07', name: 'US missile strike on Shayrat air base', all: [/\b(?:missile strike|Tomahawk|cruise missiles?)\b/i, /\b(?:air ?base|airfield|Shayrat)\b/i] },
  { date: '2017-04-12', name: 'Tillerson meets Lavrov in Moscow', all: [/\bTillerson (?:is holding|held|holds) talks\b|\bTillerson\b[^.]{0,40}\bin (?:Moscow|Russia)\b/] },
  { date: '2017-06-18', name: 'US shoots down a Syrian Su-22', all: [/\bshot down\b|\bshoots down\b|\bdowning\b/i, /\bSyrian (?:air force )?(?:jet|warplane|aircraft|SU-22|Su-22|fighter)/i] },
  { date: '2021-02-25', name: 'US strikes on Iran-backed militias in eastern Syria', all: [/\bIran-backed\b/i, /\bUS strikes?\b|\bair strikes\b/i, /\bBiden\b/] },
];

/** The latest calendar event the text reports, else null. */
export function latestReportedEvent(text: string, events: readonly CalendarEvent[] = SYRIA_WAR_EVENTS): CalendarEvent | null {
  let best: CalendarEvent | null = null;
  for (const e of events) if (e.all.every((r) => r.test(text)) && (!best || e.date > best.date)) best = e;
  return best;
}
