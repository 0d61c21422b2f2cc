/**
 * The catalogue's technician commands (sync, search, catalogue-info), kept beside the cache they drive; the CLI's
 * command table (electron/cli/cli.ts) parses the options and hands over here.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogueStatus } from '../../../shared/contract/kiosk';
import { createCentralClient } from '../centralClient';
import { createLogger } from '../logger';
import { CATALOGUE_DB_FILE } from './catalogueDb';
import { openCatalogueService, type CatalogueInfo, type SyncOutcome } from './catalogueService';

/** Exit codes for a failed sync, in line with the lookup's: 4 server unreachable, 5 refused, 6 bad reply. */
export const syncExitCodes: Record<Extract<SyncOutcome, { ok: false }>['reason'], number> = {
  unavailable: 4,
  refused: 5,
  rejected_page: 6,
  internal: 1,
};

export class NoCatalogueError extends Error {
  override readonly name = 'NoCatalogueError';
}

const silent = () => createLogger({ level: 'silent' });

export async function syncCatalogue(opts: {
  centralUrl: string;
  token: string | undefined;
  dataDir: string;
  onProgress: (status: CatalogueStatus) => void;
}): Promise<{ outcome: SyncOutcome; info: CatalogueInfo }> {
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const service = openCatalogueService({
    dbPath: join(opts.dataDir, CATALOGUE_DB_FILE),
    client: createCentralClient({ baseUrl: opts.centralUrl, token: opts.token }),
    logger: silent(),
  });
  const stop = service.onStatus(opts.onProgress);
  try {
    const outcome = await service.syncNow();
    return { outcome, info: service.info() };
  } finally {
    stop();
    await service.close();
  }
}

/** Opens an existing cache only: reading commands never create one. */
function openExisting(dataDir: string) {
  const dbPath = join(dataDir, CATALOGUE_DB_FILE);
  if (!existsSync(dbPath)) throw new NoCatalogueError(`no catalogue in ${dataDir} (run sync first)`);
  // Reading needs no server: the client is never called.
  const offline = () => Promise.reject(new Error('offline'));
  return openCatalogueService({ dbPath, client: { getCatalogueChanges: offline, getCatalogueChangesText: offline }, logger: silent() });
}

export async function searchCatalogue(opts: { dataDir: string; query: string; limit: number }) {
  const service = openExisting(opts.dataDir);
  try {
    const { items } = service.search({ query: opts.query, filters: {}, limit: opts.limit, offset: 0 });
    return items.map(({ id, code, name, levels, score }) => ({ id, code, name, levels, score: Math.round(score * 1000) / 1000 }));
  } finally {
    await service.close();
  }
}

export async function catalogueInfo(dataDir: string): Promise<CatalogueInfo> {
  const service = openExisting(dataDir);
  try {
    return service.info();
  } finally {
    await service.close();
  }
}
