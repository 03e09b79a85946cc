/**
 * Which site a note belongs to. A page is not trusted with the reader's notes made on other sites (issue 15):
 * the card in a page shows the notes made on that page's origin, and only counts the others ("2 notes
 * elsewhere"); the popup, an extension page, shows them all.
 */
import type { Annotation } from './model';

/** Origin (`scheme://host:port`) of an absolute URL, or null when it has none (not a URL, `about:`, `data:`). */
export function originOf(url: string | null | undefined): string | null {
  if (!url || !URL.canParse(url)) return null;
  const origin = new URL(url).origin;
  return origin === 'null' ? null : origin;
}

/** Origin a note was filed under: that of its page's canonical URL. */
export function noteOrigin(annotation: Annotation): string | null {
  return originOf(annotation.target.source);
}

/** Notes split into those filed on `origin` and the number filed elsewhere (a null origin owns no note). */
export function splitByOrigin(annotations: readonly Annotation[], origin: string | null): { here: Annotation[]; elsewhere: number } {
  const here = origin === null ? [] : annotations.filter((a) => noteOrigin(a) === origin);
  return { here, elsewhere: annotations.length - here.length };
}

/** URL schemes of extension pages (the popup, the annotations page), which may see every note. */
const EXTENSION_SCHEMES = ['chrome-extension:', 'moz-extension:', 'safari-web-extension:'];

/**
 * True when a message came from one of our extension pages rather than a content script in a web page: no tab
 * (the toolbar popup), or a tab showing an extension URL (the popup or annotations page opened in a tab). Other
 * extensions cannot send us runtime messages, and a web page's frame URL is never an extension URL.
 */
export function fromExtensionPage(sender: { tabId: number | null; url: string | null }): boolean {
  if (sender.tabId === null) return true;
  return EXTENSION_SCHEMES.some((scheme) => sender.url?.startsWith(scheme) ?? false);
}
