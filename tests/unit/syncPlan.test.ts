import { describe, expect, it } from 'vitest';
import { MAX_RECORD_BYTES } from '../../shared/api/catalogue';
import { checkChangesPage, planSync } from '../../shared/catalogue/syncPlan';

const field = { id: 'ho-tich', name: 'Hộ tịch' };

describe('planSync', () => {
  it('starts a full sync when the cache holds no catalogue', () => {
    expect(planSync({ cursor: null, staged: null })).toEqual({ kind: 'full' });
    expect(planSync({ cursor: null, staged: { from: 's1', cursor: 's9' } })).toEqual({ kind: 'full' });
  });

  it('continues from the stored cursor', () => {
    expect(planSync({ cursor: 's10', staged: null })).toEqual({ kind: 'incremental', since: 's10', keepStaged: false });
  });

  it('resumes after staged pages fetched from the catalogue the cache still holds', () => {
    expect(planSync({ cursor: 's10', staged: { from: 's10', cursor: 's50' } })).toEqual({ kind: 'incremental', since: 's50', keepStaged: true });
  });

  it('drops staged pages fetched from another catalogue', () => {
    expect(planSync({ cursor: 's10', staged: { from: 's5', cursor: 's50' } })).toEqual({ kind: 'incremental', since: 's10', keepStaged: false });
  });
});

describe('checkChangesPage', () => {
  const page = (changes: unknown[]) => ({ changes, cursor: 's2', hasMore: false });

  it('accepts a page of valid upserts and deletes, with the records parsed', () => {
    const check = checkChangesPage(page([{ type: 'field', op: 'upsert', id: 'ho-tich', data: field }, { type: 'procedure', op: 'delete', id: 'p1' }]));
    expect(check).toEqual({
      ok: true,
      page: {
        changes: [
          { op: 'upsert', id: 'ho-tich', record: { type: 'field', data: field } },
          { op: 'delete', type: 'procedure', id: 'p1' },
        ],
        refused: [],
        cursor: 's2',
        hasMore: false,
      },
    });
  });

  /** The reasons of the records a page check skipped. */
  const refusals = (check: ReturnType<typeof checkChangesPage>) => (check.ok ? check.page.refused.map((record) => record.reason) : [check.reason]);

  it('skips an invalid record, naming its position and where it is wrong, not its content, and keeps the rest of the page', () => {
    const check = checkChangesPage(
      page([
        { type: 'field', op: 'upsert', id: 'ho-tich', data: field },
        { type: 'field', op: 'upsert', id: 'x', data: { id: 'x' } },
        { type: 'procedure', op: 'delete', id: 'p1' },
      ]),
    );
    expect(check.ok && check.page.changes.map((change) => change.id)).toEqual(['ho-tich', 'p1']);
    expect(check.ok && check.page.refused).toEqual([{ index: 1, type: 'field', id: 'x', reason: 'change 1 (field) is not a valid record at name: Invalid input: expected string, received undefined' }]);
  });

  it('skips a record over the size limit', () => {
    const data = { ...field, nameEn: 'x'.repeat(MAX_RECORD_BYTES) };
    const check = checkChangesPage(page([{ type: 'field', op: 'upsert', id: 'ho-tich', data }]));
    expect(check.ok && check.page.changes).toEqual([]);
    expect(refusals(check)).toEqual([expect.stringMatching(/^change 0 \(field\) is \d+ bytes, over 262144$/)]);
  });

  it('counts the limit in bytes of UTF-8: Vietnamese letters under the limit in characters can be over it in bytes', () => {
    // "ệ" is 3 bytes: 100,000 of them are 300,000 bytes. 200,000 ASCII letters are under the limit (a field the
    // schema does not know, dropped once the record is checked).
    const over = { ...field, note: 'ệ'.repeat(100_000) };
    const overCheck = checkChangesPage(page([{ type: 'field', op: 'upsert', id: 'ho-tich', data: over }]));
    expect(refusals(overCheck)).toEqual([expect.stringMatching(/^change 0 \(field\) is 3000\d\d bytes, over 262144$/)]);
    const under = { ...field, note: 'a'.repeat(200_000) };
    expect(refusals(checkChangesPage(page([{ type: 'field', op: 'upsert', id: 'ho-tich', data: under }])))).toEqual([]);
  });

  it('skips a record whose id differs from the change', () => {
    expect(refusals(checkChangesPage(page([{ type: 'field', op: 'upsert', id: 'other', data: field }])))).toEqual([
      'change 0 (field) carries a record with another id',
    ]);
  });

  it('rejects a page that is not a change page', () => {
    expect(checkChangesPage({ changes: [], hasMore: false }).ok).toBe(false);
    expect(checkChangesPage('nope').ok).toBe(false);
  });
});
