import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedFileText, generateSimplifiedPairs } from '../../../src/tagging/simplified-chinese.generator';

/** The committed table is what the generator makes from the installed opencc-js: regenerate it when they differ. */
describe('the generated traditional -> simplified table', () => {
  it('matches what the generator makes from opencc-js', () => {
    const committed = readFileSync(join(__dirname, '../../../src/tagging/simplified-chinese.generated.ts'), 'utf8');
    expect(committed).toBe(generatedFileText(generateSimplifiedPairs()));
  });
});
