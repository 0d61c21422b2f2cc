/**
 * What the accessibility walk (tests/e2e/accessibility.test.ts) measures in a kiosk page, in Chromium: the touch
 * targets and the part of each a finger can reach, on-screen keyboards not wholly in view, and text not drawn in
 * the bundled typeface. tests/e2e/pageChecks.test.ts shows each finds what it should on small made-up pages.
 */
import type { Page } from 'playwright-core';
import type { TouchBox } from './touchSpacing';

/** The smallest touch target, each way, in CSS pixels. */
export const minTouchPx = 64;

export interface TouchTarget {
  name: string;
  width: number;
  height: number;
  /** The part a finger can reach: inside the viewport and every scrolled panel, not under a sticky bar or overlay. */
  reachable: TouchBox | null;
}

/** Every visible control a finger must hit (a checkbox or radio through its label), measured in the page. */
export function touchTargets(page: Page): Promise<TouchTarget[]> {
  return page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [role="button"], .hg-button');
    const targets = new Set<HTMLElement>();
    for (const control of controls) {
      targets.add(control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio') ? (control.closest('label') ?? control) : control);
    }
    const reaches = (target: HTMLElement, x: number, y: number) => {
      const hit = document.elementFromPoint(x, y);
      return hit !== null && target.contains(hit);
    };
    /** Pixel by pixel along [from, to): from the first pixel where `hit` holds to past the last one, or null. */
    const extent = (from: number, to: number, hit: (at: number) => boolean): [number, number] | null => {
      let first: number | null = null;
      let last = 0;
      for (let at = Math.ceil(from); at < to; at++) {
        if (!hit(at)) continue;
        first ??= at;
        last = at + 1;
      }
      return first === null ? null : [first, last];
    };
    const result = [];
    for (const target of targets) {
      const box = target.getBoundingClientRect();
      const style = getComputedStyle(target);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || target.closest('[aria-hidden="true"]')) continue;
      const name = `${target.tagName.toLowerCase()} "${(target.getAttribute('aria-label') ?? target.textContent ?? '').trim().slice(0, 40)}"`;
      // Hit-tested along the box's middle lines, which finds what a sticky bar, an overlay or a scrolled panel's edge
      // hides; an edge found where the box's own edge is (to the pixel) is the box's exact edge.
      const left = Math.max(0, box.left);
      const right = Math.min(window.innerWidth, box.right);
      const top = Math.max(0, box.top);
      const bottom = Math.min(window.innerHeight, box.bottom);
      const rows = right > left ? extent(top, bottom, (y) => reaches(target, (left + right) / 2, y)) : null;
      const columns = rows === null ? null : extent(left, right, (x) => reaches(target, x, (rows[0] + rows[1]) / 2));
      const exact = (found: number, edge: number) => (Math.abs(found - edge) <= 1 ? edge : found);
      const reachable =
        rows === null || columns === null
          ? null
          : { name, left: exact(columns[0], box.left), right: exact(columns[1], box.right), top: exact(rows[0], box.top), bottom: exact(rows[1], box.bottom) };
      result.push({ name, width: box.width, height: box.height, reachable });
    }
    return result;
  });
}

/** What a finger can reach of each target, for `crowdedTouchTargets`. */
export const reachableBoxes = (targets: readonly TouchTarget[]): TouchBox[] => targets.flatMap((target) => (target.reachable === null ? [] : [target.reachable]));

/** Touch targets smaller than `minTouchPx` in either direction. */
export const smallTouchTargets = (targets: readonly TouchTarget[]) =>
  targets.filter((target) => target.height < minTouchPx || target.width < minTouchPx).map((target) => `${target.name} ${Math.round(target.width)}x${Math.round(target.height)}`);

/**
 * Keys of an on-screen keyboard and typed-text displays that are not wholly in view: the middle and the middle of
 * each edge of each must be what a touch there reaches (not off screen, not scrolled away, not under a bar).
 */
export function keyboardsOutOfView(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parts = document.querySelectorAll<HTMLElement>('.simple-keyboard .hg-button, .keypad-display');
    const hidden: string[] = [];
    for (const part of parts) {
      const box = part.getBoundingClientRect();
      const inset = 3;
      const points = [
        [(box.left + box.right) / 2, (box.top + box.bottom) / 2],
        [(box.left + box.right) / 2, box.top + inset],
        [(box.left + box.right) / 2, box.bottom - inset],
        [box.left + inset, (box.top + box.bottom) / 2],
        [box.right - inset, (box.top + box.bottom) / 2],
      ] as const;
      const inView = points.every(([x, y]) => {
        const hit = document.elementFromPoint(x, y);
        return hit !== null && part.contains(hit);
      });
      if (!inView) hidden.push(`${part.classList.contains('hg-button') ? 'key' : 'typed text'} "${(part.textContent ?? '').trim().slice(0, 40)}"`);
    }
    return hidden;
  });
}

/**
 * Visible text that Chromium did not draw in the bundled Be Vietnam Pro (a fallback font: a style that asks for
 * another face, or a glyph the face lacks), from the fonts the page actually rendered each element's text with.
 */
export async function textNotInKioskFont(page: Page): Promise<string[]> {
  // Each element with text of its own, and the nearest such element around it: DevTools counts the glyphs of an
  // element's whole subtree, so an element's own glyphs are its count less its text-bearing children's.
  const texts = await page.evaluate(() => {
    const found: { text: string; parent: number | null }[] = [];
    for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
      const ownText = [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent ?? '').join('').trim();
      if (ownText === '' || !element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const around = element.parentElement?.closest<HTMLElement>('[data-font-check]');
      element.dataset['fontCheck'] = String(found.length);
      found.push({ text: ownText.slice(0, 40), parent: around ? Number(around.dataset['fontCheck']) : null });
    }
    return found;
  });
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-font-check]' });
    /** Per text-bearing element (by its index in `texts`), the glyphs drawn in each other font, subtree included. */
    const otherGlyphs = texts.map(() => new Map<string, number>());
    for (const nodeId of nodeIds) {
      const { attributes } = await cdp.send('DOM.getAttributes', { nodeId });
      const index = Number(attributes[attributes.indexOf('data-font-check') + 1]);
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      for (const font of fonts) {
        if (!(font.isCustomFont && font.familyName.startsWith('Be Vietnam Pro'))) otherGlyphs[index]!.set(font.familyName, font.glyphCount);
      }
    }
    const own = otherGlyphs.map((glyphs) => new Map(glyphs));
    texts.forEach(({ parent }, index) => {
      if (parent === null) return;
      for (const [family, count] of otherGlyphs[index]!) own[parent]!.set(family, (own[parent]!.get(family) ?? 0) - count);
    });
    return texts.flatMap(({ text }, index) => {
      const families = [...own[index]!].filter(([, count]) => count > 0).map(([family]) => family);
      return families.length === 0 ? [] : [`"${text}" in ${families.join(', ')}`];
    });
  } finally {
    await cdp.detach();
    await page.evaluate(() => {
      for (const element of document.querySelectorAll<HTMLElement>('[data-font-check]')) delete element.dataset['fontCheck'];
    });
  }
}
