// Writes schemas/*.json from the declarations in src/core/shapes: `npm run -s schemas` after changing a shape.
// tests/unit/schemas-published.test.ts fails while a committed file differs from what this produces.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { publishedSchemas } from './published-schemas';

for (const [name, schema] of Object.entries(publishedSchemas())) {
  writeFileSync(resolve(import.meta.dirname, '../schemas', name), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schemas/${name}`);
}
