/**
 * Article text of an HTML file for the CLI: parsed with happy-dom (scripts never run, nothing is fetched), then
 * the same `extractArticle` the content script uses picks the article blocks, one paragraph per line.
 */
import { Window } from 'happy-dom';
import { extractArticle } from '../lib/dom/article';

/** The article text of an HTML page, one block per line. */
export function htmlToText(html: string): string {
  const window = new Window({
    url: 'http://127.0.0.1/',
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  try {
    window.document.write(html);
    const { blocks } = extractArticle(window.document as unknown as Document);
    return blocks.map((b) => b.text).join('\n');
  } finally {
    void window.happyDOM.close();
  }
}
