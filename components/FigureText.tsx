/** A sentence with its figures emphasised. Page and corpus text are rendered as text nodes, never as HTML. */
import { splitAtFigures, type FigureSpot } from '../lib/format';

/** Props of {@link FigureText}. */
export interface FigureTextProps {
  text: string;
  /** Figures to emphasise; offsets are used when they still point at the figure text. */
  figures: readonly FigureSpot[];
}

/** Renders `text` split at its figures, each figure in a `<strong class="cc-fig">`. */
export function FigureText({ text, figures }: FigureTextProps) {
  return (
    <>
      {splitAtFigures(text, figures).map((piece, i) =>
        piece.figure ? (
          <strong key={i} class="cc-fig">
            {piece.text}
          </strong>
        ) : (
          piece.text
        ),
      )}
    </>
  );
}
