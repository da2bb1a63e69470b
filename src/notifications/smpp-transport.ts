import type { PDU } from 'smpp';
import type { OutgoingMessage, SmsLedger } from './outbox.js';
import { internationalVietnamese } from './sms/phone.js';
import { MESSAGE_STATES, parseDeliveryReceipt, type DeliveryReceipt } from './sms/receipt.js';
import { SmppLink, statusName, type SmppAccount } from './sms/smpp-link.js';
import { smsParts } from './sms/text.js';
import type { Transport } from './transports.js';

/** The SMSC account and the brand name (alphanumeric sender, source_addr_ton 5) the applicant sees. */
export interface SmppOptions extends SmppAccount {
  sourceAddr: string;
}

interface Logger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

const TON_INTERNATIONAL = 1;
const NPI_ISDN = 1;
const TON_ALPHANUMERIC = 5;
const NPI_UNKNOWN = 0;

/**
 * SMS through an SMSC over SMPP 3.4, bound as a transceiver. Each part goes as one submit_sm with a delivery receipt
 * asked for; the SMSC's message_id of each accepted part is recorded before the next is sent, so a retry sends only the
 * parts not yet accepted. Throws (the deliverer retries) when the SMSC cannot be reached, refuses or does not answer.
 */
export class SmppTransport implements Transport {
  readonly channels = ['sms'] as const;
  private readonly link: SmppLink;

  constructor(
    private readonly options: SmppOptions,
    private readonly ledger: SmsLedger,
    private readonly clock: () => Date,
    private readonly log: Logger,
  ) {
    this.link = new SmppLink(options, (pdu) => this.inbound(pdu), log);
  }

  start(): void {
    this.link.start();
  }

  close(): Promise<void> {
    return this.link.close();
  }

  async send(message: OutgoingMessage): Promise<void> {
    const destination = internationalVietnamese(message.recipient);
    // The outbox id names the concatenation: a retry's parts join those the handset already has.
    const { dataCoding, esmClass, parts } = smsParts(message.body, message.id % 256);
    const accepted = await this.ledger.acceptedParts(message.id);
    for (const [i, shortMessage] of parts.entries()) {
      const part = i + 1;
      if (accepted.has(part)) continue;
      const response = await this.link.request(
        'submit_sm',
        {
          source_addr_ton: TON_ALPHANUMERIC,
          source_addr_npi: NPI_UNKNOWN,
          source_addr: this.options.sourceAddr,
          dest_addr_ton: TON_INTERNATIONAL,
          dest_addr_npi: NPI_ISDN,
          destination_addr: destination,
          esm_class: esmClass,
          registered_delivery: 1,
          data_coding: dataCoding,
          short_message: shortMessage,
        },
        async (response) => {
          if (response.command_status === 0)
            await this.ledger.partAccepted(message.id, part, parts.length, String(response.message_id), this.clock());
        },
      );
      if (response.command_status !== 0)
        throw new Error(`SMPP submit_sm refused: ${statusName(response.command_status)}`);
    }
  }

  /** A deliver_sm: its receipt recorded, a message (an applicant's reply) only logged; answered with status 0. */
  private async inbound(pdu: PDU): Promise<number> {
    const receipt = receiptOf(pdu);
    if (receipt) await this.ledger.deliveryReceipt(receipt.id, receipt.stat, this.clock());
    else this.log.info({ from: pdu.source_addr }, 'SMPP deliver_sm that is not a delivery receipt, ignored');
    return 0;
  }
}

/**
 * The delivery receipt a deliver_sm carries (esm_class message type 0x04, or 0x20 for an intermediate one), or null.
 * The id and state of the receipted_message_id and message_state TLVs come first, the receipt's text after them.
 */
export function receiptOf(pdu: PDU): DeliveryReceipt | null {
  const type = Number(pdu.esm_class ?? 0) & 0x3c;
  if (type !== 0x04 && type !== 0x20) return null;
  const parsed = parseDeliveryReceipt(textOf(pdu.short_message) || textOf(pdu.message_payload));
  const tlvId = typeof pdu.receipted_message_id === 'string' ? pdu.receipted_message_id : '';
  const id = tlvId || parsed?.id;
  const tlvStat = pdu.message_state === undefined ? undefined : MESSAGE_STATES[Number(pdu.message_state)];
  const stat = tlvStat ?? parsed?.stat;
  if (!id || !stat) return null;
  return { id, stat, err: parsed?.err ?? null, doneDate: parsed?.doneDate ?? null };
}

/** The text of a short_message or message_payload as the library decodes it. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  const message = (value as { message?: unknown } | undefined)?.message;
  if (typeof message === 'string') return message;
  return Buffer.isBuffer(message) ? message.toString('latin1') : '';
}
