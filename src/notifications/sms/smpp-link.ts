import smpp, { PDU, type Session } from 'smpp';

/** Where and as whom to bind to the SMSC (the carrier's or the brand-name gateway's SMPP server). */
export interface SmppAccount {
  host: string;
  port: number;
  /** TLS (an `ssmpp://` address). */
  tls?: boolean | undefined;
  systemId: string;
  password: string;
  systemType?: string | undefined;
  /** The bound of every network wait, in milliseconds: connect, bind, each response (default 10 s). */
  timeoutMs?: number | undefined;
  /** How often a bound session is checked with enquire_link, in milliseconds (default 30 s). */
  enquireLinkMs?: number | undefined;
}

interface Logger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** Answers a PDU the SMSC sends (a deliver_sm): the command_status of its response. */
export type InboundHandler = (pdu: PDU) => Promise<number>;

const MAX_REBIND_DELAY_MS = 60_000;

/** The name of an SMPP command_status (ESME_RTHROTTLED…), for errors and logs. */
export function statusName(status: number): string {
  const name = Object.entries(smpp.errors).find(([, code]) => code === status)?.[0];
  return `${name ?? 'status'} (0x${status.toString(16).padStart(8, '0')})`;
}

/**
 * One transceiver session with the SMSC (bind_transceiver), opened when first needed, kept, and bound again after it
 * drops (with back-off, so receipts keep arriving). Every wait is bounded: a connection, a bind or a response that does
 * not come in time fails, and a session whose response is late is closed, since what it answers is no longer known.
 * Responses and inbound PDUs are handled one at a time in the order they arrive, so a receipt is never handled before
 * the acceptance of the message it is about.
 */
export class SmppLink {
  private session: Session | undefined;
  private binding: Promise<Session> | undefined;
  private readonly pending = new Set<(err: Error) => void>();
  private order: Promise<unknown> = Promise.resolve();
  private keepBound = false;
  private closed = false;
  private rebindTimer: NodeJS.Timeout | undefined;
  private rebindDelayMs = 1000;
  private enquireTimer: NodeJS.Timeout | undefined;
  private readonly timeoutMs: number;

  constructor(
    private readonly account: SmppAccount,
    private readonly inbound: InboundHandler,
    private readonly log: Logger,
  ) {
    this.timeoutMs = account.timeoutMs ?? 10_000;
  }

  /** Binds now and stays bound from then on (receipts of messages sent before a restart arrive without a new send). */
  start(): void {
    this.keepBound = true;
    this.bound().catch(() => undefined);
  }

  /** The bound session, binding first when there is none. */
  bound(): Promise<Session> {
    if (this.closed) return Promise.reject(new Error('the SMPP link is closed'));
    if (this.session) return Promise.resolve(this.session);
    this.binding ??= this.bind().then(
      (session) => {
        this.binding = undefined;
        return session;
      },
      (err: Error) => {
        this.binding = undefined;
        this.log.warn({ err: err.message, smsc: this.address }, 'SMPP bind failed');
        this.scheduleRebind();
        throw err;
      },
    );
    return this.binding;
  }

  /**
   * Sends a request on the bound session and waits for its response, at most the timeout. `onResponse` runs in the
   * order of arrival, before any PDU that came after the response (e.g. its delivery receipt) is handled.
   */
  async request(command: string, params: Record<string, unknown>, onResponse?: (pdu: PDU) => Promise<void>) {
    const session = await this.bound();
    return new Promise<PDU>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(fail);
        reject(new Error(`SMPP ${command}: no response within ${this.timeoutMs} ms`));
        session.destroy();
      }, this.timeoutMs);
      const fail = (err: Error) => {
        clearTimeout(timer);
        reject(err);
      };
      this.pending.add(fail);
      const written = session.send(new PDU(command, params), (response) => {
        clearTimeout(timer);
        this.pending.delete(fail);
        resolve(this.inOrder(async () => (await onResponse?.(response), response)));
      });
      if (!written) {
        this.pending.delete(fail);
        fail(new Error(`SMPP ${command}: the connection is not writable`));
      }
    });
  }

  /** Unbinds (bounded) and closes the connection; no rebind after. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.rebindTimer);
    await this.binding?.catch(() => undefined);
    const session = this.session;
    if (!session) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.timeoutMs);
      if (!session.send(new PDU('unbind'), () => (clearTimeout(timer), resolve()))) resolve();
    });
    session.destroy();
    this.dropped(session, new Error('the SMPP link is closed'));
  }

  private get address(): string {
    return `${this.account.host}:${this.account.port}`;
  }

  private inOrder<T>(work: () => Promise<T>): Promise<T> {
    const next = this.order.then(work);
    this.order = next.catch(() => undefined);
    return next;
  }

  /** Connects and binds as a transceiver, each within the timeout. */
  private bind(): Promise<Session> {
    const { host, port, tls } = this.account;
    return new Promise<Session>((resolve, reject) => {
      const session = smpp.connect({ host, port, tls: tls ?? false });
      let settled = false;
      let timer = setTimeout(
        () => fail(new Error(`SMPP ${this.address}: no connection within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
      const fail = (err: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        session.destroy();
        reject(err);
      };
      session.on('error', (err: Error) => {
        fail(err);
        if (this.session !== session) return;
        // A socket error closes the connection anyway; a PDU the library cannot read leaves the session stuck.
        this.log.warn({ err: err.message, smsc: this.address }, 'SMPP connection error');
        session.destroy();
      });
      session.on('close', () => {
        fail(new Error(`SMPP ${this.address}: the connection closed before the bind`));
        this.dropped(session, new Error(`SMPP ${this.address}: the connection closed`));
      });
      session.once(tls ? 'secureConnect' : 'connect', () => {
        clearTimeout(timer);
        timer = setTimeout(
          () => fail(new Error(`SMPP ${this.address}: no bind response within ${this.timeoutMs} ms`)),
          this.timeoutMs,
        );
        const bind = new PDU('bind_transceiver', {
          system_id: this.account.systemId,
          password: this.account.password,
          system_type: this.account.systemType ?? '',
          interface_version: 0x34,
        });
        session.send(bind, (response) => {
          if (response.command_status !== 0)
            return fail(new Error(`SMPP ${this.address}: bind refused, ${statusName(response.command_status)}`));
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          this.adopt(session);
          resolve(session);
        });
      });
    });
  }

  /** A freshly bound session becomes the link's: it answers what the SMSC sends and is checked while idle. */
  private adopt(session: Session): void {
    if (this.closed) {
      session.destroy();
      return;
    }
    this.session = session;
    this.keepBound = true;
    this.rebindDelayMs = 1000;
    this.log.info({ smsc: this.address, systemId: this.account.systemId }, 'SMPP bound as transceiver');
    session.on('deliver_sm', (pdu: PDU) => {
      this.inOrder(() => this.inbound(pdu)).then(
        (status) => session.send(pdu.response({ command_status: status })),
        (err: unknown) => {
          this.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'SMPP deliver_sm not recorded');
          // A temporary error: the SMSC delivers the receipt again later.
          session.send(pdu.response({ command_status: smpp.errors.ESME_RX_T_APPN }));
        },
      );
    });
    session.on('enquire_link', (pdu: PDU) => session.send(pdu.response()));
    session.on('unbind', (pdu: PDU) => {
      session.send(pdu.response());
      session.close();
    });
    session.on('unknown', (pdu: PDU) => session.send(pdu.response()));
    const every = this.account.enquireLinkMs ?? 30_000;
    this.enquireTimer = setInterval(() => {
      // No answer within the timeout closes the session (request() does), and the link binds again.
      this.request('enquire_link', {}).catch(() => undefined);
    }, every);
    this.enquireTimer.unref();
  }

  /** The session is gone: what waited on it fails, and the link binds again later unless it was closed. */
  private dropped(session: Session, err: Error): void {
    if (this.session !== session) return;
    this.session = undefined;
    clearInterval(this.enquireTimer);
    for (const fail of this.pending) fail(err);
    this.pending.clear();
    if (!this.closed) this.log.warn({ smsc: this.address }, 'SMPP session dropped');
    this.scheduleRebind();
  }

  private scheduleRebind(): void {
    if (!this.keepBound || this.closed || this.rebindTimer) return;
    const delay = this.rebindDelayMs;
    this.rebindDelayMs = Math.min(delay * 2, MAX_REBIND_DELAY_MS);
    this.rebindTimer = setTimeout(() => {
      this.rebindTimer = undefined;
      this.bound().catch(() => undefined);
    }, delay);
    this.rebindTimer.unref();
  }
}
