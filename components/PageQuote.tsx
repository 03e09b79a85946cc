import type { PageMatch } from '../lib/match/page';
import { FigureText } from './FigureText';

/** Props of {@link PageQuote}. */
export interface PageQuoteProps {
  match: Pick<PageMatch, 'text' | 'figures'>;
  /** How many page sentences state this claim (shown when more than one). */
  count?: number;
}

/** The page's own sentence, with its compared figures emphasised; rendered as text, never as HTML. */
export function PageQuote({ match, count = 1 }: PageQuoteProps) {
  const pageFigures = match.figures.flatMap((c) => (c.page ? [{ text: c.page.text }] : []));
  return (
    <p class="cc-page-quote">
      <span class="cc-section-inline">On this page{count > 1 ? ` (${count} sentences)` : ''}: </span>
      <FigureText text={match.text} figures={pageFigures} />
    </p>
  );
}
