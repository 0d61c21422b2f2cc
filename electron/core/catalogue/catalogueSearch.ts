/**
 * Reading the catalogue cache: search, facets and a procedure's detail. Search ranks with FTS5's bm25, name before
 * keywords before agency before documents; when all words together find nothing, misspelt words are replaced by
 * the index's words within a small edit distance, and failing that any word may match.
 */
import type { Database } from 'better-sqlite3';
import type { Agency, Field, Location, Procedure } from '../../../shared/api/catalogue';
import type { CatalogueFacets, CatalogueFilters, ProcedureDetail, ProcedureSummary } from '../../../shared/contract/kiosk';
import { editDistance } from '../../../shared/text/editDistance';
import { ftsMatchAll, ftsMatchAlternatives, ftsString, parseQuery } from '../../../shared/text/query';

export const PORTAL_PROCEDURE_URL = 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=';

/** bm25 column weights, in procedure_fts column order: name, code, documents, agency, keywords. */
const BM25 = 'bm25(procedure_fts, 10.0, 5.0, 1.0, 2.0, 6.0)';
/** Spellings within this many edits count as the same word: one for short words, two for long ones. */
const typoBudget = (word: string): number => (word.length < 4 ? 0 : word.length < 7 ? 1 : 2);
/** Alternatives per misspelt word, closest first: enough for a typo, few enough to keep the query quick. */
const MAX_ALTERNATIVES = 8;

export type RankedProcedure = ProcedureSummary & { score: number };

export interface SearchInput {
  query: string;
  filters: CatalogueFilters;
  limit: number;
  offset: number;
}

const SUMMARY_COLUMNS = `p.id, p.code, p.name, p.level, p.field, p.agency_id AS agencyId, p.online_level AS onlineLevel,
  coalesce(json_extract(a.data, '$.name'), '') AS agencyName, coalesce(json_extract(f.data, '$.name'), '') AS fieldName`;
const SUMMARY_JOINS = `LEFT JOIN records a ON a.type = 'agency' AND a.id = p.agency_id
  LEFT JOIN records f ON f.type = 'field' AND f.id = p.field`;

function filterSql(filters: CatalogueFilters): { sql: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const clauses = [filters.online ? 'p.online = 1' : ''];
  for (const [name, column] of [['level', 'level'], ['field', 'field'], ['agency', 'agency_id']] as const) {
    const value = filters[name];
    if (!value) continue;
    params[name] = value;
    clauses.push(`p.${column} = @${name}`);
  }
  return { sql: clauses.filter(Boolean).map((clause) => ` AND ${clause}`).join(''), params };
}

export function createCatalogueSearch(db: Database) {
  let vocabulary: { terms: string[]; known: Set<string>; version: number } | null = null;
  // Bumped by the writer after each applied sync, so the cached vocabulary is never stale.
  let dataVersion = 0;

  function indexVocabulary(): NonNullable<typeof vocabulary> {
    if (vocabulary?.version !== dataVersion) {
      const terms = db.prepare<[], string>('SELECT term FROM procedure_terms').pluck().all();
      vocabulary = { terms, known: new Set(terms), version: dataVersion };
    }
    return vocabulary;
  }

  /** The word and, when the index does not know it, the index's words it could be a misspelling of. */
  function closeTerms(word: string): string[] {
    const budget = typoBudget(word);
    const { terms, known } = indexVocabulary();
    if (budget === 0 || known.has(word)) return [word];
    const scored: { term: string; distance: number }[] = [];
    for (const term of terms) {
      const distance = editDistance(word, term, budget);
      if (distance <= budget) scored.push({ term, distance });
    }
    scored.sort((a, b) => a.distance - b.distance);
    return [word, ...scored.slice(0, MAX_ALTERNATIVES).map((entry) => entry.term).filter((term) => term !== word)];
  }

  const summaryByRowid = db.prepare<[number], ProcedureSummary>(`SELECT ${SUMMARY_COLUMNS} FROM procedures p ${SUMMARY_JOINS} WHERE p.rowid = ?`);

  /** Ranks on the full-text index alone, then reads the summaries of the one page shown. */
  function ftsPage(match: string, input: SearchInput): { items: RankedProcedure[]; total: number } {
    const filter = filterSql(input.filters);
    const filtered = filter.sql ? ` AND procedure_fts.rowid IN (SELECT p.rowid FROM procedures p WHERE 1${filter.sql})` : '';
    const where = `FROM procedure_fts WHERE procedure_fts MATCH @match${filtered}`;
    const params = { ...filter.params, match };
    const total = db.prepare<typeof params, { total: number }>(`SELECT count(*) AS total ${where}`).get(params)?.total ?? 0;
    if (total === 0) return { items: [], total };
    const hits = db
      .prepare<typeof params & { limit: number; offset: number }, { rowid: number; score: number }>(
        `SELECT rowid, -${BM25} AS score ${where} ORDER BY ${BM25} LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: input.limit, offset: input.offset });
    const items = hits.flatMap(({ rowid, score }) => {
      const summary = summaryByRowid.get(rowid);
      return summary ? [{ ...summary, score }] : [];
    });
    return { items, total };
  }

  function listPage(where: string, extra: Record<string, string>, input: SearchInput): { items: RankedProcedure[]; total: number } {
    const filter = filterSql(input.filters);
    const params = { ...filter.params, ...extra, limit: input.limit, offset: input.offset };
    const from = `FROM procedures p ${SUMMARY_JOINS} WHERE ${where}${filter.sql}`;
    const total = db.prepare<typeof params, { total: number }>(`SELECT count(*) AS total ${from}`).get(params)?.total ?? 0;
    const items = db
      .prepare<typeof params, RankedProcedure>(`SELECT ${SUMMARY_COLUMNS}, 0 AS score ${from} ORDER BY p.code LIMIT @limit OFFSET @offset`)
      .all(params);
    return { items, total };
  }

  function search(input: SearchInput): { items: RankedProcedure[]; total: number } {
    const parsed = parseQuery(input.query);
    if (parsed.code !== null) return listPage("(p.code = @code OR p.code LIKE @code || '.%')", { code: parsed.code }, input);
    if (parsed.words.length === 0) return listPage('1', {}, input);
    const exact = ftsPage(ftsMatchAll(parsed.words, parsed.prefixLast), input);
    if (exact.total > 0) return exact;
    const corrected = ftsPage(ftsMatchAlternatives(parsed.words.map(closeTerms)), input);
    if (corrected.total > 0 || parsed.words.length === 1) return corrected;
    return ftsPage(parsed.words.flatMap(closeTerms).map(ftsString).join(' OR '), input);
  }

  function facets(filters: CatalogueFilters): CatalogueFacets {
    const filter = filterSql(filters);
    const grouped = (column: string, type: 'agency' | 'field') =>
      db
        .prepare<Record<string, string>, { id: string; name: string; count: number }>(
          `SELECT p.${column} AS id, coalesce(json_extract(r.data, '$.name'), p.${column}) AS name, count(*) AS count
           FROM procedures p LEFT JOIN records r ON r.type = '${type}' AND r.id = p.${column}
           WHERE 1${filter.sql} GROUP BY p.${column} ORDER BY name`,
        )
        .all(filter.params);
    const levels = db
      .prepare<Record<string, string>, { level: CatalogueFacets['levels'][number]['level']; count: number }>(
        `SELECT p.level AS level, count(*) AS count FROM procedures p WHERE 1${filter.sql} GROUP BY p.level ORDER BY p.level`,
      )
      .all(filter.params);
    return { levels, fields: grouped('field', 'field'), agencies: grouped('agency_id', 'agency') };
  }

  const recordStatement = db.prepare<[string, string], { data: string }>('SELECT data FROM records WHERE type = ? AND id = ?');
  const record = <T>(type: string, id: string): T | null => {
    const row = recordStatement.get(type, id);
    return row ? (JSON.parse(row.data) as T) : null;
  };

  function procedure(id: string): ProcedureDetail | null {
    const found = record<Procedure>('procedure', id);
    if (!found) return null;
    const locations = db
      .prepare<[], { data: string }>("SELECT data FROM records WHERE type = 'location' ORDER BY id")
      .all()
      .map((row) => JSON.parse(row.data) as Location);
    return {
      ...found,
      agency: record<Agency>('agency', found.agencyId),
      fieldInfo: record<Field>('field', found.field),
      portalUrl: PORTAL_PROCEDURE_URL + encodeURIComponent(found.code),
      locations,
    };
  }

  return {
    search,
    facets,
    procedure,
    /** Called after the catalogue changed. */
    invalidate: () => void dataVersion++,
  };
}

export type CatalogueSearch = ReturnType<typeof createCatalogueSearch>;
