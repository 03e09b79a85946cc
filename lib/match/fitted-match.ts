/**
 * Experimental, not used by the extension: matches decided by the fitted link model (model.ts, fitted by
 * `npm run fit`) instead of the lexical score. Cross-validated by page it is not better than `Matcher.match`
 * (docs/matching-log.md: "A fitted model"), so nothing ships on it; it is kept with its coefficients for the
 * next attempt.
 */
import type { Matcher } from './matcher';
import { FITTED, linkProbability } from './model';
import { shared } from './score';
import { DEFAULT_LIMIT, type MatchOptions, type SentenceMatch } from './sentence-match';

/** Matches of `text` by the fitted model's first stage; `score` is the probability of stating the same claim. */
export function matchFitted(matcher: Matcher, text: string, opts: MatchOptions = {}): SentenceMatch[] {
  const scored = matcher.candidateFeatures(text, opts);
  if (scored.length === 0) return [];
  const model = FITTED.first;
  const minScore = opts.minScore ?? model.possible;
  const out: SentenceMatch[] = [];
  for (const { x, q, c, sentenceId } of scored) {
    const p = linkProbability(model, x);
    if (p < minScore) continue;
    const common = shared(q, c);
    const readable = (t: string): string => c.surface.get(t) ?? q.surface.get(t) ?? t;
    out.push({
      sentenceId,
      score: Math.round(p * 1000) / 1000,
      level: p >= model.confident ? 'confident' : 'possible',
      reason: {
        terms: common.filter((t) => !q.entities.has(t) && !c.entities.has(t)).map(readable),
        entities: common.filter((t) => q.entities.has(t) || c.entities.has(t)).map(readable),
      },
    });
  }
  out.sort((a, b) => b.score - a.score || (a.sentenceId < b.sentenceId ? -1 : 1));
  return out.slice(0, opts.limit ?? DEFAULT_LIMIT);
}
