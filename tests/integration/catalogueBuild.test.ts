/**
 * The full sync's builder thread on its own: pages handed over as the server's JSON text, checked whole and written
 * into a new database file on a worker thread, which the sync then renames over the cache.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RejectedPageError, startCatalogueBuild, type CatalogueBuild } from '../../electron/core/catalogue/catalogueBuild';
import { changesPageJson } from '../../server/catalogueFeed';
import { loadSampleCatalogue } from '../../server/catalogueSample';
import type { CatalogueRecordType } from '../../shared/api/catalogue';

const sample = loadSampleCatalogue();
/** The sample as the server's feed sends it: referenced records first, then the procedures. */
const records: { type: CatalogueRecordType; data: { id: string } }[] = [
  ...sample.agencies.map((data) => ({ type: 'agency' as const, data })),
  ...sample.fields.map((data) => ({ type: 'field' as const, data })),
  ...sample.locations.map((data) => ({ type: 'location' as const, data })),
  ...sample.procedures.map((data) => ({ type: 'procedure' as const, data })),
];

/** The feed's pages of `size` records, as JSON text, with the cursors the server would give. */
function feedPages(size: number): string[] {
  const pages: string[] = [];
  for (let start = 0; start < records.length; start += size) {
    const rows = records.slice(start, start + size).map(({ type, data }, offset) => ({
      seq: start + offset + 1,
      type,
      id: data.id,
      op: 'upsert' as const,
      json: JSON.stringify(data),
    }));
    pages.push(changesPageJson(rows, `s${start + rows.length}`, start + size < records.length));
  }
  return pages;
}

let dir: string;
let path: string;
let build: CatalogueBuild | null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hcc-catalogue-build-'));
  path = join(dir, 'catalogue.db.next');
  build = null;
});
afterEach(async () => {
  await build?.abort();
  rmSync(dir, { recursive: true, force: true });
});

function inspect(): { integrity: unknown; procedures: unknown; meta: Record<string, string> } {
  const db = new Database(path, { readonly: true });
  try {
    const meta = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM meta').all();
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      procedures: db.prepare("SELECT count(*) FROM records WHERE type = 'procedure'").pluck().get(),
      meta: Object.fromEntries(meta.map(({ key, value }) => [key, value])),
    };
  } finally {
    db.close();
  }
}

describe('the catalogue builder thread', () => {
  it('answers where the feed goes on for each page, reports each page written, and leaves a complete file with its meta', async () => {
    const written: number[] = [];
    build = startCatalogueBuild(path, (count) => written.push(count));
    const answers = [];
    for (const text of feedPages(20)) answers.push(await build.addPage(text));
    await build.finish({ cursor: 's-final', lastSyncAt: '2026-11-22T08:00:00.000Z' });

    expect(answers.map((answer) => answer.hasMore)).toEqual([...answers.slice(1).map(() => true), false]);
    expect(answers.at(-1)?.cursor).toBe(`s${records.length}`);
    expect(written.reduce((sum, count) => sum + count, 0)).toBe(records.length);
    expect(inspect()).toEqual({
      integrity: 'ok',
      procedures: sample.procedures.length,
      meta: { cursor: 's-final', lastSyncAt: '2026-11-22T08:00:00.000Z' },
    });
  });

  it('skips an invalid record, reporting its position, and writes the rest of its page', async () => {
    const pages = feedPages(20);
    const broken = JSON.parse(pages[1] as string) as { changes: { data: Record<string, unknown> }[] };
    (broken.changes[3] as { data: Record<string, unknown> }).data.name = 42;
    const written: number[] = [];
    build = startCatalogueBuild(path, (count) => written.push(count));

    await build.addPage(pages[0] as string);
    const read = await build.addPage(JSON.stringify(broken));
    expect(read.refused).toEqual([{ index: 3, type: expect.any(String), id: expect.any(String), reason: expect.stringMatching(/^change 3 \(\w+\) is not a valid record at name/) }]);
    await build.finish({ cursor: 's1' });
    expect(written).toEqual([20, 19]);
  });

  it('rejects a page that is not the API\'s, and every request after it', async () => {
    const pages = feedPages(20);
    const written: number[] = [];
    build = startCatalogueBuild(path, (count) => written.push(count));
    await build.addPage(pages[0] as string);
    const rejected = build.addPage(JSON.stringify({ changes: [], hasMore: false }));
    await expect(rejected).rejects.toBeInstanceOf(RejectedPageError);
    await expect(rejected).rejects.toThrow(/^page does not match the API/);
    await expect(build.addPage(pages[2] as string)).rejects.toBeInstanceOf(RejectedPageError);
    await expect(build.finish({ cursor: 's1' })).rejects.toBeInstanceOf(RejectedPageError);
    // Only the first page was written; the file is the caller's to remove.
    expect(written).toEqual([20]);
  });

  it('rejects a reply that is not JSON as not matching the API', async () => {
    build = startCatalogueBuild(path, () => {});
    await expect(build.addPage('<html>proxy error</html>')).rejects.toThrow(/^page does not match the API/);
  });

  it('stops on abort, leaving the file to the caller to remove', async () => {
    build = startCatalogueBuild(path, () => {});
    await build.addPage(feedPages(20)[0] as string);
    await build.abort();
    await expect(build.addPage(feedPages(20)[1] as string)).rejects.toThrow();
    rmSync(path, { force: true });
    expect(existsSync(path)).toBe(false);
  });
});
