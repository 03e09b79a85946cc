/**
 * The one stylesheet the highlighters inject into the page: `::highlight()` rules for the CSS Custom
 * Highlight API and `mark[data-crosscheck]` rules for the wrapping fallback, with the same look.
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

/** Value of the `data-crosscheck` attribute on our `<style>` element. */
export const STYLE_MARKER = 'highlights';

/**
 * Colours per kind. A translucent background keeps the page's own text colour legible on light and dark
 * themes (a solid fill would need a text colour we cannot know); the underline carries the meaning on pages
 * where a faint background is hard to see. `possible` is paler and dotted so it reads as "less sure".
 */
const LOOK: Record<HighlightKind, { background: string; underline: string; style: string }> = {
  confident: { background: 'rgba(255, 176, 0, 0.32)', underline: 'rgb(230, 140, 0)', style: 'solid' },
  possible: { background: 'rgba(64, 156, 255, 0.18)', underline: 'rgb(64, 140, 230)', style: 'dotted' },
  annotation: { background: 'rgba(170, 90, 255, 0.26)', underline: 'rgb(150, 80, 230)', style: 'solid' },
};

function declarations(kind: HighlightKind): string {
  const look = LOOK[kind];
  return [
    `background-color: ${look.background}`,
    `text-decoration-line: underline`,
    `text-decoration-style: ${look.style}`,
    `text-decoration-color: ${look.underline}`,
    `text-decoration-thickness: 2px`,
  ].join('; ');
}

/** CSS text of the stylesheet (both painting mechanisms). */
export function highlightCss(): string {
  return HIGHLIGHT_KINDS.map((kind) => {
    const body = declarations(kind);
    return (
      `::highlight(${highlightName(kind)}) { ${body}; }\n` +
      `mark[data-crosscheck-kind="${kind}"] { ${body}; color: inherit; padding: 0; }`
    );
  }).join('\n');
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
