/**
 * The table of known news outlets: canonical name, the names the text may use for it, its web domains and its
 * Twitter handles. Outlet credit only ever names an outlet of this table, so an unknown name is never turned into
 * an outlet by accident. Canonical names follow the labels of `tests/fixtures/dev-eval/outlets.json`.
 */

/** One known outlet. */
export interface OutletEntry {
  /** Canonical name shown to the user ("Reuters", "AFP", "FRANCE 24"). */
  name: string;
  /** Other names the text may use, matched case-sensitively as whole words ("AP", "Agence France-Presse"). */
  aliases: string[];
  /** Web domains, matched on the URL's host and its parent domains. */
  domains: string[];
  /** Twitter handles without "@", matched case-insensitively. */
  handles: string[];
}

const o = (name: string, aliases: string[], domains: string[], handles: string[] = []): OutletEntry => ({
  name,
  aliases,
  domains,
  handles,
});

/** Known outlets. Aliases are case-sensitive on purpose: "AP" the agency, not "ap" inside a word. */
export const OUTLETS: readonly OutletEntry[] = [
  o('Reuters', ['REUTERS'], ['reuters.com'], ['Reuters']),
  o('AFP', ['Agence France-Presse', 'Agence France Presse', 'AGENCE FRANCE-PRESSE'], ['afp.com'], ['AFP']),
  o('Associated Press', ['AP', 'The Associated Press', 'the Associated Press'], ['apnews.com', 'ap.org'], ['AP']),
  o('FRANCE 24', ['France 24', 'France24'], ['france24.com'], ['FRANCE24']),
  o('The Guardian', ['Guardian', 'the Guardian'], ['theguardian.com', 'guardian.co.uk'], ['guardian']),
  o('The Telegraph', ['Telegraph', 'Daily Telegraph', 'the Telegraph'], ['telegraph.co.uk'], ['Telegraph']),
  o('The Wall Street Journal', ['Wall Street Journal', 'WSJ', 'the Wall Street Journal'], ['wsj.com'], ['WSJ']),
  o('Fars News Agency', ['FNA', 'Fars', 'Fars news agency'], ['farsnews.com', 'farsnews.ir'], ['EnglishFars']),
  o('RT', ['Russia Today'], ['rt.com'], ['RT_com']),
  o('TASS', ['Itar-Tass', 'ITAR-TASS'], ['tass.com', 'tass.ru'], ['tassagency_en']),
  o('Interfax', [], ['interfax.com', 'interfax.ru'], []),
  o('RIA Novosti', ['RIA'], ['ria.ru'], []),
  o('Sputnik', [], ['sputniknews.com'], ['SputnikInt']),
  o('SANA', ['Sana', 'Syrian Arab News Agency'], ['sana.sy'], []),
  o('BBC', ['BBC News'], ['bbc.com', 'bbc.co.uk'], ['BBCWorld', 'BBCBreaking']),
  o('CNN', [], ['cnn.com'], ['CNN']),
  o('ABC News', [], ['abcnews.go.com'], ['ABC']),
  o('CBS News', [], ['cbsnews.com'], ['CBSNews']),
  o('NBC News', [], ['nbcnews.com'], ['NBCNews']),
  o('Fox News', [], ['foxnews.com'], ['FoxNews']),
  o('Voice of America', ['VOA', 'Voice of America News'], ['voanews.com'], ['VOANews']),
  o('The New York Times', ['New York Times', 'NYT'], ['nytimes.com'], ['nytimes']),
  o('The Washington Post', ['Washington Post'], ['washingtonpost.com'], ['washingtonpost']),
  o('Huffington Post', ['HuffPost', 'The Huffington Post'], ['huffingtonpost.com', 'huffpost.com'], ['HuffPost']),
  o('Al Jazeera', ['Al-Jazeera'], ['aljazeera.com', 'aljazeera.net'], ['AJEnglish']),
  o('Al Arabiya', ['Al-Arabiya'], ['alarabiya.net'], ['AlArabiya_Eng']),
  o('Anadolu Agency', ['Anadolu'], ['aa.com.tr'], ['anadoluagency']),
  o('Xinhua', [], ['xinhuanet.com', 'news.cn'], ['XHNews']),
  o('Press TV', [], ['presstv.ir', 'presstv.com'], ['PressTV']),
  o('IRNA', [], ['irna.ir'], []),
  o('Tasnim News Agency', ['Tasnim'], ['tasnimnews.com'], ['Tasnimnews_EN']),
  o('Bloomberg', [], ['bloomberg.com'], ['business']),
  o('Step news agency', ['Step News Agency', 'Step News'], ['stepagency-sy.net'], ['StepNewsAgency']),
  o('The Independent', [], ['independent.co.uk'], ['Independent']),
  o('Daily Mail', ['Mail Online'], ['dailymail.co.uk'], ['MailOnline']),
  o('Sky News', [], ['news.sky.com'], ['SkyNews']),
  o('Deutsche Welle', ['DW'], ['dw.com'], ['dwnews']),
  o('Euronews', [], ['euronews.com'], ['euronews']),
  o('Times of India', [], ['timesofindia.indiatimes.com'], ['timesofindia']),
  o('Middle East Eye', [], ['middleeasteye.net'], ['MiddleEastEye']),
  o('Al-Monitor', [], ['al-monitor.com'], ['AlMonitor']),
  o('Haaretz', [], ['haaretz.com'], ['haaretzcom']),
  o('The Times of Israel', ['Times of Israel'], ['timesofisrael.com'], ['TimesofIsrael']),
  o('Daily Sabah', [], ['dailysabah.com'], ['DailySabah']),
  o('Hurriyet Daily News', ['Hurriyet'], ['hurriyetdailynews.com'], []),
  o('Rudaw', [], ['rudaw.net'], ['RudawEnglish']),
  o('Kurdistan 24', [], ['kurdistan24.net'], ['K24English']),
  o('dpa', ['DPA', 'Deutsche Presse-Agentur'], ['dpa.com'], []),
  o('EFE', [], ['efe.com'], []),
  o('UPI', ['United Press International'], ['upi.com'], ['UPI']),
  o('NPR', [], ['npr.org'], ['NPR']),
];

/** Every outlet's Twitter handles (without "@"). */
export const OUTLET_HANDLES: readonly string[] = OUTLETS.flatMap((entry) => entry.handles);

function allNames(entry: OutletEntry): string[] {
  return [entry.name, ...entry.aliases];
}

/** The outlet whose canonical name or alias is exactly `name` (after trimming), else null. */
export function outletByName(name: string): OutletEntry | null {
  const wanted = name.trim();
  return OUTLETS.find((entry) => allNames(entry).includes(wanted)) ?? null;
}

/** The outlet owning the host of `url` (or a parent domain of it), else null. */
export function outletByUrl(url: string): OutletEntry | null {
  const host = /^(?:https?:\/\/)?([^/?#\s]+)/i.exec(url)?.[1]?.toLowerCase().replace(/^www\./, '');
  if (!host) return null;
  return OUTLETS.find((entry) => entry.domains.some((d) => host === d || host.endsWith(`.${d}`))) ?? null;
}

/** The outlet owning the Twitter handle (without "@", any case), else null. */
export function outletByHandle(handle: string): OutletEntry | null {
  const wanted = handle.toLowerCase();
  return OUTLETS.find((entry) => entry.handles.some((h) => h.toLowerCase() === wanted)) ?? null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A regular-expression alternation of every outlet name and alias, longest first so that "The Associated Press"
 * wins over "AP". Meant to be embedded in a larger pattern with word boundaries around it.
 */
export const OUTLET_NAME_PATTERN: string = OUTLETS.flatMap(allNames)
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join('|');

/** Every outlet named anywhere in `text` as a whole word, in order of first appearance, without repeats. */
export function outletsNamedIn(text: string): OutletEntry[] {
  const found: OutletEntry[] = [];
  for (const match of text.matchAll(new RegExp(`(?<![\\w@/.-])(?:${OUTLET_NAME_PATTERN})(?![\\w-])`, 'g'))) {
    const entry = outletByName(match[0]);
    if (entry && !found.includes(entry)) found.push(entry);
  }
  return found;
}
