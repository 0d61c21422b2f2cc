/** Catalogue handlers for the Electron wiring tests: fixed replies of the contract's shapes, requests recorded. */
import type { InvokeHandlers } from '../../electron/core/dispatch';
import type { CatalogueSearchRequest, CatalogueStatus } from '../../shared/contract/kiosk';

export const fakeCatalogueStatus: CatalogueStatus = {
  lastSyncAt: '2026-11-20T01:00:00.000Z',
  online: true,
  syncing: false,
  progress: null,
  counts: { procedures: 1, agencies: 1, fields: 1, locations: 0 },
};

export function fakeCatalogueHandlers(searches: CatalogueSearchRequest[] = []) {
  return {
    'catalogue:search': async (request) => {
      searches.push(request);
      return { items: [], total: 0 };
    },
    'catalogue:facets': async () => ({ levels: [], fields: [], agencies: [] }),
    'catalogue:procedure': async () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'No procedure with this id in the catalogue' } }),
    'catalogue:status': async () => fakeCatalogueStatus,
    'catalogue:syncNow': async () => fakeCatalogueStatus,
  } satisfies Partial<InvokeHandlers>;
}
