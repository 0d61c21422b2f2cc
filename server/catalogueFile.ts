/**
 * A catalogue file of the shape shared/fixtures/catalogue-national.json has (a province's or the nation's
 * procedures with their agencies and fields), read into the records the server publishes: every record checked on
 * its own by the shared schemas and limits, the same check a kiosk applies (shared/catalogue/syncPlan.ts), and a
 * refused record reported with its reason while the rest are kept. The file's own conventions are mapped first:
 * a single `level` where `levels` is missing, and `subjects` as one comma-separated text.
 */
import { z } from 'zod';
import { type Agency, CatalogueFile, type CatalogueRecordType, type EverydayName, type Field, type Location, type Procedure } from '../shared/api/catalogue';
import { recordProblem } from '../shared/catalogue/syncPlan';

export interface Catalogue {
  agencies: Agency[];
  fields: Field[];
  procedures: Procedure[];
  locations: Location[];
  /** The province's everyday names (shared/text/dictionary.ts holds the ones every kiosk ships with). */
  everydayNames: EverydayName[];
}

/** A record of the file that is not published: which, and why. */
export interface RefusedFileRecord {
  type: CatalogueRecordType;
  id: string;
  reason: string;
}

export interface CatalogueFileImport {
  catalogue: Catalogue;
  refused: RefusedFileRecord[];
}

/** "Tổ chức (không bao gồm doanh nghiệp, HTX), Công dân Việt Nam" → the two subjects: commas inside brackets stay. */
export function splitSubjects(text: string): string[] {
  const subjects: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    if ((char === ',' || char === ';') && depth === 0) {
      subjects.push(current);
      current = '';
    } else current += char;
  }
  subjects.push(current);
  return subjects.map((subject) => subject.trim()).filter((subject) => subject !== '');
}

/** A procedure of the file in the schema's terms, or the record as it is when it is not an object. */
function procedureOfFile(record: unknown): unknown {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return record;
  const { level, levels, subjects, ...rest } = record as Record<string, unknown>;
  return {
    ...rest,
    levels: levels ?? (typeof level === 'string' ? [level] : undefined),
    ...(subjects !== undefined && subjects !== null && { subjects: typeof subjects === 'string' ? splitSubjects(subjects) : subjects }),
  };
}

const idOf = (record: unknown): string => {
  const id = typeof record === 'object' && record !== null ? (record as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? id.slice(0, 80) : '(no id)';
};

/**
 * Reads the file's records: those the schemas accept, in the file's order, and the refused ones with their reasons.
 * A procedure must name an agency and a field of the file, or ones `alreadyHeld` (by the server it is imported
 * into). Throws when the file is not a catalogue at all (no procedures list), with what is wrong.
 */
export function importCatalogueFile(
  file: unknown,
  alreadyHeld: (type: 'agency' | 'field', id: string) => boolean = () => false,
): CatalogueFileImport {
  const outline = CatalogueFile.safeParse(file);
  if (!outline.success) throw new Error(`not a catalogue file: ${z.prettifyError(outline.error)}`);
  const refused: RefusedFileRecord[] = [];

  function accepted<T>(type: CatalogueRecordType, list: readonly unknown[], map: (record: unknown) => unknown = (record) => record): T[] {
    const seen = new Set<string>();
    const kept: T[] = [];
    for (const raw of list) {
      const id = idOf(raw);
      const checked = recordProblem(type, id, map(raw));
      if ('problem' in checked) refused.push({ type, id, reason: checked.problem });
      else if (seen.has(id)) refused.push({ type, id, reason: 'repeats an id given earlier in the file' });
      else {
        seen.add(id);
        kept.push(checked.record.data as T);
      }
    }
    return kept;
  }

  const agencies = accepted<Agency>('agency', outline.data.agencies);
  const fields = accepted<Field>('field', outline.data.fields);
  const agencyIds = new Set(agencies.map((agency) => agency.id));
  const fieldIds = new Set(fields.map((field) => field.id));
  // A procedure under an agency or a field kiosks never receive would show without them.
  const procedures = accepted<Procedure>('procedure', outline.data.procedures, procedureOfFile).filter((procedure) => {
    const missing = [
      ...(agencyIds.has(procedure.agencyId) || alreadyHeld('agency', procedure.agencyId) ? [] : [`agency ${procedure.agencyId}`]),
      ...(fieldIds.has(procedure.field) || alreadyHeld('field', procedure.field) ? [] : [`field ${procedure.field}`]),
    ];
    if (missing.length > 0) refused.push({ type: 'procedure', id: procedure.id, reason: `names ${missing.join(' and ')}, which the catalogue does not hold` });
    return missing.length === 0;
  });
  return {
    catalogue: {
      agencies,
      fields,
      procedures,
      locations: accepted<Location>('location', outline.data.locations),
      everydayNames: accepted<EverydayName>('everydayName', outline.data.everydayNames),
    },
    refused,
  };
}

/** What was published and what was refused, one line per refused record, for a technician or an administrator. */
export function describeImport({ catalogue, refused }: CatalogueFileImport, source: string): string {
  const counts = `${catalogue.procedures.length} procedures, ${catalogue.agencies.length} agencies, ${catalogue.fields.length} fields, ${catalogue.locations.length} locations, ${catalogue.everydayNames.length} everyday names`;
  const lines = [`catalogue ${source}: ${counts} accepted; ${refused.length} records refused${refused.length > 0 ? ':' : ''}`];
  for (const record of refused) lines.push(`  refused ${record.type} ${record.id}: ${record.reason}`);
  return lines.join('\n');
}
