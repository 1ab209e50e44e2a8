/** `npm run schemas`: writes schemas/*.json from the zod schemas (a test fails when they are stale). */
import fs from 'node:fs';
import path from 'node:path';
import { jsonSchemas, serialise } from '../lib/json-schemas';

for (const [file, schema] of Object.entries(jsonSchemas())) {
  fs.writeFileSync(path.join('schemas', file), serialise(schema));
  console.log(`wrote schemas/${file}`);
}
