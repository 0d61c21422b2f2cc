/** `npm run -s cli -- decode` as a technician runs it: a real process on real image files. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import bwipjs from 'bwip-js/node';
import { describe, expect, it } from 'vitest';
import { runTypeScript } from '../support/processes';

const projectRoot = resolve(import.meta.dirname, '../..');

function cli(args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [...runTypeScript, 'electron/cli/main.ts', ...args], { cwd: projectRoot }, (error, stdout, stderr) =>
      done({ exitCode: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('cli decode', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hcc-decode-'));
  const code = '000.00.06.H56-260107-0231';

  it('prints one JSON line per file: the text and format read, or why not', async () => {
    const receipt = join(dir, 'receipt.png');
    writeFileSync(receipt, await bwipjs.toBuffer({ bcid: 'code128', text: code, scale: 3, height: 12, paddingwidth: 20, backgroundcolor: 'FFFFFF' }));
    const notImage = join(dir, 'notes.png');
    writeFileSync(notImage, 'not an image');
    const run = await cli(['decode', receipt, notImage, join(dir, 'missing.png'), '--json', '--formats', 'code128,qr']);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      { file: receipt, ok: true, text: code, format: 'code128', ms: expect.any(Number) },
      { file: notImage, ok: false, reason: 'not a PNG or JPEG image' },
      { file: join(dir, 'missing.png'), ok: false, reason: 'no such file' },
    ]);
    expect(run.exitCode).toBe(1);
  });

  it('rejects an unknown format with the usage', async () => {
    const run = await cli(['decode', 'x.png', '--formats', 'code128,aztec']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('unknown format(s) in --formats: aztec');
  });
});
