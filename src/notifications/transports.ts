import nodemailer from 'nodemailer';
import type { OutgoingMessage } from './outbox.js';

/** Delivers one message or throws; the deliverer retries. */
export interface Transport {
  readonly channels: readonly OutgoingMessage['channel'][];
  send(message: OutgoingMessage): Promise<void>;
  /** Opens what the transport keeps open while the node runs (an SMPP session, for its receipts). */
  start?(): void;
  /** Closes it; the system calls it once delivery has stopped. */
  close?(): Promise<void>;
}

interface Logger {
  info(obj: object, msg: string): void;
}

/** The default transport: writes each message to the log, for every channel (no gateway configured). */
export class LogTransport implements Transport {
  readonly channels = ['sms', 'email'] as const;

  constructor(private readonly log: Logger) {}

  async send(message: OutgoingMessage): Promise<void> {
    this.log.info(
      {
        notification: {
          channel: message.channel,
          recipient: message.recipient,
          subject: message.subject,
          body: message.body,
        },
      },
      'notification',
    );
  }
}

/** E-mail through an SMTP server (SMTP_URL, e.g. smtps://user:pass@mail.example.vn:465), with nodemailer. */
export class SmtpTransport implements Transport {
  readonly channels = ['email'] as const;
  private readonly mailer;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.mailer = nodemailer.createTransport(url);
  }

  async send(message: OutgoingMessage): Promise<void> {
    await this.mailer.sendMail({
      from: this.from,
      to: message.recipient,
      subject: message.subject,
      text: message.body,
    });
  }
}
