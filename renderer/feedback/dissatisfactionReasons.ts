/** The short list a dissatisfied citizen picks from; sent as these stable ids, shown through the i18n catalogues. */
export const dissatisfactionReasons = ['wait_long', 'many_visits', 'staff_attitude', 'unclear_guidance', 'late_result', 'other'] as const;
export type DissatisfactionReason = (typeof dissatisfactionReasons)[number];
