import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { TestContext } from 'vitest';
import { projectRoot } from './processes';

/**
 * Arranges for the page to be saved under test-output/failures/ if the current test fails, so that whoever reads a
 * red CI log can see what the kiosk showed. Call from `beforeEach`.
 */
export function screenshotOnFailure(context: TestContext, page: () => Page | undefined): void {
  context.onTestFailed(async () => {
    const current = page();
    if (!current) return;
    const dir = join(projectRoot, 'test-output', 'failures');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${context.task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)}.png`);
    await current.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.error(`screenshot of the failure: ${file}`);
  });
}
