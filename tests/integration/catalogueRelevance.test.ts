/**
 * The relevance table (tests/support/relevanceQueries.ts) on the national catalogue, searched as the kiosk searches
 * its cache: hits at 1 and at 3 per tier are printed, and the issue's bar asserted: every official name in the top
 * three, at least nine in ten with spelling mistakes, at least five in six in citizens' own words.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadNationalCatalogue } from '../../server/catalogueDemo';
import { openCatalogueCache, scoreTier } from '../support/nationalCache';
import { relevanceQueries, type RelevanceTier } from '../support/relevanceQueries';

const cache = openCatalogueCache(loadNationalCatalogue().catalogue);
afterAll(() => cache.close());
const topIds = (query: string) => cache.search.search({ query, filters: {}, limit: 3, offset: 0 }).items.map((item) => item.id);

const bar: Record<RelevanceTier, number> = { official: 1, spelling: 0.9, ownWords: 5 / 6 };

describe('relevance on the national catalogue', () => {
  it.each(Object.keys(bar) as RelevanceTier[])('finds the %s queries in the top three as often as the issue asks', (tier) => {
    const queries = relevanceQueries[tier];
    const { hitsAt1, hitsAt3, missed } = scoreTier(queries, topIds);
    console.log(`relevance ${tier}: hits@1 ${hitsAt1}/${queries.length}, hits@3 ${hitsAt3}/${queries.length}${missed.length > 0 ? `; missed: ${missed.join(' | ')}` : ''}`);
    expect(queries.length).toBeGreaterThanOrEqual(33);
    expect(hitsAt3 / queries.length).toBeGreaterThanOrEqual(bar[tier]);
  });

  it('has at least a hundred queries, each with answers the catalogue holds', () => {
    const all = Object.values(relevanceQueries).flat();
    expect(all.length).toBeGreaterThanOrEqual(100);
    const ids = new Set(loadNationalCatalogue().catalogue.procedures.map((procedure) => procedure.id));
    for (const { query, accept } of all) expect({ query, missing: accept.filter((id) => !ids.has(id)) }).toEqual({ query, missing: [] });
  });
});
