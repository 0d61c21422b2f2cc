/**
 * The "space around" half of the touch-target rule, as plain geometry: which pairs of visible touch targets overlap
 * or sit closer together than a finger can tell apart. The accessibility walk measures the boxes in the page and
 * passes them here.
 */

/** A visible touch target: its accessible name (as it should appear in a finding) and the part of it a finger can reach, in CSS pixels. */
export interface TouchBox {
  name: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * At least 8 px of dead space between two targets, the on-screen keyboards' keys included: a fingertip (about
 * 10 mm, 32 to 40 px on a 21 to 27 inch full-HD lobby screen) that lands on a target's edge then does not also
 * reach its neighbour's, and 8 px keeps ten 64 px keys in a row on the narrowest keyboard column.
 */
export const minTouchGapPx = 8;

/** The shortest distance between two boxes: 0 when they touch or overlap. */
export function boxDistance(a: TouchBox, b: TouchBox): number {
  const dx = Math.max(0, b.left - a.right, a.left - b.right);
  const dy = Math.max(0, b.top - a.bottom, a.top - b.bottom);
  return Math.hypot(dx, dy);
}

function overlapArea(a: TouchBox, b: TouchBox): number {
  const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return width > 0 && height > 0 ? width * height : 0;
}

/**
 * Every pair of boxes that overlap or are less than `minTouchGapPx` apart, described by their names. Sub-pixel
 * layout rounding (a gap of 7.99 px for 8) is not a finding.
 */
export function crowdedTouchTargets(boxes: readonly TouchBox[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (overlapArea(a, b) > 0) {
        found.push(`${a.name} and ${b.name} overlap`);
        continue;
      }
      const gap = boxDistance(a, b);
      if (gap < minTouchGapPx - 0.05) found.push(`${a.name} and ${b.name} only ${Math.round(gap * 10) / 10} px apart`);
    }
  }
  return found;
}
