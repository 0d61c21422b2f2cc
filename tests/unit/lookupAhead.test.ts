import { describe, expect, it, vi } from 'vitest';
import type { DossierView, Result } from '../../shared/contract/kiosk';
import { createLookupAhead } from '../../renderer/state/lookupAhead';

const notFound = (code: string): Result<DossierView> => ({ ok: false, error: { code: 'NOT_FOUND', message: code } });

describe('lookup ahead', () => {
  it('gives the screen the lookup a scan started, without sending another', async () => {
    const lookup = vi.fn(async (code: string) => notFound(code));
    const ahead = createLookupAhead(lookup);

    ahead.start('A');
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(await ahead.take('A')).toEqual(notFound('A'));
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('sends a new lookup for a code nobody started (typed, retried), and for one already taken', async () => {
    const lookup = vi.fn(async (code: string) => notFound(code));
    const ahead = createLookupAhead(lookup);

    expect(await ahead.take('B')).toEqual(notFound('B'));
    ahead.start('A');
    await ahead.take('A');
    await ahead.take('A');
    expect(lookup.mock.calls).toEqual([['B'], ['A'], ['A']]);
  });

  it('does not give a started lookup to a different code', async () => {
    const lookup = vi.fn(async (code: string) => notFound(code));
    const ahead = createLookupAhead(lookup);

    ahead.start('A');
    expect(await ahead.take('B')).toEqual(notFound('B'));
    expect(lookup.mock.calls).toEqual([['A'], ['B']]);
  });
});
