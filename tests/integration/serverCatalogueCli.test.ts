// `npm run central -- --synthetic-catalogue <n> [--seed <s>]` as a process: it serves the generated catalogue.
import { describe, expect, it } from 'vitest';
import { CatalogueChangesPage, cataloguePaths } from '../../shared/api/catalogue';
import { generateCatalogue } from '../../server/catalogueGenerator';
import { enrollWithIssuedCode } from '../support/api';
import { expectArgumentRefused, runCentralCli } from '../support/centralCli';

const ADMIN_TOKEN = 'cli-catalogue-admin-token-0123';
/** The server on a free port with an admin token, plus `args`. */
const runCentral = (args: string[]) => runCentralCli(['--port', '0', '--admin-token', ADMIN_TOKEN, ...args]);

describe('npm run central -- --synthetic-catalogue', () => {
  it('serves the synthetic catalogue of that size and seed instead of the sample', async () => {
    const url = await runCentral(['--synthetic-catalogue', '150', '--seed', '11']).listening;
const token = await enrollWithIssuedCode(url, ADMIN_TOKEN, 'cli-catalogue-kiosk');
    const response = await fetch(`${url}${cataloguePaths.changes}?limit=500`, { headers: { authorization: `Bearer ${token}` } });
    const page = CatalogueChangesPage.parse(await response.json());
    const served = page.changes.filter(({ type }) => type === 'procedure').map(({ id }) => id);
    expect(served).toEqual(generateCatalogue({ procedures: 150, seed: 11 }).procedures.map(({ id }) => id));
  });

  it.each([
    ['a seed without a size', ['--seed', '3'], '--seed needs --synthetic-catalogue'],
    ['a size that is not a number', ['--synthetic-catalogue', 'many'], '--synthetic-catalogue must be'],
    ['a size over the maximum', ['--synthetic-catalogue', '9000001'], '--synthetic-catalogue must be'],
    ['a seed that is not a number', ['--synthetic-catalogue', '10', '--seed', 'x'], '--seed must be'],
  ])('refuses %s with one line on stderr and exit status 2', async (_case, args, reason) => {
    await expectArgumentRefused(runCentral(args), reason);
  });
});
