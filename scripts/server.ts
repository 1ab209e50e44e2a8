import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** Starts `next start` in its own process group, so `stop` ends it with its children. */
export function startNext(cwd: string, port: number, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(path.join(process.cwd(), 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', 'localhost'], { cwd, env, stdio: 'ignore', detached: true });
}

/** Waits until something answers on the port, for at most 20 s. */
export async function waitFor(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    if (await fetch(`http://localhost:${port}/`, { redirect: 'manual' }).then(() => true, () => false)) return;
  }
  throw new Error(`server on ${port} did not start`);
}

export const stop = (server: ChildProcess) => process.kill(-server.pid!);
