/**
 * `npm run bench`: every benchmark, one after the other, each printing its figures beside its baseline.
 * `npm run bench -- catalogue` runs only those whose title contains one of the words given (case-insensitive).
 */
import { benchBridgeFlood } from './bridgeFlood';
import { benchCameraToPaint } from './cameraToPaint';
import { benchCatalogue } from './catalogue';
import { benchCatalogueFeed } from './catalogueFeed';
import { benchCentralLoad } from './centralLoad';
import { benchCentralWrites } from './centralWrites';
import { benchCatalogueNational } from './catalogueNational';
import { benchDecoder } from './decoder';
import { benchFeedbackOutbox } from './feedbackOutbox';
import { benchHostSpeech } from './hostSpeech';
import { benchScanToPaint } from './scanToPaint';
import { benchTelexTyping } from './telexTyping';

const benches: [string, () => Promise<string[]>][] = [
  ['Receipt scan to status (issue: walking skeleton)', benchScanToPaint],
  ['Camera decoder per frame, 1280×720 (issue 4: camera scanning)', benchDecoder],
  ['Camera: receipt in view to status painted (issue 4: camera scanning)', benchCameraToPaint],
  ['Catalogue change feed, 10,000 procedures (issue 3: procedure catalogue)', benchCatalogueFeed],
  ['Kiosk catalogue cache: sync, event-loop stall, search, 10,000 procedures (issue 3: procedure catalogue)', benchCatalogue],
  ['Kiosk catalogue cache on the national catalogue: sync, search, relevance beside MiniSearch (issue 14: real catalogue)', benchCatalogueNational],
  ['Ratings outbox: tap to disk, backlog drain (issue 6: ratings)', benchFeedbackOutbox],
  ['Central server under 500 kiosks: lookups and the on-time board at 10,000 to 2,000,000 dossiers (issue 16: central server for a province)', benchCentralLoad],
  ['Central server durability: acknowledged writes, synchronous FULL vs NORMAL (issue 16: central server)', benchCentralWrites],
  ["Web host bridge: a citizen's lookup while another socket floods 2,000 lookups (issue 16: central server for a province)", benchBridgeFlood],
  ['On-screen keyboard: Telex/VNI composition per key (issue 3: procedure catalogue)', benchTelexTyping],
  ['Voice guidance: screen change to the host voice\'s audio ready (issue 17: speech)', benchHostSpeech],
];

const filters = process.argv.slice(2).map((word) => word.toLowerCase());
const selected = benches.filter(([title]) => filters.length === 0 || filters.some((word) => title.toLowerCase().includes(word)));
if (selected.length === 0) console.log(`no benchmark title contains ${filters.join(' or ')}`);

let failed = selected.length === 0;
for (const [title, bench] of selected) {
  console.log(`\n## ${title}`);
  try {
    for (const line of await bench()) console.log(line);
  } catch (error) {
    failed = true;
    console.log(`error: ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.exitCode = failed ? 1 : 0;
