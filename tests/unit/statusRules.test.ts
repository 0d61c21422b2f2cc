import { describe, expect, it } from 'vitest';
import { dossierStatuses, type DossierStatus } from '../../shared/api/gateway';
import type { DossierView } from '../../shared/contract/kiosk';
import { currentStepIndex, nextStep, timeliness, type NextStep } from '../../shared/dossier/statusRules';
import { paymentView } from '../support/dossiers';

const dueAt = '2026-03-10T17:00:00+07:00';
const beforeDue = '2026-03-09T09:00:00+07:00';
const afterDue = '2026-03-11T08:00:00+07:00';

function dossier(overrides: Partial<DossierView> = {}): DossierView {
  return {
    code: '000.00.06.H56-260302-0361',
    procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
    agency: { id: '000.00.06.H56', name: 'Trung tâm Phục vụ hành chính công' },
    applicantNameMasked: 'Nguyễn V** A*',
    receivedAt: '2026-03-02T08:30:00+07:00',
    dueAt,
    finishedAt: null,
    status: 'processing',
    steps: [],
    result: { pickupLocation: 'Quầy số 3', returnMethod: 'in_person' },
    ...overrides,
  };
}

const inCentresHands: DossierStatus[] = [
  'received',
  'processing',
  'awaiting_supplement',
  'awaiting_payment',
  'suspended',
];
const finished: DossierStatus[] = ['result_ready', 'returned'];
const closedWithoutResult: DossierStatus[] = ['rejected', 'withdrawn'];

describe('timeliness', () => {
  it('covers every status in these tests', () => {
    expect([...inCentresHands, ...finished, ...closedWithoutResult].sort()).toEqual([...dossierStatuses].sort());
  });

  it.each(inCentresHands)('calls a %s dossier overdue only once now is past the due date', (status) => {
    const d = dossier({ status });
    expect(timeliness(d, new Date(beforeDue))).toBe('on_time');
    expect(timeliness(d, new Date(dueAt))).toBe('on_time');
    expect(timeliness(d, new Date(Date.parse(dueAt) + 1))).toBe('overdue');
    expect(timeliness(d, new Date(afterDue))).toBe('overdue');
  });

  it.each(finished)('calls a %s dossier late only when it finished after the due date', (status) => {
    const now = new Date(afterDue);
    expect(timeliness(dossier({ status, finishedAt: beforeDue }), now)).toBe('on_time');
    expect(timeliness(dossier({ status, finishedAt: dueAt }), now)).toBe('on_time');
    expect(timeliness(dossier({ status, finishedAt: '2026-03-10T17:00:01+07:00' }), now)).toBe('finished_late');
    const muchLater = new Date('2026-06-01T00:00:00Z');
    expect(timeliness(dossier({ status, finishedAt: afterDue }), muchLater)).toBe('finished_late');
  });

  it.each(finished)('does not call a %s dossier without a finish date late, however late it is now', (status) => {
    expect(timeliness(dossier({ status, finishedAt: null }), new Date(afterDue))).toBe('on_time');
  });

  it('compares instants, not local clock readings', () => {
    // 09:59:59Z is 16:59:59 in Vietnam, one second before the due time.
    expect(timeliness(dossier(), new Date('2026-03-10T09:59:59Z'))).toBe('on_time');
    expect(timeliness(dossier(), new Date('2026-03-10T10:00:01Z'))).toBe('overdue');
  });

  it.each(closedWithoutResult)('never calls a %s dossier late', (status) => {
    expect(timeliness(dossier({ status }), new Date(afterDue))).toBe('on_time');
    expect(timeliness(dossier({ status, finishedAt: afterDue }), new Date(afterDue))).toBe('on_time');
  });
});

describe('nextStep', () => {
  it.each<[DossierStatus, NextStep]>([
    ['received', { kind: 'wait' }],
    ['processing', { kind: 'wait' }],
    ['suspended', { kind: 'contact_counter' }],
    ['result_ready', { kind: 'collect_result', pickupLocation: 'Quầy số 3', returnMethod: 'in_person' }],
    ['returned', { kind: 'done' }],
    ['rejected', { kind: 'rejected' }],
    ['withdrawn', { kind: 'withdrawn' }],
    ['awaiting_supplement', { kind: 'bring_documents', documents: [], counter: null }],
    ['awaiting_payment', { kind: 'pay_fee', counter: null, byTransfer: false }],
  ])('tells the citizen of a %s dossier: %o', (status, step) => {
    expect(nextStep(dossier({ status }))).toEqual(step);
  });

  const supplement = { documents: ['Bản sao CCCD', 'Tờ khai có chữ ký'], counter: 'Quầy số 5' };

  it('lists the documents to bring and the counter from the supplement request', () => {
    expect(nextStep(dossier({ status: 'awaiting_supplement', supplement }))).toEqual({
      kind: 'bring_documents',
      documents: supplement.documents,
      counter: 'Quầy số 5',
    });
    expect(nextStep(dossier({ status: 'awaiting_supplement', supplement: null }))).toEqual({
      kind: 'bring_documents',
      documents: [],
      counter: null,
    });
  });

  it('names the counter for a fee when the server gave one', () => {
    const feeCounter = { documents: [], counter: 'Quầy thu phí' };
    expect(nextStep(dossier({ status: 'awaiting_payment', supplement: feeCounter }))).toEqual({
      kind: 'pay_fee',
      counter: 'Quầy thu phí',
      byTransfer: false,
    });
  });

  it('offers the transfer when the dossier carries a payment the kiosk can show', () => {
    const payment = paymentView({ deadline: '2026-12-31T16:30:00+07:00' });
    expect(nextStep(dossier({ status: 'awaiting_payment', payment }))).toMatchObject({ kind: 'pay_fee', byTransfer: true });
  });

  it('passes on where and how the result is returned', () => {
    const result = { pickupLocation: 'Bưu điện giao tận nhà', returnMethod: 'postal' as const };
    expect(nextStep(dossier({ status: 'result_ready', result }))).toEqual({ kind: 'collect_result', ...result });
  });
});

describe('currentStepIndex', () => {
  const step = (finishedAt: string | null) => ({
    name: 'Thẩm định',
    unit: 'Phòng Tư pháp',
    startedAt: beforeDue,
    finishedAt,
  });

  it('points at the first unfinished step', () => {
    expect(currentStepIndex({ steps: [step(beforeDue), step(null), step(null)] })).toBe(1);
    expect(currentStepIndex({ steps: [step(null)] })).toBe(0);
  });

  it('is -1 when every step is finished or there are none', () => {
    expect(currentStepIndex({ steps: [step(beforeDue), step(dueAt)] })).toBe(-1);
    expect(currentStepIndex({ steps: [] })).toBe(-1);
  });
});
