// @vitest-environment happy-dom
/**
 * The reader's page scan (entrypoints/crosscheck.content/page-scan.ts): the sentences it splits ahead of the
 * check, while the reader waits for the background's answer on how to start, are the ones the check sends;
 * a block whose text changed in between is split again.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHighlighter } from '../../lib/dom/index';
import { type Handlers, dispatch } from '../../lib/protocol';
import { IsolatedContentScriptContext } from '../../utils/content-script-context';
import { PRESPLIT_SENTENCES, PageScan } from '../../entrypoints/crosscheck.content/page-scan';
import { Painter } from '../../entrypoints/crosscheck.content/painter';
import type { TextBlock } from '../../entrypoints/crosscheck.content/extract';

const PARAGRAPHS = [
  'Russian warplanes struck rebel-held towns in Idlib province on Tuesday. At least 40 people were killed in the strikes, a monitoring group said.',
  'The Syrian Observatory for Human Rights said the dead included eleven children. Rescue workers searched the rubble of two collapsed buildings through the night.',
  'Moscow denied that its aircraft had hit civilian areas. The defence ministry said its jets had targeted militant positions only.',
];

/** A background that records the sentence texts of every batch and matches none of them. */
function background(): string[] {
  const sent: string[] = [];
  const handlers: Handlers = {
    matchSentences: ({ sentences }) => {
      sent.push(...sentences.map((s) => s.text));
      return { results: sentences.map((s) => ({ key: s.key, match: null })) };
    },
  };
  fakeBrowser.runtime.onMessage.addListener((msg: unknown) => dispatch(handlers, msg, { tabId: 1, url: location.href, sender: 'content', origin: location.origin }) ?? undefined);
  return sent;
}

/** The page's paragraphs as the article reader returns them. */
function article(): TextBlock[] {
  document.body.innerHTML = `<article>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article>`;
  return [...document.querySelectorAll('p')].map((block) => ({ block, text: block.textContent ?? '' }));
}

function scanner(): PageScan {
  const state = { url: location.href, sensitivity: 'possible' as const, dismissed: new Set<string>(), isOurs: () => false };
  return new PageScan(new IsolatedContentScriptContext('crosscheck-test'), document, new Painter(createHighlighter(document)), state);
}

describe('PageScan.presplit', () => {
  beforeEach(() => fakeBrowser.reset());

  it('sends the same sentences, in the same order, as a check that splits as it goes', async () => {
    const sent = background();
    const plain = scanner();
    expect(await plain.checkPage(article())).toBe(6);
    const expected = [...sent];
    sent.length = 0;
    const early = scanner();
    const blocks = article();
    early.presplit(blocks);
    const split = (early as unknown as { split: Map<Element, unknown> }).split;
    expect(split.size).toBe(3);
    expect(await early.checkPage(blocks)).toBe(6);
    // The check took every block split ahead.
    expect(split.size).toBe(0);
    expect(sent).toEqual(expected);
    expect(expected[1]).toBe('At least 40 people were killed in the strikes, a monitoring group said.');
  });

  it('splits a block again when its text changed after it was split ahead', async () => {
    const sent = background();
    const scan = scanner();
    const blocks = article();
    scan.presplit(blocks);
    const first = blocks[0]!;
    first.block.textContent = 'Turkey closed its border crossing near Kilis after the shelling. Thousands of families waited on the Syrian side.';
    const changed = [{ block: first.block, text: first.block.textContent }, ...blocks.slice(1)];
    await scan.checkPage(changed);
    expect(sent.slice(0, 2)).toEqual(['Turkey closed its border crossing near Kilis after the shelling.', 'Thousands of families waited on the Syrian side.']);
    expect(sent).not.toContain(PARAGRAPHS[0]!.split('. ')[0] + '.');
  });

  it('splits ahead only the first two batches’ worth of a long article', () => {
    const scan = scanner();
    document.body.innerHTML = `<article>${Array.from({ length: 60 }, (_, i) => `<p>Paragraph ${i} reports that the talks in Geneva went on for a third day. Delegates met again in the afternoon.</p>`).join('')}</article>`;
    const blocks = [...document.querySelectorAll('p')].map((block) => ({ block, text: block.textContent ?? '' }));
    scan.presplit(blocks);
    const split = (scan as unknown as { split: Map<Element, unknown> }).split;
    expect(split.size).toBe(PRESPLIT_SENTENCES / 2);
    scan.forgetPresplit();
    expect(split.size).toBe(0);
  });
});
