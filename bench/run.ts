/** `npm run bench`: every benchmark, one after the other, each printing its figures beside its baseline. */
import { benchCatalogue } from './catalogue';
import { benchCatalogueFeed } from './catalogueFeed';
import { benchFeedbackOutbox } from './feedbackOutbox';
import { benchScanToPaint } from './scanToPaint';
import { benchTelexTyping } from './telexTyping';

const benches: [string, () => Promise<string[]>][] = [
  ['Receipt scan to status (issue: walking skeleton)', benchScanToPaint],
  ['Catalogue change feed, 10,000 procedures (issue 3: procedure catalogue)', benchCatalogueFeed],
  ['Kiosk catalogue cache: sync, event-loop stall, search, 10,000 procedures (issue 3: procedure catalogue)', benchCatalogue],
  ['Ratings outbox: tap to disk, backlog drain (issue 6: ratings)', benchFeedbackOutbox],
  ['On-screen keyboard: Telex/VNI composition per key (issue 3: procedure catalogue)', benchTelexTyping],
];

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
