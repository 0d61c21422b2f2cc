/** `npm run bench`: every benchmark, one after the other, each printing its figures beside its baseline. */
import { benchScanToPaint } from './scanToPaint';

const benches: [string, () => Promise<string[]>][] = [['Receipt scan to status (issue: walking skeleton)', benchScanToPaint]];

let failed = false;
for (const [title, bench] of benches) {
  console.log(`\n## ${title}`);
  try {
    for (const line of await bench()) console.log(line);
  } catch (error) {
    failed = true;
    console.log(`error: ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.exitCode = failed ? 1 : 0;
