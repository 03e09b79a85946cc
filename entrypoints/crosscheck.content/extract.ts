/**
 * The article blocks to check. Readability (lib/dom `extractArticle`) picks them on ordinary pages; it runs
 * in one piece, so pages too long for it to finish well inside a frame take the fallback, walked in slices:
 * visible paragraphs under `main`/`article`, without navigation, ads, related links and comments.
 */
import { extractArticle, fallbackBlock } from '../../lib/dom/index';
import { eachLeafBlock } from '../../lib/dom/blocks';
import { mainRoots } from '../../lib/dom/visibility';
import { Slicer } from './slice';

/** A reading block and its normalised text. */
export interface TextBlock {
  block: Element;
  text: string;
}

/**
 * Page text (characters of `body.textContent`) above which Readability is skipped. Readability costs about
 * 4 ms per 1,000 characters here, in one task: 20k characters (a 3,000-word article) keeps it near the 50 ms
 * long-task mark; longer pages lose Readability's judgement but keep the page responsive.
 */
export const READABILITY_MAX_CHARS = 20_000;

/** The article blocks of `doc`, in document order; slices the work on long pages. */
export async function articleBlocks(doc: Document, alive: () => boolean): Promise<{ blocks: TextBlock[]; method: string }> {
  const chars = doc.body?.textContent?.length ?? 0;
  if (chars <= READABILITY_MAX_CHARS) {
    const article = extractArticle(doc);
    return { blocks: article.blocks.map((b) => ({ block: b.element, text: b.text })), method: article.method };
  }
  // Let the browser style and lay out the long page first: reading visibility before that would force it
  // in our task, in one piece.
  await afterFirstFrame();
  const slicer = new Slicer();
  const blocks: TextBlock[] = [];
  for (const root of mainRoots(doc)) {
    for (const el of eachLeafBlock(root)) {
      if (!alive()) return { blocks, method: 'sliced' };
      const found = fallbackBlock(el, root);
      if (found) blocks.push({ block: found.element, text: found.text });
      await slicer.maybePause();
    }
  }
  return { blocks, method: 'sliced' };
}

/** Resolves after the next frame has been rendered. */
function afterFirstFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
