/**
 * Reading the catalogue cache: search, facets and a procedure's detail.
 *
 * Search ranks by relevance. The query is rewritten into concepts (shared/text/queryRewrite.ts: the dictionary's
 * everyday names, Telex, words typed together, regional spellings, typos, the word being typed), FTS5 finds the
 * candidates (the titles index for names and everyday names, the whole index for documents, agency and the rest),
 * and each candidate is scored here:
 * - each concept weighs by how rare its words are in the catalogue's names (an inverse document frequency), a
 *   filler a tenth of that; a concept no procedure has weighs nothing;
 * - a concept counts as far as it matches, by its best spelling: in the name 1 (0.85 if a phrase's words are not
 *   together), in the everyday names 0.9, in the documents, agency or field 0.3, times the spelling's quality;
 * - the score is the weighted share of the query covered (partial matches rank by how much they cover, never all or
 *   nothing), plus a little for how much of the name the query covers, so the plain procedure ("Đăng ký khai sinh")
 *   comes before its variants ("… lưu động", "… có yếu tố nước ngoài") unless the query names the variant.
 * Candidates covering much less of the query than the best one are left out of the results.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { Agency, EverydayName, Field, Level, Location, Procedure } from '../../../shared/api/catalogue';
import type { CatalogueFacets, CatalogueFilters, ProcedureDetail, ProcedureSummary } from '../../../shared/contract/kiosk';
import { buildDictionary, type Dictionary } from '../../../shared/text/dictionary';
import { searchKey } from '../../../shared/text/fold';
import { ftsString, procedureCodeOf } from '../../../shared/text/query';
import { type Concept, createTypoIndex, planQuery, QUALITY, type Vocabulary } from '../../../shared/text/queryRewrite';

export const PORTAL_PROCEDURE_URL = 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=';

/** How much a concept counts where it matches: the name, the everyday names, anywhere else. */
const FIELD_WEIGHT = { name: 1, nameScattered: 0.55, keywords: 0.9, elsewhere: 0.3 } as const;
/** A filler's weight against a word's of the same rarity. */
const FILLER_WEIGHT = 0.03;
/** Weight of how much of the name the query covers (its words weighted by rarity), against the query's coverage (1). */
const NAME_COVERAGE_WEIGHT = 0.12;
/** Weight of the share of neighbouring query words found side by side in the name, as typed. */
const ADJACENCY_WEIGHT = 0.1;
/** Results cover at least this share of what the best result covers. */
const MIN_RELATIVE_COVERAGE = 0.5;
/** A word is too common to find candidates by (it is still scored) when more than this share of names have it. */
const COMMON_WORD_SHARE = 0.2;
/** Concepts, the rarest first, whose words find the candidates: at most this many, weighing this share of the rarest. */
const ANCHOR_CONCEPTS = 3;
const ANCHOR_WEIGHT_SHARE = 0.6;
/** The two rarest concepts find candidates however their weights compare: the rarest may be a slip ("sẽ" for "xe"). */
const MIN_ANCHOR_CONCEPTS = 2;
/** Candidates scored at most. */
const MAX_CANDIDATES = 800;
/** Candidates read from the whole index per concept the names do not cover. */
const MAX_ELSEWHERE_CANDIDATES = 400;
/**
 * A word being typed is matched as the index's words it begins when there are at most this many (two letters of a
 * Vietnamese syllable begin a dozen or so).
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

/** What the ranking knows of a procedure without reading its record. */
interface RankingEntry {
  rowid: number;
  /** Words of the name, without the "Thủ tục" many official names start with. */
  nameWords: string[];
  name: Set<string>;
  /**
   * Each name word's share in how much of the name a query covers, over all its places in the name, and their sum:
   * words most names have (đăng ký, cấp, giấy) count half, as left unmatched they hardly make a variant.
   */
  wordWeights: Map<string, number>;
  nameWeight: number;
  keywords: Set<string>;
  levels: Level[];
  field: string;
  agencyId: string;
  online: boolean;
}

/** Everything the ranking reads once per sync: entries, word frequencies in names, the dictionary. */
interface RankingData {
  entries: Map<number, RankingEntry>;
  titleFrequency: Map<string, number>;
  /** Words of names and everyday names, the most frequent first, by their deletions (the typo fallback). */
  typos: ReturnType<typeof createTypoIndex>;
  /** Neighbouring words of names, as "first second". */
  pairs: Set<string>;
  dictionary: Dictionary;
  version: number;
}

const withoutThuTuc = (words: string[]): string[] => (words[0] === 'thu' && words[1] === 'tuc' ? words.slice(2) : words);

/** Where `terms` first appear in `words` one after another, or -1. Plain loops: it runs for every candidate. */
function positionOf(words: readonly string[], terms: readonly string[]): number {
  const first = terms[0];
  for (let start = 0; start + terms.length <= words.length; start++) {
    if (words[start] !== first) continue;
    let offset = 1;
    while (offset < terms.length && words[start + offset] === terms[offset]) offset++;
    if (offset === terms.length) return start;
  }
  return -1;
}

function hasAll(words: ReadonlySet<string>, terms: readonly string[]): boolean {
  for (const term of terms) if (!words.has(term)) return false;
  return true;
}

/** Every term in one set or the other: an everyday name's words, completed by the name's. */
function hasAllIn(words: ReadonlySet<string>, orWords: ReadonlySet<string>, terms: readonly string[]): boolean {
  for (const term of terms) if (!words.has(term) && !orWords.has(term)) return false;
  return true;
}

export function createCatalogueSearch(db: Database) {
  let ranking: RankingData | null = null;
  let names: { agency: Map<string, string>; field: Map<string, string>; version: number } | null = null;
  // Bumped by the writer after each applied sync, so the cached ranking data and names are never stale.
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

  /** The ranking's data, read again after each sync: about 10 ms for 10,000 procedures. */
  function rankingData(): RankingData {
    if (ranking?.version !== dataVersion) {
      const rows = db
        .prepare<[], { rowid: number; nameKey: string; keywordsKey: string; levels: string; field: string; agencyId: string; online: number }>(
          'SELECT rowid, name_key AS nameKey, keywords_key AS keywordsKey, levels, field, agency_id AS agencyId, online FROM procedures',
        )
        .all();
      const entries = new Map<number, RankingEntry>();
      const titleFrequency = new Map<string, number>();
      const pairs = new Set<string>();
      for (const row of rows) {
        const nameWords = withoutThuTuc(row.nameKey.split(' ').filter(Boolean));
        const entry: RankingEntry = {
          rowid: row.rowid,
          nameWords,
          name: new Set(nameWords),
          wordWeights: new Map(),
          nameWeight: 0,
          keywords: new Set(row.keywordsKey.split(' ').filter(Boolean)),
          levels: JSON.parse(row.levels) as Level[],
          field: row.field,
          agencyId: row.agencyId,
          online: row.online === 1,
        };
        entries.set(row.rowid, entry);
        for (let index = 1; index < nameWords.length; index++) pairs.add(`${nameWords[index - 1]} ${nameWords[index]}`);
        for (const term of new Set([...entry.name, ...entry.keywords])) titleFrequency.set(term, (titleFrequency.get(term) ?? 0) + 1);
      }
      const titleTerms = [...titleFrequency.keys()].filter((term) => !/\d/.test(term)).sort((a, b) => (titleFrequency.get(b) ?? 0) - (titleFrequency.get(a) ?? 0));
      const province = db
        .prepare<[], string>("SELECT data FROM records WHERE type = 'everydayName' ORDER BY id")
        .pluck()
        .all()
        .map((data) => JSON.parse(data) as EverydayName);
      const total = Math.max(1, entries.size);
      for (const entry of entries.values()) {
        for (const word of entry.nameWords) {
          const weight = (titleFrequency.get(word) ?? 0) > total * COMMON_WORD_SHARE ? 0.5 : 1;
          entry.wordWeights.set(word, (entry.wordWeights.get(word) ?? 0) + weight);
          entry.nameWeight += weight;
        }
      }
      ranking = {
        entries,
        titleFrequency,
        typos: createTypoIndex(titleTerms),
        pairs,
        dictionary: buildDictionary(province),
        version: dataVersion,
      };
    }
    return ranking;
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
  const knownTerm = db.prepare<[string], number>('SELECT 1 FROM search_terms WHERE term = ?').pluck();

  function vocabulary(data: RankingData): Vocabulary {
    return {
      has: (word) => data.titleFrequency.has(word) || knownTerm.get(word) !== undefined,
      titleFrequency: (word) => data.titleFrequency.get(word) ?? 0,
      near: (word, max) => data.typos.near(word, max),
      pair: (first, second) => data.pairs.has(`${first} ${second}`),
      completions(prefix) {
        if (prefix.length < 2) return null;
        const words = completionsStatement.all(prefix, `${prefix}\u{10FFFF}`, MAX_COMPLETIONS + 1);
        return words.length > 0 && words.length <= MAX_COMPLETIONS ? words : null;
      },
    };
  }

  // Past MAX_CANDIDATES the shortest names are kept (rowids are in name-length order, migration 002): a rare cut-off,
  // on huge catalogues, that ranking every match by bm25 first would make several times slower.
  const titlesMatch = db.prepare<[string, number], number>('SELECT rowid FROM procedure_titles WHERE procedure_titles MATCH ? LIMIT ?').pluck();
  const anywhereMatch = db.prepare<[string, number], number>('SELECT rowid FROM procedure_fts WHERE procedure_fts MATCH ? LIMIT ?').pluck();
  const summaryByRowid = db.prepare<[number], StoredSummary>(`SELECT ${SUMMARY_COLUMNS} FROM procedures p WHERE p.rowid = ?`);

  /** An alternative as an FTS5 query: its words together in any column. */
  const alternativeMatch = (terms: readonly string[]) => (terms.length === 1 ? ftsString(terms[0] as string) : `(${terms.map(ftsString).join(' AND ')})`);

  function passesFilters(entry: RankingEntry, filters: CatalogueFilters): boolean {
    return (
      (!filters.level || entry.levels.includes(filters.level)) &&
      (!filters.field || entry.field === filters.field) &&
      (!filters.agency || entry.agencyId === filters.agency) &&
      (!filters.online || entry.online)
    );
  }

  /** The ranked procedures for the query's concepts, best first, under the filters. */
  function rank(concepts: readonly Concept[], data: RankingData, filters: CatalogueFilters): { rowid: number; score: number }[] {
    const total = Math.max(1, data.entries.size);
    const frequency = (terms: readonly string[]) => Math.min(...terms.map((term) => data.titleFrequency.get(term) ?? 0));
    // A concept weighs as rare as what it stands for: a phrase of the dictionary as its rarest meaning, a word as
    // typed when names have it, else as its rarest respelling; one known only elsewhere (documents) as a rare word.
    const weights = concepts.map((concept) => {
      let best = 0;
      const meanings = concept.alternatives.filter((alternative) => !alternative.together);
      const typed = concept.alternatives[0];
      const weighed =
        meanings.length > 0 && meanings.some(({ terms }) => frequency(terms) > 0)
          ? meanings
          : typed && frequency(typed.terms) > 0
            ? [typed]
            : concept.alternatives;
      for (const { terms } of weighed) {
        const inNames = frequency(terms);
        const count = inNames > 0 ? inNames : terms.every((term) => data.titleFrequency.has(term) || knownTerm.get(term) !== undefined) ? total * 0.05 : 0;
        if (count > 0) best = Math.max(best, Math.log(1 + total / count));
      }
      return concept.filler ? best * FILLER_WEIGHT : best;
    });
    const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
    if (weightSum === 0) return [];

    // Candidates by the names: each spelling of the rarest concepts by its rarest word, leaving out words most names
    // have unless nothing else is left. A procedure without any of the rarest concepts covers too little to matter.
    const anchorConcepts = concepts
      .map((concept, index) => ({ concept, weight: weights[index] as number }))
      .filter(({ concept, weight }) => !concept.filler && weight > 0)
      .sort((a, b) => b.weight - a.weight)
      .filter(({ weight }, index, sorted) => index < MIN_ANCHOR_CONCEPTS || weight >= (sorted[0]?.weight ?? 0) * ANCHOR_WEIGHT_SHARE)
      .slice(0, ANCHOR_CONCEPTS);
    const anchors = new Set<string>();
    const commonAnchors = new Set<string>();
    for (const { concept } of anchorConcepts) {
      // As typed and as the dictionary means it; respellings and completions only of a word no name has as typed
      // (they still score where the candidates have them).
      const typedInNames = frequency(concept.alternatives[0]?.terms ?? []) > 0;
      for (const { terms, quality, together } of concept.alternatives) {
        const respelt = together && terms !== concept.alternatives[0]?.terms;
        if ((respelt && typedInNames) || quality < QUALITY.typo) continue;
        const rarest = [...terms].sort((a, b) => (data.titleFrequency.get(a) ?? 0) - (data.titleFrequency.get(b) ?? 0))[0] as string;
        const count = data.titleFrequency.get(rarest) ?? 0;
        if (count === 0) continue;
        (count > total * COMMON_WORD_SHARE ? commonAnchors : anchors).add(rarest);
      }
    }
    const chosen = anchors.size > 0 ? anchors : commonAnchors;
    const candidates = new Set<number>(chosen.size > 0 ? titlesMatch.all([...chosen].map(ftsString).join(' OR '), MAX_CANDIDATES) : []);

    // Concepts the names do not have are looked for anywhere (documents, agency, field, result).
    const elsewhere = concepts.map((concept, index) => {
      if (concept.filler || weights[index] === 0) return null;
      const inNames = concept.alternatives.some(({ terms }) => frequency(terms) > 0);
      if (inNames && candidates.size > 0) return null;
      const found = new Map<number, number>();
      for (const alternative of concept.alternatives) {
        for (const rowid of anywhereMatch.all(alternativeMatch(alternative.terms), MAX_ELSEWHERE_CANDIDATES)) {
          found.set(rowid, Math.max(found.get(rowid) ?? 0, alternative.quality));
          candidates.add(rowid);
        }
      }
      return found;
    });

    const scored: { rowid: number; score: number; coverage: number }[] = [];
    // Where in the name each concept matched (its spelling's first and last word), for the side-by-side bonus.
    const firstAt = new Int32Array(concepts.length);
    const lastAt = new Int32Array(concepts.length);
    const nameTermsMatched = new Set<string>();
    for (const rowid of candidates) {
      const entry = data.entries.get(rowid);
      if (!entry || !passesFilters(entry, filters)) continue;
      let covered = 0;
      nameTermsMatched.clear();
      for (let index = 0; index < concepts.length; index++) {
        firstAt[index] = -1;
        const weight = weights[index] as number;
        if (weight === 0) continue;
        const concept = concepts[index] as Concept;
        let best = (elsewhere[index]?.get(rowid) ?? 0) * FIELD_WEIGHT.elsewhere;
        for (const { terms, quality, together } of concept.alternatives) {
          // Alternatives come best first: none after this one can do better.
          if (quality <= best) break;
          if (hasAll(entry.name, terms)) {
            const at = positionOf(entry.nameWords, terms);
            const value = (at >= 0 || !together ? FIELD_WEIGHT.name : FIELD_WEIGHT.nameScattered) * quality;
            if (value > best) {
              best = value;
              firstAt[index] = at;
              lastAt[index] = at + terms.length - 1;
            }
            if (!concept.filler) for (const term of terms) nameTermsMatched.add(term);
          } else if (quality * FIELD_WEIGHT.keywords > best && hasAllIn(entry.keywords, entry.name, terms)) {
            best = FIELD_WEIGHT.keywords * quality;
          }
        }
        covered += weight * best;
      }
      const coverage = covered / weightSum;
      if (coverage === 0) continue;
      let nameMatched = 0;
      for (const term of nameTermsMatched) nameMatched += entry.wordWeights.get(term) ?? 0;
      let adjacent = 0;
      for (let index = 1; index < concepts.length; index++) {
        if (firstAt[index - 1] as number >= 0 && firstAt[index] as number >= 0 && firstAt[index] === (lastAt[index - 1] as number) + 1) adjacent++;
      }
      const nameCovered = entry.nameWeight === 0 ? 0 : nameMatched / entry.nameWeight;
      const sideBySide = concepts.length > 1 ? adjacent / (concepts.length - 1) : 0;
      scored.push({ rowid, coverage, score: coverage + NAME_COVERAGE_WEIGHT * nameCovered + ADJACENCY_WEIGHT * sideBySide });
    }
    const bestCoverage = Math.max(0, ...scored.map((candidate) => candidate.coverage));
    return scored
      .filter((candidate) => candidate.coverage >= bestCoverage * MIN_RELATIVE_COVERAGE)
      .sort(
        (a, b) =>
          b.score - a.score ||
          (data.entries.get(a.rowid)?.nameWords.length ?? 0) - (data.entries.get(b.rowid)?.nameWords.length ?? 0) ||
          a.rowid - b.rowid,
      );
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
    const code = procedureCodeOf(input.query);
    // The code and its case suffixes (1.001193.01), as a range on the code index: "." then "/" in byte order.
    if (code !== null) return listPage("(p.code = @code OR p.code BETWEEN @code || '.' AND @code || '/')", { code }, input);
    if (searchKey(input.query) === '') return listPage('1', {}, input);
    const data = rankingData();
    const concepts = planQuery(input.query, data.dictionary, vocabulary(data), !/\s$/u.test(input.query));
    const ranked = rank(concepts, data, input.filters);
    const items = ranked.slice(input.offset, input.offset + input.limit).flatMap(({ rowid, score }) => {
      const stored = summaryByRowid.get(rowid);
      return stored ? [{ ...summary(stored), score }] : [];
    });
    return { items, total: ranked.length };
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
