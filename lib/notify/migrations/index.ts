import type { Migration } from 'kysely';
import * as subscribers from './0001_subscribers';
import * as deliveries from './0002_deliveries';
import * as scopes from './0003_scopes';
import * as requests from './0004_requests';
import * as objections from './0005_objections';
import * as desk from './0006_desk';

/** Listed here rather than read from the folder, so a bundled server finds them too. Add new ones in order. */
export const migrations: Record<string, Migration> = {
  '0001_subscribers': subscribers,
  '0002_deliveries': deliveries,
  '0003_scopes': scopes,
  '0004_requests': requests,
  '0005_objections': objections,
  '0006_desk': desk,
};
