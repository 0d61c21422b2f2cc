/**
 * Kiosk-side rules on a dossier: whether it is late, what the citizen should do next, and which processing step
 * it is at. No user-facing text here: the renderer turns these values into Vietnamese and English.
 */
import type { DossierStatus, ReturnMethod } from '../api/gateway';
import type { DossierView } from '../contract/kiosk';

export type Timeliness = 'on_time' | 'overdue' | 'finished_late';

/**
 * "Quá hạn" is not a status but a comparison of dates (domain.md section 2). A dossier still in the centre's
 * hands is overdue once `now` is past its due date; a finished one was late if it finished after its due date.
 * Rejected and withdrawn dossiers have no deadline left to miss. Due exactly at `now` is still on time.
 */
export function timeliness(d: Pick<DossierView, 'status' | 'dueAt' | 'finishedAt'>, now: Date): Timeliness {
  const dueAt = Date.parse(d.dueAt);
  if (isInCentresHands(d.status)) return now.getTime() > dueAt ? 'overdue' : 'on_time';
  if (d.status === 'result_ready' || d.status === 'returned') {
    // A finished dossier without a finish date is not called late: the kiosk never invents a delay.
    return d.finishedAt !== null && Date.parse(d.finishedAt) > dueAt ? 'finished_late' : 'on_time';
  }
  return 'on_time';
}

/** Received and not yet finished, rejected or withdrawn: a dossier the centre is still working on. */
export function isInCentresHands(status: DossierStatus): boolean {
  switch (status) {
    case 'received':
    case 'processing':
    case 'awaiting_supplement':
    case 'awaiting_payment':
    case 'suspended':
      return true;
    case 'result_ready':
    case 'returned':
    case 'rejected':
    case 'withdrawn':
      return false;
  }
}

export type NextStep =
  | { kind: 'wait' }
  | { kind: 'bring_documents'; documents: string[]; counter: string | null }
  | { kind: 'pay_fee'; counter: string | null }
  | { kind: 'contact_counter' }
  | { kind: 'collect_result'; pickupLocation: string; returnMethod: ReturnMethod }
  | { kind: 'done' }
  | { kind: 'rejected' }
  | { kind: 'withdrawn' };

/**
 * What the citizen should do now. The counter for a fee comes from the dossier's supplement request too: it is
 * the one place where the server names the counter that expects the citizen.
 */
export function nextStep(d: DossierView): NextStep {
  switch (d.status) {
    case 'received':
    case 'processing':
      return { kind: 'wait' };
    case 'awaiting_supplement':
      return {
        kind: 'bring_documents',
        documents: d.supplement?.documents ?? [],
        counter: d.supplement?.counter ?? null,
      };
    case 'awaiting_payment':
      return { kind: 'pay_fee', counter: d.supplement?.counter ?? null };
    case 'suspended':
      return { kind: 'contact_counter' };
    case 'result_ready':
      return { kind: 'collect_result', pickupLocation: d.result.pickupLocation, returnMethod: d.result.returnMethod };
    case 'returned':
      return { kind: 'done' };
    case 'rejected':
      return { kind: 'rejected' };
    case 'withdrawn':
      return { kind: 'withdrawn' };
  }
}

/** Index of the first unfinished processing step, or -1 when every step is finished or there are none. */
export function currentStepIndex(d: Pick<DossierView, 'steps'>): number {
  return d.steps.findIndex((step) => step.finishedAt === null);
}
