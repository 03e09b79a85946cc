import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frameOf, framesOf } from '../../lib/match/frames';
import { FRAMES_FILE, buildFrames, framesJson } from '../../scripts/build-frames';

describe('event frames (data/frames.json from WordNet and the curated seeds)', () => {
  it('the committed table is what npm run frames builds (deterministic, not stale)', () => {
    expect(readFileSync(FRAMES_FILE, 'utf8')).toBe(framesJson(buildFrames()));
  });

  it('puts the paraphrases of one predicate in one frame, inflections included', () => {
    for (const w of ['killed', 'died', 'deaths', 'toll', 'casualties', 'dead', 'fatalities']) expect(frameOf(w), w).toBe('KILL');
    for (const w of ['shelled', 'pounded', 'bombarded', 'struck', 'raids', 'attacked']) expect(frameOf(w), w).toBe('ATTACK');
    for (const w of ['condemned', 'denounced', 'decried']) expect(frameOf(w), w).toBe('CONDEMN');
    for (const w of ['truce', 'ceasefire', 'cessation', 'agreement']) expect(frameOf(w), w).toBe('AGREE');
    for (const w of ['withdrawal', 'withdraw', 'pullout']) expect(frameOf(w), w).toBe('WITHDRAW');
    for (const w of ['visit', 'trip', 'talks']) expect(frameOf(w), w).toBe('VISIT');
  });

  it('WordNet adds related forms the seeds do not list', () => {
    // Seeds name "kill", "withdraw", "elect": WordNet's derivationally related forms bring these.
    expect(frameOf('killer')).toBe('KILL');
    expect(frameOf('withdrawal')).toBe('WITHDRAW');
    expect(frameOf('electoral')).toBe('ELECT');
  });

  it('gives a sentence its frames, and none to function words', () => {
    expect(framesOf('At least 58 people died after warplanes bombed the town')).toEqual(new Set(['KILL', 'ATTACK']));
    expect(framesOf('the of and to in')).toEqual(new Set());
  });
});
