import { once } from 'node:events';
import { createServer as createNetServer } from 'node:net';
import smpp, { type PDU, type Session } from 'smpp';

/** A submit_sm as the SMSC received it, its text decoded by the library (UCS-2 when data_coding is 8). */
export interface Submitted {
  sourceAddr: string;
  sourceTon: number;
  sourceNpi: number;
  destination: string;
  destTon: number;
  destNpi: number;
  esmClass: number;
  dataCoding: number;
  registeredDelivery: number;
  /** The concatenation UDH element (IEI 0x00): reference, parts, this part's number; null for a single SMS. */
  concat: { reference: number; total: number; part: number } | null;
  text: string;
  messageId: string;
}

export interface SmscBehaviour {
  /** Refuse every bind with ESME_RBINDFAIL. */
  refuseBinds?: boolean;
  /** Accept connections but never answer a bind. */
  silentBinds?: boolean;
  /** Never answer a submit_sm (the first `n` of them). */
  silentSubmits?: number;
  /** Refuse the next `n` submit_sm with ESME_RTHROTTLED (after accepting `after` of them). */
  throttle?: { after: number; n: number };
}

export const SMSC_ACCOUNT = { systemId: 'motcua', password: 'secret' };

/** A free TCP port on loopback, for an SMSC that is down now and started later. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A real SMPP server on loopback (the smpp library's own), standing for the carrier's SMSC: it binds transceivers of
 * SMSC_ACCOUNT, accepts submit_sm with message ids M1, M2…, records what it accepted, and sends delivery receipts.
 */
export async function startSmsc(port: number, behaviour: SmscBehaviour = {}) {
  const submitted: Submitted[] = [];
  const sessions: Session[] = [];
  let binds = 0;
  let submits = 0;
  const bound: (() => void)[] = [];
  const server = smpp.createServer((session) => {
    session.on('error', () => undefined);
    session.on('close', () => sessions.includes(session) && sessions.splice(sessions.indexOf(session), 1));
    session.on('bind_transceiver', (pdu: PDU) => {
      if (behaviour.silentBinds) return;
      const known = pdu.system_id === SMSC_ACCOUNT.systemId && pdu.password === SMSC_ACCOUNT.password;
      if (behaviour.refuseBinds || !known) {
        session.send(pdu.response({ command_status: smpp.errors.ESME_RBINDFAIL }));
        return;
      }
      binds++;
      sessions.push(session);
      session.send(pdu.response({ system_id: 'SMSC' }));
      bound.splice(0).forEach((resolve) => resolve());
    });
    session.on('submit_sm', (pdu: PDU) => {
      submits++;
      if (submits <= (behaviour.silentSubmits ?? 0)) return;
      const { after, n } = behaviour.throttle ?? { after: 0, n: 0 };
      if (submits > after && submits <= after + n) {
        session.send(pdu.response({ command_status: smpp.errors.ESME_RTHROTTLED }));
        return;
      }
      const messageId = `M${submitted.length + 1}`;
      const message = pdu.short_message as { udh?: Buffer[]; message: string };
      const udh = message.udh?.find((element) => element[0] === 0x00);
      submitted.push({
        sourceAddr: String(pdu.source_addr),
        sourceTon: Number(pdu.source_addr_ton),
        sourceNpi: Number(pdu.source_addr_npi),
        destination: String(pdu.destination_addr),
        destTon: Number(pdu.dest_addr_ton),
        destNpi: Number(pdu.dest_addr_npi),
        esmClass: Number(pdu.esm_class),
        dataCoding: Number(pdu.data_coding),
        registeredDelivery: Number(pdu.registered_delivery),
        concat: udh ? { reference: udh[2]!, total: udh[3]!, part: udh[4]! } : null,
        text: message.message,
        messageId,
      });
      session.send(pdu.response({ message_id: messageId }));
    });
    session.on('enquire_link', (pdu: PDU) => session.send(pdu.response()));
    session.on('unbind', (pdu: PDU) => {
      session.send(pdu.response());
      session.close();
    });
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');

  /** Sends a deliver_sm on the latest bound session; resolves with the status of its deliver_sm_resp. */
  const deliver = (params: Record<string, unknown>) =>
    new Promise<number>((resolve, reject) => {
      const session = sessions[sessions.length - 1];
      if (!session) return reject(new Error('no bound session'));
      session.send(new smpp.PDU('deliver_sm', params), (response) => resolve(response.command_status));
    });

  return {
    submitted,
    /** How many submit_sm it received, answered or not. */
    submits: () => submits,
    /** How many binds it accepted. */
    binds: () => binds,
    /** Resolves at the next accepted bind. */
    nextBind: () => new Promise<void>((resolve) => bound.push(resolve)),
    deliver,
    /** Sends the delivery receipt of an accepted message, as SMSCs write it (SMPP 3.4, appendix B). */
    receipt: (messageId: string, stat: string, to: string) =>
      deliver({
        source_addr_ton: 1,
        source_addr_npi: 1,
        source_addr: to,
        destination_addr: 'UBND HN',
        esm_class: 0x04,
        short_message: {
          message: `id:${messageId} sub:001 dlvrd:${stat === 'DELIVRD' ? '001' : '000'} submit date:1811190900 done date:1811190901 stat:${stat} err:000 text:Ho so`,
        },
      }),
    /** Drops every session, as an SMSC restarting does. */
    dropSessions: () => {
      for (const session of sessions.splice(0)) session.destroy();
    },
    stop: async () => {
      for (const session of sessions.splice(0)) session.destroy();
      for (const session of server.sessions) session.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export type Smsc = Awaited<ReturnType<typeof startSmsc>>;

/** The texts of the SMS the SMSC received, their concatenated parts put back together. */
export function reassembled(submitted: Submitted[]): string[] {
  const texts: string[] = [];
  const open = new Map<string, Submitted[]>();
  for (const s of submitted) {
    if (!s.concat) {
      texts.push(s.text);
      continue;
    }
    const key = `${s.destination}/${s.concat.reference}`;
    const parts = [...(open.get(key) ?? []), s];
    open.set(key, parts);
    if (parts.length === s.concat.total) {
      texts.push(
        parts
          .sort((a, b) => a.concat!.part - b.concat!.part)
          .map((p) => p.text)
          .join(''),
      );
      open.delete(key);
    }
  }
  return texts;
}
