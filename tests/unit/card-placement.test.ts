/** The card goes beside the sentence it explains, never over it (issue 11). */
import { describe, expect, it } from 'vitest';
import { CARD_MARGIN, MIN_CARD_HEIGHT, overlaps, placeCard, unionBox, type Box } from '../../lib/card-placement';

const viewport = { width: 1280, height: 800 };
const card = { width: 380, height: 420 };

function boxOf(p: { left: number; top: number; maxHeight?: number }, size = card): Box {
  const height = Math.min(size.height, p.maxHeight ?? Infinity);
  return { left: p.left, top: p.top, right: p.left + size.width, bottom: p.top + height };
}

describe('placeCard', () => {
  it('puts the card below a sentence near the top, above one near the bottom', () => {
    const high: Box = { left: 100, top: 80, right: 700, bottom: 120 };
    expect(placeCard(high, card, viewport).side).toBe('below');
    const low: Box = { left: 100, top: 600, right: 700, bottom: 640 };
    expect(placeCard(low, card, viewport).side).toBe('above');
  });

  it('goes beside a tall sentence in the middle of the screen, and shortens itself rather than cover it', () => {
    const middle: Box = { left: 80, top: 300, right: 700, bottom: 420 };
    const p = placeCard(middle, card, viewport);
    expect(p.side).toBe('right');
    expect(overlaps(boxOf(p), middle)).toBe(false);
    const wide: Box = { left: 20, top: 250, right: 1260, bottom: 420 };
    const q = placeCard(wide, { width: 380, height: 520 }, viewport);
    expect(overlaps(boxOf(q, { width: 380, height: 520 }), wide)).toBe(false);
    expect(q.maxHeight).toBeGreaterThanOrEqual(MIN_CARD_HEIGHT);
  });

  it('never covers the sentence, wherever it is on a 1280x800 screen', () => {
    let placements = 0;
    for (let top = 0; top <= 760; top += 40) {
      for (const [left, right] of [[10, 400], [100, 1200], [800, 1270], [20, 1260]] as const) {
        for (const lines of [1, 2, 4]) {
          const sentence: Box = { left, top, right, bottom: Math.min(800, top + lines * 22) };
          const p = placeCard(sentence, card, viewport);
          const box = boxOf(p);
          expect(overlaps(box, sentence), `${JSON.stringify(sentence)} -> ${JSON.stringify(p)}`).toBe(false);
          expect(box.left).toBeGreaterThanOrEqual(0);
          expect(box.right).toBeLessThanOrEqual(viewport.width);
          placements++;
        }
      }
    }
    expect(placements).toBeGreaterThan(200);
  });

  it('keeps its margin from the viewport edges when the sentence is at the left edge', () => {
    const p = placeCard({ left: 0, top: 50, right: 300, bottom: 70 }, card, viewport);
    expect(p.left).toBeGreaterThanOrEqual(CARD_MARGIN);
  });

  it('unionBox spans every line box of a sentence', () => {
    expect(unionBox([{ left: 300, top: 10, right: 900, bottom: 30 }, { left: 100, top: 30, right: 400, bottom: 50 }])).toEqual({ left: 100, top: 10, right: 900, bottom: 50 });
    expect(unionBox([])).toBeNull();
  });
});
