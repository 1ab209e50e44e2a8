import type { TestProject } from 'vitest/node';
import { startPostgres } from '../../../scripts/test-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/** One real PostgreSQL server for the whole unit run; each test file makes its own database on it. */
export default async function setup(project: TestProject) {
  const server = await startPostgres(Number(process.env.TEST_POSTGRES_PORT ?? 3354));
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
