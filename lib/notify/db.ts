import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteAdapter, SqliteDialect, sql, type Generated, type Selectable } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations';

export type SubscriberStatus = 'pending' | 'confirmed' | 'unsubscribed';
export type ObjectionStatus = 'unverified' | 'filed';
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';

/** The tables, as the migrations create them. Times are ISO 8601 strings in UTC on both databases. */
export type Tables = {
  subscribers: {
    id: Generated<number>;
    email: string;
    status: SubscriberStatus;
    created_at: string;
    confirm_sent_at: string | null;
    confirmed_at: string | null;
    confirmed_on: string | null;
    unsubscribed_at: string | null;
    /** The chosen scope ids, space-separated; null: the full list. */
    scopes: string | null;
    /** The choice of the latest request, waiting for its confirmation e-mail; null: the full list. */
    requested_scopes: string | null;
  };
  /** Hashes of used unsubscribe links whose subscriber is deleted: they still answer "unsubscribed". */
  spent_tokens: { hash: string; spent_at: string };
  /** `scopes`: the choice made with a confirmation request, applied on confirming. */
  tokens: { hash: string; purpose: 'confirm' | 'unsubscribe'; subscriber_id: number; created_at: string; expires_at: string | null; scopes: string | null };
  rate_limits: { key: string; window_start: string; count: number };
  /** `subject`, `body`: the notice as sent (text part), with each recipient's personal links as placeholders. */
  notices: { id: string; created_at: string; first_sent_at: string | null; subject: string | null; body: string | null };
  deliveries: {
    id: Generated<number>;
    notice_id: string;
    subscriber_id: number | null;
    address: string;
    status: DeliveryStatus;
    created_at: string;
    next_attempt_at: string;
    attempts: Generated<number>;
    claimed_by: string | null;
    claimed_at: string | null;
    resent: Generated<number>;
    message_id: string | null;
    fingerprint: string | null;
    sent_at: string | null;
    smtp_response: string | null;
    /** The scope whose list the notice was of; null: the full list. */
    scope: string | null;
  };
  /** One-time sign-in links and single sign-on requests of the desk, by the hash of their random value. */
  desk_tokens: { hash: string; purpose: 'link' | 'sso'; email: string | null; data: string | null; created_at: string; expires_at: string; used_at: string | null };
  desk_sessions: { hash: string; email: string; method: 'link' | 'sso'; created_at: string; last_seen_at: string; expires_at: string };
  /** Every sign-in, refusal and action on the desk; `actor`: the team member's address, null when unknown. */
  desk_audit: { id: Generated<number>; at: string; actor: string | null; action: string; detail: string | null };
  objections: {
    id: Generated<number>;
    reference: string | null;
    status: ObjectionStatus;
    change_id: string;
    scope: string | null;
    subscriber_id: number | null;
    email: string;
    organisation: string;
    name: string;
    grounds: string;
    contract_reference: string | null;
    received_at: string;
    deadline: string;
    deadline_at: string;
    on_time: number;
    verified_by: 'personal-link' | 'confirm-link' | null;
    verified_at: string | null;
    confirm_hash: string | null;
    confirm_expires_at: string | null;
    view_hash: string | null;
  };
  objection_counters: { year: number; last: number };
  /** A refused form's typed values and problems, for an hour; `data` is JSON, `hash` the SHA-256 of the key in the form's address. */
  objection_drafts: { hash: string; change_id: string; scope: string | null; data: string; created_at: string; expires_at: string };
  objection_states: {
    id: Generated<number>;
    objection_id: number;
    state: 'received' | 'resolved';
    outcome: string | null;
    note: string | null;
    at: string;
    by: string;
    notified: Generated<number>;
  };
};

export type Db = Kysely<Tables>;

/** An objection as read from the database. */
export type ObjectionRow = Selectable<Tables['objections']>;

/** Where the data lives: PostgreSQL when DATABASE_URL is set, else an embedded file under DATA_DIR (default `.data/`). */
export function dataDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR || '.data');
}

export function describeDatabase(env: Record<string, string | undefined> = process.env): string {
  return env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : path.join(dataDir(env), 'subscribers.db');
}

/** Opens the database without migrating it. */
export function openDatabase(env: Record<string, string | undefined> = process.env): Db {
  if (env.DATABASE_URL) {
    // BIGINT counts come back as strings by default; our counts fit in a number.
    pg.types.setTypeParser(20, (value) => Number(value));
    return new Kysely<Tables>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: env.DATABASE_URL, max: 5 }) }) });
  }
  const dir = dataDir(env);
  fs.mkdirSync(dir, { recursive: true });
  const file = new Database(path.join(dir, 'subscribers.db'));
  // WAL lets the server and the commands use the file at the same time; a writer waits for another instead of failing.
  file.pragma('journal_mode = WAL');
  file.pragma('busy_timeout = 10000');
  file.pragma('synchronous = NORMAL');
  // Deleted rows are overwritten with zeros, so an erased address is not left in free pages.
  file.pragma('secure_delete = ON');
  return new Kysely<Tables>({ dialect: new SqliteDialect({ database: file }) });
}

/**
 * Brings the schema up to date; safe to run from several processes at once. On PostgreSQL the
 * migrator takes a lock. On SQLite it takes none, so the whole run is one IMMEDIATE transaction:
 * another process migrating the same file waits for it (busy_timeout), then finds nothing to do.
 */
export async function migrate(db: Db): Promise<string[]> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return migrateWith(db);
  return db.connection().execute(async (connection) => {
    await sql`BEGIN IMMEDIATE`.execute(connection);
    try {
      const names = await migrateWith(connection);
      await sql`COMMIT`.execute(connection);
      return names;
    } catch (error) {
      await sql`ROLLBACK`.execute(connection);
      throw error;
    }
  });
}

async function migrateWith(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db as unknown as Kysely<unknown>, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

let shared: Promise<Db> | undefined;

/** The process's database, opened and migrated on first use (the server and the commands). */
export function database(): Promise<Db> {
  shared ??= (async () => {
    const db = openDatabase();
    await migrate(db);
    return db;
  })().catch((error: unknown) => {
    // Not kept: the next use tries again instead of failing for the life of the process.
    shared = undefined;
    throw error;
  });
  return shared;
}
