/**
 * On-demand checks in the background: a check waiting for an injected content script is forgotten when the
 * injection fails, so the next page in that tab is not checked against the reader's site switch.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkTab, pending } from '../../entrypoints/background/checks';

describe('checks on demand', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    pending.clear();
  });

  it('forgets the pending check when the content script cannot be injected (e.g. a chrome:// page)', async () => {
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access contents of the page'));
    await expect(checkTab(9, 'page')).rejects.toThrow('Cannot access contents of the page');
    expect(inject).toHaveBeenCalledTimes(1);
    expect(pending.has(9)).toBe(false);
  });

  it('keeps the pending check while the injected script starts', async () => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
    await checkTab(9, 'selection');
    expect(pending.get(9)).toBe('selection');
  });
});
