/**
 * Validates PDFs with veraPDF against PDF/UA-1 and PDF/A-2a; exits 1 when any rule fails.
 *
 *   npm run validate -- dist/rapport.pdf dist/rapport.plain.pdf
 */
import { describeVerdict, passed, validatePdfs } from './verapdf.js';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run validate -- FILE.pdf ...');
  process.exit(2);
}
const verdicts = validatePdfs(files);
for (const verdict of verdicts) console.log(describeVerdict(verdict).join('\n'));
process.exit(verdicts.every(passed) ? 0 : 1);
