/** `npm run schemas`: writes schemas/*.json and public/schemas/*.json from the zod schemas (a test fails when they are stale). */
import fs from 'node:fs';
import path from 'node:path';
import { exportSchemas, jsonSchemas, serialise } from '../lib/publish/json-schemas';

const files = { ...Object.fromEntries(Object.entries(jsonSchemas()).map(([file, schema]) => [path.join('schemas', file), schema])), ...Object.fromEntries(Object.entries(exportSchemas()).map(([file, schema]) => [path.join('public', file), schema])) };
for (const [file, schema] of Object.entries(files)) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, serialise(schema));
  console.log(`wrote ${file}`);
}
