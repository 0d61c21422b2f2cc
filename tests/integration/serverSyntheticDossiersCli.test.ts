// `npm run central -- --synthetic-dossiers <n> [--seed <s>]` as a process: it seeds n dossiers, says how far it got,
// then serves them (the on-time board counts them).
import { describe, expect, it } from 'vitest';
import { feedbackPaths, OnTimeBoard } from '../../shared/api/feedback';
import { enrollWithIssuedCode } from '../support/api';
import { expectArgumentRefused, runCentralCli } from '../support/centralCli';

const ADMIN_TOKEN = 'cli-synthetic-admin-token-0123';
const runCentral = (args: string[]) => runCentralCli(['--port', '0', '--admin-token', ADMIN_TOKEN, ...args]);

describe('npm run central -- --synthetic-dossiers', () => {
  it('seeds the dossiers, prints its progress and rate, and serves them', async () => {
    const central = runCentral(['--synthetic-dossiers', '600', '--seed', '9']);
    const url = await central.listening;
    expect(central.stdout()).toMatch(/^synthetic dossiers: 600\/600 \([\d.]+ s, \d+\/s\)$/m);
    expect(central.stdout()).toMatch(/^synthetic dossiers: 600 and \d+ ratings stored in [\d.]+ s$/m);
const token = await enrollWithIssuedCode(url, ADMIN_TOKEN, 'cli-synthetic-kiosk');
    const board = OnTimeBoard.parse(await (await fetch(`${url}${feedbackPaths.onTime}?period=year`, { headers: { authorization: `Bearer ${token}` } })).json());
    const received = board.agencies.reduce((sum, agency) => sum + agency.received, 0);
    // The year so far holds most of the past twelve months' receipts, never more than were seeded.
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThanOrEqual(600);
    expect(board.agencies.length).toBeGreaterThan(10);
  });

  it.each([
    ['a count that is not a number', ['--synthetic-dossiers', 'many'], '--synthetic-dossiers must be'],
    ['a count over the maximum', ['--synthetic-dossiers', '10000001'], '--synthetic-dossiers must be'],
    ['a seed without a synthetic set', ['--seed', '3'], '--seed needs --synthetic-catalogue or --synthetic-dossiers'],
  ])('refuses %s with one line on stderr and exit status 2', async (_case, args, reason) => {
    await expectArgumentRefused(runCentral(args), reason);
  });
});
