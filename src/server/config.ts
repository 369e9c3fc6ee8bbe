import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** A PostgreSQL connection string; when absent the embedded database is used. */
  databaseUrl?: string;
  /** Folder of the embedded database. */
  dataDir: string;
  /** Folder of the built web app, served at /. */
  webDir: string;
  /** Send cookies only over HTTPS: set SECURE_COOKIES=true behind TLS. */
  secureCookies: boolean;
  /** Sign-in attempts allowed per address and minute. */
  signInRateLimit: number;
  logLevel: string;
  /** Address of the web app as users reach it, for links in e-mails (no trailing slash). */
  publicUrl: string;
  /** `smtp://user:pass@host:587` or `smtps://…:465`; without it e-mails are kept in the outbox, not sent. */
  smtpUrl?: string;
  /** Sender of every e-mail, e.g. `Taawon <no-reply@example.ma>`. */
  mailFrom: string;
  /** Run the background jobs (reminders, sending e-mails) in this process: WORKERS=false for a process that only answers HTTP. */
  workers: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const isProduction = env.NODE_ENV === 'production';
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    dataDir: resolve(env.DATA_DIR ?? './data'),
    webDir: resolve(env.WEB_DIR ?? './dist/web'),
    secureCookies: env.SECURE_COOKIES === 'true',
    signInRateLimit: Number(env.SIGN_IN_RATE_LIMIT ?? 10),
    logLevel: env.LOG_LEVEL ?? (isProduction ? 'info' : 'warn'),
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, ''),
    ...(env.SMTP_URL ? { smtpUrl: env.SMTP_URL } : {}),
    mailFrom: env.MAIL_FROM ?? 'Taawon <no-reply@taawon.local>',
    workers: env.WORKERS !== 'false',
  };
}
