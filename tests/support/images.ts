import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(__dirname, '..', 'fixtures', 'images');

/** Small real image files (tests/fixtures/images), as bytes. */
export const imageFixture = (name: 'red.png' | 'blue.jpg' | 'not-an-image.png'): Buffer =>
  readFileSync(join(FIXTURES, name));

export const imageFixturePath = (name: string): string => join(FIXTURES, name);
