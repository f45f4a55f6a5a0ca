/** Every SF_ variable sfcheck reads is documented in .env.example and the README. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SF_VARIABLES } from '../../src/cli/environment';
import { VERIFY_FLOWS } from '../../src/cli/flows';
import { ROOT } from '../helpers';

describe('docs: SF_ variables and flows', () => {
  const names = [...SF_VARIABLES.map((v) => v.name), 'SF_JWT_KEY_FILE', 'SF_JWT_AUDIENCE'];

  it('.env.example and README.md name every SF_ variable', () => {
    for (const file of ['.env.example', 'README.md']) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const n of names) assert.ok(text.includes(n), `${file} does not mention ${n}`);
    }
  });

  it('README.md has a section per flow', () => {
    const text = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const f of VERIFY_FLOWS) assert.match(text, new RegExp(`^### .*— \`--flow ${f}\`$`, 'm'));
  });
});
