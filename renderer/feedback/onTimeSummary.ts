/** The on-time board in one line for the attract screen: every agency's dossiers added up. */
import type { OnTimeBoard } from '../../shared/api/feedback';

export interface OnTimeSummary {
  received: number;
  resolvedOnTime: number;
  resolvedLate: number;
  pendingOnTime: number;
  pendingOverdue: number;
  /** Resolved on time among the resolved, null when none is resolved yet. */
  onTimeShare: number | null;
  /** Satisfied among all ratings of all agencies (each agency weighted by its ratings), null without ratings. */
  satisfactionShare: number | null;
}

export function summariseBoard(board: OnTimeBoard): OnTimeSummary {
  const sum = { received: 0, resolvedOnTime: 0, resolvedLate: 0, pendingOnTime: 0, pendingOverdue: 0, ratings: 0, satisfied: 0 };
  for (const row of board.agencies) {
    sum.received += row.received;
    sum.resolvedOnTime += row.resolvedOnTime;
    sum.resolvedLate += row.resolvedLate;
    sum.pendingOnTime += row.pendingOnTime;
    sum.pendingOverdue += row.pendingOverdue;
    if (row.satisfactionShare !== null) {
      sum.ratings += row.ratings;
      sum.satisfied += row.satisfactionShare * row.ratings;
    }
  }
  const resolved = sum.resolvedOnTime + sum.resolvedLate;
  return {
    received: sum.received,
    resolvedOnTime: sum.resolvedOnTime,
    resolvedLate: sum.resolvedLate,
    pendingOnTime: sum.pendingOnTime,
    pendingOverdue: sum.pendingOverdue,
    onTimeShare: resolved === 0 ? null : sum.resolvedOnTime / resolved,
    satisfactionShare: sum.ratings === 0 ? null : sum.satisfied / sum.ratings,
  };
}
