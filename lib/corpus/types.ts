/**
 * Types of the claim corpus, shared by the corpus pipeline, the matcher and the UI.
 * `data/README.md` documents the JSON form of these types.
 */

/** Normalised qualifier of a figure. Vague quantities use the vague word itself ("dozens"). */
export type Qualifier = 'at least' | 'more than' | 'nearly' | 'about' | 'up to' | 'range' | string | null;

/** A quantity stated in a sentence: a count, money, a percentage, a distance, a duration or an age. */
export interface Figure {
  /** Exact text of the figure in the sentence, qualifier and unit words included ("at least 58", "$500 million"). */
  text: string;
  /** UTF-16 offset of `text` in the sentence. */
  start: number;
  /** Numeric value; null for vague quantities ("dozens") and ranges. */
  value: number | null;
  /** Normalised qualifier (see {@link Qualifier}). */
  qualifier: Qualifier;
  /** Original qualifier wording when it was normalised ("over" -> "more than"). */
  qualifierText?: string;
  /** Unit: people, percent, USD, km, months, years, sorties, targets, missiles, ... */
  unit: string;
  /** What is counted: killed, injured, displaced, votes, strikes, ... ; null when the sentence does not say. */
  what: string | null;
  /** Lower and upper bound of a range ("3,000 to 6,000"). */
  min?: number;
  max?: number;
  /** Rate period ("$40 million a month" -> "month"). */
  per?: string;
  /**
   * Who this figure is attributed to when it is not the sentence's claimant ("... but the head of a charity
   * ambulance service in Idlib said that 67 people had been killed" -> "Idlib ambulance service head").
   */
  claimant?: string;
}

/** An outlet credit for an article, with the exact text that gives the evidence. */
export interface OutletCredit {
  /** Canonical outlet name ("Reuters", "AFP", "FRANCE 24"); null when the text names none. */
  outlet: string | null;
  /** How the outlet was found: dateline, agency_label, credit_line, source_url, in_text_attribution, embedded_tweet_handle, signature, none. */
  creditType: string;
  /** Verbatim text that credits the outlet; null when `outlet` is null. */
  evidence: string | null;
}

/** One article (or embed) inside a source document. */
export interface Article {
  /** Stable id: `<doc index>-L<first line>`, e.g. "000-L32". */
  id: string;
  docId: string;
  /** Headline, or the first line when there is none. */
  title: string;
  /** 1-based line numbers in the source document. */
  firstLine: number;
  lastLine: number;
  kind: 'article' | 'embed' | 'host_commentary' | 'boilerplate' | 'link';
  credit: OutletCredit;
  /** ISO date (YYYY-MM-DD): the date line's, else the date estimated from the text (see `dateBasis`), else null. */
  date: string | null;
  /** Verbatim text of the date line in the document, else null. */
  dateText: string | null;
  /**
   * Where `date` comes from: `date_line`, or an estimate: `text` (the latest date the article mentions, with its
   * weekday words), `event` (the latest event of `lib/corpus/event-calendar.ts` it reports), `announced` (a few days before an event it announces), `neighbour` (the nearest dated
   * article of the same collection). Absent when `date` is null.
   */
  dateBasis?: 'date_line' | 'text' | 'event' | 'announced' | 'neighbour';
  /** The text an estimated date rests on ("February 26, 2021 … friday"). */
  dateEvidence?: string;
}

/** One sentence of the corpus. */
export interface Sentence {
  /** Stable id: `<article id>-S<n>`. */
  id: string;
  articleId: string;
  docId: string;
  /** 1-based line of the source document that holds the sentence. */
  line: number;
  text: string;
  /**
   * The outlet the sentence is credited to: the article's credit, else an outlet the sentence itself names as
   * its source ("Sana reported"); null when the text names none. Never guessed.
   */
  outlet: string | null;
  /** Where `outlet` comes from. */
  outletBasis: 'article_credit' | 'sentence_attribution' | null;
  /** The date line of its article, else null. */
  date: string | null;
  /**
   * The article's date estimated from its text when it has no date line (see `Article.dateBasis`). Kept apart
   * from `date`: the UI and the figure comparison use it (shown as "~ 4 Apr 2017"); the matcher's event-date
   * check does not, since a restatement of an old fact in a later article is not another event.
   */
  dateEstimate?: string;
  /** Who the sentence attributes its claim to ("Syrian Observatory for Human Rights", "Lavrov"), else null. */
  claimant: string | null;
  figures: Figure[];
}

/** A group of corpus sentences that state the same claim. */
export interface Claim {
  /** Stable id derived from the member sentence ids ("c-" + hash). */
  id: string;
  /** The most representative member's text, used as the claim's label. */
  label: string;
  /** Ids of member sentences, in corpus order. */
  sentenceIds: string[];
}

/** One source document as listed in `data/sources.json`. */
export interface SourceDocument {
  id: string;
  file: string;
  /** The hosting site the text gives evidence of, else "unknown". */
  hostingSite: string;
  /** Readable name of the collection for articles without an outlet (from `data/sources.json`). */
  collection?: string;
  evidence: Array<{ line: number; text: string }>;
  /** sha256 of the file's bytes, so a stale corpus is detectable. */
  sha256: string;
}

/** The whole claim corpus, as written to `data/corpus.json`. */
export interface Corpus {
  schemaVersion: number;
  documents: SourceDocument[];
  articles: Article[];
  sentences: Sentence[];
  claims: Claim[];
  /** Serialized candidate index (see lib/match), so nothing heavy is built at start-up. */
  index: unknown;
}
