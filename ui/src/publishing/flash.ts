/** A one-time note carried from the review page back to the desk ("published version 2…"). */
let pending: string | null = null;

export function setFlash(message: string): void {
  pending = message;
}

/** The note, once: reading it clears it. */
export function takeFlash(): string | null {
  const message = pending;
  pending = null;
  return message;
}
