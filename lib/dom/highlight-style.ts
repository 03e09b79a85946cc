/**
 * The one stylesheet the highlighters inject into the page: `::highlight()` rules for the CSS Custom
 * Highlight API and `mark[data-crosscheck]` rules for the wrapping fallback, with the same look.
 *
 * One colour code everywhere (page, card, popup, annotations page; the UI tokens are in components/theme.css):
 * confident matches blue with a solid underline, possible ones orange with a dotted underline. Blue and orange
 * stay apart under the common colour-vision deficiencies (Okabe & Ito's palette), and solid vs dotted tells
 * them apart without colour at all. Claims are marked lightly, an underline only; the fill appears on the
 * sentence being pointed at or moved to ("active"). A claim whose figures differ from the corpus ends in a
 * wavy underline (the "cue"; the wrapping fallback adds a "≠" after it too).
 */

/** What a highlight means: a confident claim match, a possible one, or the reader's own annotation. */
export type HighlightKind = 'confident' | 'possible' | 'annotation';

/** Every kind, in painting order (later kinds are registered with a higher priority). */
export const HIGHLIGHT_KINDS: readonly HighlightKind[] = ['possible', 'confident', 'annotation'];

/** Prefix of every name we register in `CSS.highlights`; page scripts share that registry. */
export const HIGHLIGHT_PREFIX = 'crosscheck-';

/** Registry name of a kind (`crosscheck-confident`). */
export function highlightName(kind: HighlightKind): string {
  return HIGHLIGHT_PREFIX + kind;
}

/** Registry name of the active (pointed at, moved to) highlight of a kind (`crosscheck-active-confident`). */
export function activeHighlightName(kind: HighlightKind): string {
  return `${HIGHLIGHT_PREFIX}active-${kind}`;
}

/** Registry name of the "figures differ" cue. */
export const CUE_HIGHLIGHT = `${HIGHLIGHT_PREFIX}cue`;

/** Value of the `data-crosscheck` attribute on our `<style>` element. */
export const STYLE_MARKER = 'highlights';

/** Attribute the wrapping fallback sets on the marks of the active highlight. */
export const ACTIVE_ATTRIBUTE = 'data-crosscheck-active';
/** Attribute the wrapping fallback sets on the last mark of a highlight with a cue. */
export const CUE_ATTRIBUTE = 'data-crosscheck-cue';

/**
 * Colours per kind, mid-tone so the underline reads on light and dark pages alike (about 4:1 against white
 * and against near-black). The fill is translucent so the page's own text colour stays legible.
 */
export const HIGHLIGHT_LOOK: Readonly<Record<HighlightKind, { fill: string; underline: string; style: 'solid' | 'dotted'; filled: boolean }>> = {
  confident: { fill: 'rgba(33, 128, 209, 0.22)', underline: 'rgb(33, 128, 209)', style: 'solid', filled: false },
  possible: { fill: 'rgba(204, 121, 0, 0.22)', underline: 'rgb(204, 121, 0)', style: 'dotted', filled: false },
  // The reader's own highlights keep a fill: they chose them (as in Hypothesis).
  annotation: { fill: 'rgba(170, 90, 255, 0.26)', underline: 'rgb(150, 80, 230)', style: 'solid', filled: true },
};

/** Colour of the "figures differ" cue: Okabe & Ito's vermillion. */
export const CUE_COLOR = 'rgb(213, 94, 0)';

function declarations(kind: HighlightKind): string {
  const look = HIGHLIGHT_LOOK[kind];
  return [
    ...(look.filled ? [`background-color: ${look.fill}`] : []),
    `text-decoration-line: underline`,
    `text-decoration-style: ${look.style}`,
    `text-decoration-color: ${look.underline}`,
    `text-decoration-thickness: 2px`,
    `text-underline-offset: 2px`,
  ].join('; ');
}

const CUE_DECLARATIONS = `text-decoration-line: underline; text-decoration-style: wavy; text-decoration-color: ${CUE_COLOR}; text-decoration-thickness: 2px; text-underline-offset: 3px`;

/** CSS text of the stylesheet (both painting mechanisms). */
export function highlightCss(): string {
  const kinds = HIGHLIGHT_KINDS.map((kind) => {
    const body = declarations(kind);
    const fill = `background-color: ${HIGHLIGHT_LOOK[kind].fill}`;
    const mark = `mark[data-crosscheck-kind="${kind}"]`;
    return (
      `::highlight(${highlightName(kind)}) { ${body}; }\n` +
      `::highlight(${activeHighlightName(kind)}) { ${fill}; }\n` +
      `${mark} { ${body}; background-color: transparent; color: inherit; padding: 0; }\n` +
      `${mark}${HIGHLIGHT_LOOK[kind].filled ? '' : `[${ACTIVE_ATTRIBUTE}], ${mark}:hover`} { ${fill}; }`
    );
  });
  return [
    ...kinds,
    `::highlight(${CUE_HIGHLIGHT}) { ${CUE_DECLARATIONS}; }`,
    `mark[${CUE_ATTRIBUTE}]::after { content: "\\2260"; font-size: 0.8em; font-weight: 700; vertical-align: super; margin-left: 1px; color: ${CUE_COLOR}; }`,
  ].join('\n');
}

/** Injects the stylesheet once per document (idempotent) and returns the `<style>` element. */
export function ensureHighlightStyle(doc: Document): HTMLStyleElement {
  const existing = doc.querySelector(`style[data-crosscheck="${STYLE_MARKER}"]`);
  if (existing) return existing as HTMLStyleElement;
  const style = doc.createElement('style');
  style.setAttribute('data-crosscheck', STYLE_MARKER);
  style.textContent = highlightCss();
  (doc.head ?? doc.documentElement).appendChild(style);
  return style;
}
