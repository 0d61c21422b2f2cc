// Child process for the outbox's power-loss test: records one rating, says so, then waits to be killed.
import { openFeedbackModule } from '../../electron/core/feedback/feedbackModule';
import { createLogger, createRedactor } from '../../electron/core/logger';

const [dbPath, dossierCode, kioskId] = process.argv.slice(2) as [string, string, string];
const unreachable = async () => {
  throw new Error('the central server is not part of this test');
};
const feedback = openFeedbackModule({
  dbPath,
  client: { postFeedback: unreachable, getOnTimeBoard: unreachable },
  kioskId,
  logger: createLogger({ level: 'silent' }),
  redactor: createRedactor('child-secret'),
});
const result = feedback.handlers['feedback:submit']({ sessionId: 'session-killed-1', dossierCode, rating: 'khong_hai_long', reason: 'Chờ lâu' });
void result.then((outcome) => {
  // The parent sends SIGKILL on this line: nothing after the submit may be needed for the rating to survive.
  process.stdout.write(`${outcome.ok && outcome.value.recorded ? 'recorded' : 'failed'}\n`);
  setInterval(() => {}, 1000);
});
