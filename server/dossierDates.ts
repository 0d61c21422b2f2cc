/**
 * Dates of a dossier that contradict each other, refused by the admin writes with 422 DATES_INCONSISTENT: the kiosk
 * would tell a citizen a deadline before the filing, or a finish date for a dossier still in progress.
 */
import type { Dossier } from '../shared/api/gateway';
import { isInCentresHands } from '../shared/dossier/statusRules';

/** The first contradiction, as `field: what is wrong`, or null when the dates agree. */
export function dateInconsistency(dossier: Pick<Dossier, 'status' | 'receivedAt' | 'dueAt' | 'finishedAt' | 'steps'>): string | null {
  const receivedAt = Date.parse(dossier.receivedAt);
  if (Date.parse(dossier.dueAt) < receivedAt) return 'dueAt: the due date is before receivedAt.';
  if (dossier.finishedAt !== null) {
    if (Date.parse(dossier.finishedAt) < receivedAt) return 'finishedAt: the dossier is finished before receivedAt.';
    if (isInCentresHands(dossier.status)) {
      return `finishedAt: a dossier that is still ${dossier.status} has no finish date; send null, or the status it finished with.`;
    }
  }
  const backwards = dossier.steps.findIndex((step) => step.finishedAt !== null && Date.parse(step.finishedAt) < Date.parse(step.startedAt));
  return backwards === -1 ? null : `steps.${backwards}.finishedAt: the step finishes before its startedAt.`;
}
