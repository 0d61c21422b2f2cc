/** The sentence telling the citizen what to do next, shown on the status screen and spoken by voice guidance. */
import type { TFunction } from 'i18next';
import type { NextStep } from '../../shared/dossier/statusRules';

export function nextStepSentence(step: NextStep, t: TFunction): string {
  switch (step.kind) {
    case 'wait':
      return t('nextStep.wait');
    case 'bring_documents':
      if (step.documents.length === 0) return t('nextStep.bringDocumentsUnlisted');
      return step.counter === null ? t('nextStep.bringDocuments') : t('nextStep.bringDocumentsTo', { counter: step.counter });
    case 'pay_fee':
      if (step.byTransfer) return step.counter === null ? t('nextStep.payByTransfer') : t('nextStep.payByTransferOrAt', { counter: step.counter });
      return step.counter === null ? t('nextStep.payFee') : t('nextStep.payFeeAt', { counter: step.counter });
    case 'contact_counter':
      return t('nextStep.contactCounter');
    case 'collect_result':
      return collectResultSentence(step, t);
    case 'done':
      return t('nextStep.done');
    case 'rejected':
      return t('nextStep.rejected');
    case 'withdrawn':
      return t('nextStep.withdrawn');
  }
}

function collectResultSentence(step: Extract<NextStep, { kind: 'collect_result' }>, t: TFunction): string {
  switch (step.returnMethod) {
    case 'in_person':
      return step.pickupLocation === '' ? t('nextStep.collectInPersonAtCounter') : t('nextStep.collectInPerson', { place: step.pickupLocation });
    case 'postal':
      return t('nextStep.collectPostal');
    case 'online':
      return t('nextStep.collectOnline');
  }
}
