import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFinishedFaces } from '../src/render/docx/embedded-faces.js';
import { finishedFacesDir, fontsDir } from '../src/frame/paths.js';

describe('the DOCX font files compressed by npm run compile (build/faces/)', () => {
  // A build reads a face from build/faces/ instead of compressing it; a missing or stale file
  // there would slow builds down or, worse, embed a font that is not the bundled one.
  it('hold every bundled font, byte for byte what a build would compress now', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'rv-faces-'));
    writeFinishedFaces(fresh);
    const names = readdirSync(fresh).sort();
    expect(names).toHaveLength(readdirSync(fontsDir).filter((f) => f.endsWith('.ttf')).length);
    expect(readdirSync(finishedFacesDir).sort()).toEqual(names);
    for (const name of names) expect(readFileSync(join(finishedFacesDir, name)).equals(readFileSync(join(fresh, name)))).toBe(true);
  });
});
