// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { type Box, placePanel } from '../../entrypoints/crosscheck.content/panel-place';

const VIEW = { width: 1280, height: 720 };
const SIZE = { width: 380, height: 420 };
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function check(passage: Box, size = SIZE, view = VIEW) {
  const spot = placePanel(passage, size, view);
  const panel = { left: spot.left, top: spot.top, right: spot.left + size.width, bottom: spot.top + Math.min(size.height, spot.maxHeight ?? Infinity) };
  expect(overlaps(panel, passage), JSON.stringify({ passage, panel })).toBe(false);
  expect(panel.left).toBeGreaterThanOrEqual(0);
  expect(panel.top).toBeGreaterThanOrEqual(0);
  expect(panel.right).toBeLessThanOrEqual(view.width);
  expect(panel.bottom).toBeLessThanOrEqual(view.height);
  return spot;
}

describe('placePanel: next to the passage, inside the viewport, never over it', () => {
  it('goes below a passage near the top, aligned with it', () => {
    expect(check({ left: 100, top: 80, right: 900, bottom: 140 })).toEqual({ left: 100, top: 146 });
  });

  it('goes above a passage near the bottom', () => {
    expect(check({ left: 100, top: 600, right: 900, bottom: 660 }).top).toBe(600 - 6 - 420);
  });

  it('goes beside a passage in the middle of a short viewport', () => {
    const spot = check({ left: 40, top: 250, right: 700, bottom: 330 }, SIZE, { width: 1280, height: 600 });
    expect(spot.left).toBe(706);
  });

  it('shrinks (and scrolls) when there is no room anywhere, still covering nothing', () => {
    const spot = check({ left: 10, top: 200, right: 390, bottom: 300 }, SIZE, { width: 400, height: 600 });
    expect(spot.maxHeight).toBeLessThan(SIZE.height);
  });

  it('keeps a panel at a passage on the right edge inside the viewport', () => {
    check({ left: 1200, top: 100, right: 1270, bottom: 120 });
  });
});
