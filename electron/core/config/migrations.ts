/**
 * Config migrations, one pure function per version: `configMigrations[n]` turns a version n-1 document into a
 * version n document. Version 0 is what kiosks had before the config file: `enrollment.json`
 * ({ centralUrl, kioskId, token }, electron/core/enrollment.ts), so an enrolled kiosk upgrades without re-enrolling.
 * A migration never validates: the loader checks the result against the current schema.
 */
import { defaultKioskSettings, type KioskConfigFileV1 } from './kioskConfig';

type Document = Record<string, unknown>;

export const configMigrations: Readonly<Record<number, (document: Document) => Document>> = {
  1: (enrollment): Omit<KioskConfigFileV1, 'centralUrl' | 'kioskId' | 'token'> & Document => ({
    ...defaultKioskSettings,
    version: 1,
    centralUrl: enrollment.centralUrl,
    kioskId: enrollment.kioskId,
    // enrollment.json kept the token in clear; the loader re-seals it with the host's box when it saves.
    token: { box: 'plain', data: enrollment.token },
    technicianPinHash: null,
  }),
};

export type MigrationOutcome = { ok: true; document: Document; from: number } | { ok: false; reason: string };

/** Applies every migration after the document's version (a document without one is version 0). */
export function migrateConfigDocument(document: unknown, latest: number): MigrationOutcome {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return { ok: false, reason: 'not a JSON object' };
  const version = (document as Document).version ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return { ok: false, reason: 'version is not a whole number' };
  if (version > latest) return { ok: false, reason: `version ${version} is newer than this app (${latest})` };
  let current = document as Document;
  for (let next = version + 1; next <= latest; next += 1) {
    const migrate = configMigrations[next];
    if (!migrate) return { ok: false, reason: `no migration to version ${next}` };
    current = migrate(current);
  }
  return { ok: true, document: current, from: version };
}
