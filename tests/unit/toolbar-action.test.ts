import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toolbarAction } from '../../entrypoints/background/tabs';

// The Firefox build is Manifest V2: there the toolbar button is `browserAction` and `browser.action` is undefined.
describe('the toolbar button API', () => {
  const action = fakeBrowser.action;
  afterEach(() => {
    (fakeBrowser as { action: unknown }).action = action;
  });

  it('is `action` in Manifest V3', () => {
    expect(toolbarAction()).toBe(fakeBrowser.action);
  });

  it('is `browserAction` where `action` does not exist (Manifest V2)', () => {
    (fakeBrowser as { action: unknown }).action = undefined;
    expect(toolbarAction()).toBe(fakeBrowser.browserAction);
    expect(toolbarAction()).toBeDefined();
  });
});
