/** The three legal outcomes of receipt: accept, ask for every missing item at once, or refuse with a reason. */
export const RECEIPT_OUTCOMES = ['accept', 'supplement', 'refuse'] as const;
export type ReceiptOutcome = (typeof RECEIPT_OUTCOMES)[number];
