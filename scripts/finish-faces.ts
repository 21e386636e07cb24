/** Writes the bundled fonts, ready for embedding in a DOCX, to build/faces/ (run by `npm run compile`). */
import { writeFinishedFaces } from '../src/render/docx/embedded-faces.js';

writeFinishedFaces();
