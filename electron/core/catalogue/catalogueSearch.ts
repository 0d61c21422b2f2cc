/**
 * Reading the catalogue cache: search, facets and a procedure's detail. Search ranks in tiers: procedures with all
 * the words in their name, then in their keywords (everyday names), then anywhere (documents, agency); within a
 * tier the shortest name first, which puts a name that is exactly what was typed at the top. Rowids are in that
 * order (catalogueStore.ts), so a page is read straight off the full-text index without ranking every match.
 * When all words together find nothing, misspelt words are replaced by the index's words within a small edit
 * distance, and failing that any word may match.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { Agency, Field, Location, Procedure } from '../../../shared/api/catalogue';
import type { CatalogueFacets, CatalogueFilters, ProcedureDetail, ProcedureSummary } from '../../../shared/contract/kiosk';
import { editDistance } from '../../../shared/text/editDistance';
import { ftsMatchAll, ftsMatchAlternatives, ftsString, parseQuery } from '../../../shared/text/query';
import { nameLengthOfRowid } from './catalogueStore';

export const PORTAL_PROCEDURE_URL = 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=';

/** Scores of the tiers: all words in the name, in the keywords, anywhere; plus 1 / (1 + words in the name). */
const TIER_SCORE = { name: 2, keywords: 1, anywhere: 0 } as const;
/** Spellings within this many edits count as the same word: one for short words, two for long ones. */
const typoBudget = (word: string): number => (word.length < 4 ? 0 : word.length < 7 ? 1 : 2);
/** Alternatives per misspelt word, closest first: enough for a typo, few enough to keep the query quick. */
const MAX_ALTERNATIVES = 8;
/**
 * A word being typed is matched as the index's words it begins when there are at most this many (two letters of a
 * Vietnamese syllable begin a dozen or so); past that it is left to FTS5's prefix query, and one letter to its
 * prefix index.
 */
const MAX_COMPLETIONS = 24;

export type RankedProcedure = ProcedureSummary & { score: number };

export interface SearchInput {
  query: string;
  filters: CatalogueFilters;
  limit: number;
  offset: number;
}

/** A procedure's summary as stored; the names of its agency and field are added from `recordNames`. */
const SUMMARY_COLUMNS = 'p.id, p.code, p.name, p.levels, p.field, p.agency_id AS agencyId, p.online_level AS onlineLevel';
/** `levels` as the JSON text of the procedures table (migration 004). */
type StoredSummary = Omit<ProcedureSummary, 'agencyName' | 'fieldName' | 'levels'> & { levels: string };

function filterSql(filters: CatalogueFilters): { sql: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const clauses = [filters.online ? 'p.online = 1' : ''];
  if (filters.level) {
    params.level = filters.level;
    // Under each of its levels (a procedure done at both provincial and commune level is under both).
    clauses.push('p.rowid IN (SELECT l.rowid FROM procedure_levels l WHERE l.level = @level)');
  }
  for (const [name, column] of [['field', 'field'], ['agency', 'agency_id']] as const) {
    const value = filters[name];
    if (!value) continue;
    params[name] = value;
    clauses.push(`p.${column} = @${name}`);
  }
  return { sql: clauses.filter(Boolean).map((clause) => ` AND ${clause}`).join(''), params };
}

export function createCatalogueSearch(db: Database) {
  let vocabulary: { terms: string[]; known: Set<string>; version: number } | null = null;
  let names: { agency: Map<string, string>; field: Map<string, string>; version: number } | null = null;
  // Bumped by the writer after each applied sync, so the cached vocabulary and names are never stale.
  let dataVersion = 0;

  /** Names of agencies and fields by id: a few dozen, read once per sync rather than once per result. */
  function recordNames(): NonNullable<typeof names> {
    if (names?.version !== dataVersion) {
      const rows = db
        .prepare<[], { type: 'agency' | 'field'; id: string; name: string }>(
          "SELECT type, id, json_extract(data, '$.name') AS name FROM records WHERE type IN ('agency', 'field')",
        )
        .all();
      const byType = (type: string) => new Map(rows.filter((row) => row.type === type).map((row) => [row.id, row.name]));
      names = { agency: byType('agency'), field: byType('field'), version: dataVersion };
    }
    return names;
  }

  function summary(stored: StoredSummary): ProcedureSummary {
    const { agency, field } = recordNames();
    return {
      ...stored,
      levels: JSON.parse(stored.levels) as ProcedureSummary['levels'],
      agencyName: agency.get(stored.agencyId) ?? '',
      fieldName: field.get(stored.field) ?? '',
    };
  }

  /** The index's words that a typo could be of: numbers (parts of codes) are not corrected, a wrong digit is another code. */
  function indexVocabulary(): NonNullable<typeof vocabulary> {
    if (vocabulary?.version !== dataVersion) {
      const terms = db.prepare<[], string>("SELECT term FROM search_terms WHERE term NOT GLOB '*[0-9]*'").pluck().all();
      vocabulary = { terms, known: new Set(terms), version: dataVersion };
    }
    return vocabulary;
  }

  /** The word and, when the index does not know it, the index's words it could be a misspelling of. */
  function closeTerms(word: string): string[] {
    const budget = /\d/.test(word) ? 0 : typoBudget(word);
    if (budget === 0) return [word];
    const { terms, known } = indexVocabulary();
    if (known.has(word)) return [word];
    const scored: { term: string; distance: number }[] = [];
    for (const term of terms) {
      const distance = editDistance(word, term, budget);
      if (distance <= budget) scored.push({ term, distance });
    }
    scored.sort((a, b) => a.distance - b.distance);
    return [word, ...scored.slice(0, MAX_ALTERNATIVES).map((entry) => entry.term).filter((term) => term !== word)];
  }

  type Params = Record<string, string | number>;
  const statements = new Map<string, Statement<[Params]>>();
  /** Statements by their SQL: a query's shape depends only on which filters are set. */
  function prepared<Row>(sql: string): Statement<[Params], Row> {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement as Statement<[Params], Row>;
  }

  // The upper bound of the words beginning with a prefix: every word of the index sorts below prefix + U+10FFFF.
  const completionsStatement = db
    .prepare<[string, string, number], string>('SELECT term FROM search_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?')
    .pluck();
  /** The index's words that begin with a word being typed; null when FTS5's prefix query serves it better. */
  function completions(prefix: string): string[] | null {
    if (prefix.length < 2) return null;
    const words = completionsStatement.all(prefix, `${prefix}\u{10FFFF}`, MAX_COMPLETIONS + 1);
    return words.length > 0 && words.length <= MAX_COMPLETIONS ? words : null;
  }

  /** All the words, the last one while it is being typed as any word of the index it begins. */
  function matchAll(words: readonly string[], prefixLast: boolean): string {
    const last = prefixLast ? completions(words.at(-1) ?? '') : null;
    return last ? ftsMatchAlternatives([...words.slice(0, -1).map((word) => [word]), last]) : ftsMatchAll(words, prefixLast);
  }

  const summaryByRowid = db.prepare<[number], StoredSummary>(`SELECT ${SUMMARY_COLUMNS} FROM procedures p WHERE p.rowid = ?`);

  /**
   * The page of the full-text matches, tier after tier, each in rowid order (shortest name first). The name and
   * keywords tiers are read off the small titles index, the count and the last tier off the whole one. A first page
   * filled by name matches costs a page of the titles index and a count; a page past them sorts all the matches.
   */
  function ftsPage(match: string, input: SearchInput): { items: RankedProcedure[]; total: number } {
    const filter = filterSql(input.filters);
    const where = (index: 'procedure_fts' | 'procedure_titles') =>
      `FROM ${index} WHERE ${index} MATCH @match` +
      (filter.sql ? ` AND ${index}.rowid IN (SELECT p.rowid FROM procedures p WHERE 1${filter.sql})` : '');
    // LIMIT -1 is no limit.
    const rowids = (index: 'procedure_fts' | 'procedure_titles', selected: string, limit = -1, offset = 0) =>
      prepared<number>(`SELECT rowid ${where(index)} ORDER BY rowid LIMIT @limit OFFSET @offset`)
        .pluck()
        .all({ ...filter.params, match: selected, limit, offset });
    const ranked = (rows: readonly number[], tierOf: (rowid: number) => number) =>
      rows.flatMap((rowid) => {
        const stored = summaryByRowid.get(rowid);
        return stored ? [{ ...summary(stored), score: tierOf(rowid) + 1 / (1 + nameLengthOfRowid(rowid)) }] : [];
      });

    const inName = `{name} : (${match})`;
    const pageInName = rowids('procedure_titles', inName, input.limit, input.offset);
    if (pageInName.length === input.limit) {
      const total = prepared<number>(`SELECT count(*) ${where('procedure_fts')}`).pluck().get({ ...filter.params, match }) ?? 0;
      return { items: ranked(pageInName, () => TIER_SCORE.name), total };
    }
    const all = rowids('procedure_fts', match);
    if (all.length === 0) return { items: [], total: 0 };
    const named = input.offset === 0 ? pageInName : rowids('procedure_titles', inName);
    const isNamed = new Set(named);
    const byKeywords = rowids('procedure_titles', `{keywords} : (${match})`).filter((rowid) => !isNamed.has(rowid));
    const isKeyword = new Set(byKeywords);
    const ordered = [...named, ...byKeywords, ...all.filter((rowid) => !isNamed.has(rowid) && !isKeyword.has(rowid))];
    const tierOf = (rowid: number) => (isNamed.has(rowid) ? TIER_SCORE.name : isKeyword.has(rowid) ? TIER_SCORE.keywords : TIER_SCORE.anywhere);
    return { items: ranked(ordered.slice(input.offset, input.offset + input.limit), tierOf), total: all.length };
  }

  function listPage(where: string, extra: Record<string, string>, input: SearchInput): { items: RankedProcedure[]; total: number } {
    const filter = filterSql(input.filters);
    const params = { ...filter.params, ...extra, limit: input.limit, offset: input.offset };
    const from = `FROM procedures p WHERE ${where}${filter.sql}`;
    const total = prepared<number>(`SELECT count(*) ${from}`).pluck().get(params) ?? 0;
    const items = prepared<StoredSummary>(`SELECT ${SUMMARY_COLUMNS} ${from} ORDER BY p.code LIMIT @limit OFFSET @offset`)
      .all(params)
      .map((stored) => ({ ...summary(stored), score: 0 }));
    return { items, total };
  }

  function search(input: SearchInput): { items: RankedProcedure[]; total: number } {
    const parsed = parseQuery(input.query);
    // The code and its case suffixes (1.001193.01), as a range on the code index: "." then "/" in byte order.
    if (parsed.code !== null) return listPage("(p.code = @code OR p.code BETWEEN @code || '.' AND @code || '/')", { code: parsed.code }, input);
    if (parsed.words.length === 0) return listPage('1', {}, input);
    const exact = ftsPage(matchAll(parsed.words, parsed.prefixLast), input);
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
        `SELECT l.level AS level, count(*) AS count FROM procedure_levels l JOIN procedures p ON p.rowid = l.rowid
         WHERE 1${filter.sql} GROUP BY l.level ORDER BY l.level`,
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
