/**
 * A throwaway PostgreSQL server for the tests, on a private port and socket folder in a
 * temporary directory. Uses Debian's `postgresql` package, installing it with apt when it is
 * missing and we are root; otherwise says exactly what to run. initdb and postgres refuse to
 * run as root, so as root they run as the `postgres` user the package creates.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const INSTALL = 'apt-get update && apt-get install -y postgresql';

function binDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs.readdirSync(root).filter((name) => fs.existsSync(path.join(root, name, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] && path.join(root, versions[0], 'bin');
}

const isRoot = () => process.getuid?.() === 0;

function ensureInstalled(): string {
  let bin = binDir();
  if (bin) return bin;
  if (!isRoot()) throw new Error(`PostgreSQL is needed for the tests and is not installed. Run: sudo sh -c '${INSTALL}'`);
  console.log('Installing PostgreSQL for the tests (apt-get install postgresql)...');
  execFileSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${INSTALL.replace('install -y', 'install -y --no-install-recommends')}`], { stdio: 'inherit' });
  bin = binDir();
  if (!bin) throw new Error(`Installing PostgreSQL failed. Run: ${INSTALL}`);
  return bin;
}

export type TestPostgres = { url: string; stop: () => Promise<void> };

export async function startPostgres(port = 3354): Promise<TestPostgres> {
  const bin = ensureInstalled();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'subprocessors-pg-'));
  const data = path.join(dir, 'data');
  const asUser = (command: string, args: string[]): [string, string[]] => (isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]);
  if (isRoot()) execFileSync('chown', ['postgres:postgres', dir]);
  execFileSync(...asUser(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']), { stdio: 'ignore' });
  const [command, args] = asUser(path.join(bin, 'postgres'), ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200']);
  const server: ChildProcess = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  server.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const { default: pg } = await import('pg');
  for (let attempt = 0; ; attempt++) {
    try {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.end();
      break;
    } catch (error) {
      if (attempt > 100 || server.exitCode !== null) throw new Error(`PostgreSQL did not start on port ${port}: ${errors || String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    stop: async () => {
      // pg_ctl, not a signal: as root the server runs under runuser, which does not pass signals on.
      const exited = new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once('exit', resolve)));
      execFileSync(...asUser(path.join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'fast', '-s']), { stdio: 'ignore' });
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new, empty database on the test server, so each test file starts clean. */
export async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`drop database if exists ${name}`);
  await client.query(`create database ${name}`);
  await client.end();
  return serverUrl.replace(/\/postgres$/, `/${name}`);
}
