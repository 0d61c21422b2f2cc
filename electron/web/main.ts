/**
 * `npm run kiosk:web`: the kiosk on the web host. Prints one line with the URL once it listens; logs go to the
 * data directory. Exit codes: 2 bad arguments, 1 enrolment or start-up failure.
 */
import { resolve } from 'node:path';
import { EnrollmentError } from '../core/enrollment';
import { parseWebKioskArgs, WEB_KIOSK_USAGE } from './webArgs';
import { startWebKiosk } from './webKiosk';

const parsed = parseWebKioskArgs(process.argv.slice(2));
if (parsed.kind === 'help') {
  console.log(WEB_KIOSK_USAGE);
  process.exit(0);
}
if (parsed.kind === 'error') {
  console.error(`kiosk:web: ${parsed.message} (--help for usage)`);
  process.exit(2);
}
const { args } = parsed;

try {
  const host = await startWebKiosk({
    ...args,
    dataDir: resolve(args.dataDir),
    rendererDir: args.rendererDir && resolve(args.rendererDir),
    demo: false,
  });
  const stop = () => {
    host.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // Before the listening line: whoever reads it may signal at once, and without a listener the signal kills outright.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`kiosk listening on ${host.url.replace(/\/$/, '')}`);
} catch (error) {
  const prefix = error instanceof EnrollmentError ? `enrollment failed (${error.code})` : 'start failed';
  console.error(`kiosk:web: ${prefix}: ${(error as Error).message}`);
  process.exit(1);
}
