import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import { APP_ENV } from '../config/app-config';
import type { AppEnv } from '../config/env';

export interface DigestMail {
  to: string;
  subject: string;
  html: string;
  text: string;
}

const SMTP_TIMEOUT_MS = 30_000;

/**
 * Sends digest emails through SMTP_URL. nodemailer is loaded only when SMTP_URL is set, so a
 * service that does not send email never needs it.
 */
@Injectable()
export class DigestMailer implements OnModuleDestroy {
  private transport: Transporter | null = null;

  constructor(@Inject(APP_ENV) private readonly env: AppEnv) {}

  get enabled(): boolean {
    return this.env.smtpUrl !== null;
  }

  get recipients(): string[] {
    return this.enabled ? this.env.digestEmailTo : [];
  }

  async send(mail: DigestMail): Promise<void> {
    await this.transporter().sendMail({ from: this.env.digestEmailFrom, ...mail });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  private transporter(): Transporter {
    if (!this.env.smtpUrl) throw new Error('SMTP_URL is not set');
    if (!this.transport) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const nodemailer = require('nodemailer') as typeof import('nodemailer');
      this.transport = nodemailer.createTransport({
        url: this.env.smtpUrl,
        connectionTimeout: SMTP_TIMEOUT_MS,
        greetingTimeout: SMTP_TIMEOUT_MS,
        socketTimeout: SMTP_TIMEOUT_MS,
      } as Parameters<typeof nodemailer.createTransport>[0]);
    }
    return this.transport;
  }
}
