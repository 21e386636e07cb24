/**
 * LibreOffice as a stand-in for Word: convert a .docx to PDF, or open it and edit it as a word
 * processor does, with a Basic macro run headless in a private profile.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { escapeXml } from './xml.js';

/** A private profile, so parallel runs and a desktop LibreOffice do not share (and lock) one. */
function profileArg(work: string): string {
  return `-env:UserInstallation=${pathToFileURL(join(work, 'lo-profile')).href}`;
}

/** Converts `docx` to PDF in `work` and returns the PDF's path. */
export function convertToPdf(docx: string, work: string): string {
  execFileSync('libreoffice', [profileArg(work), '--headless', '--convert-to', 'pdf', '--outdir', work, docx], { stdio: 'pipe', timeout: 400_000 });
  return join(work, docx.replace(/^.*\//, '').replace(/\.docx$/, '.pdf'));
}

/** The text of a PDF, as pdftotext reads it (UTF-8, reading order). */
export function pdfText(pdf: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-']).toString('utf8');
}

/** Basic procedures the macros call: open a file hidden, update the contents, export as PDF and close. */
const LIBRARY = `
Function OpenHidden(url As String) As Object
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden"
  args(0).Value = True
  OpenHidden = StarDesktop.loadComponentFromURL(url, "_blank", 0, args())
End Function

Sub UpdateIndexes(doc As Object)
  indexes = doc.getDocumentIndexes()
  For i = 0 To indexes.getCount() - 1
    indexes.getByIndex(i).update()
  Next
End Sub

Sub ExportPdfAndClose(doc As Object, url As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "FilterName"
  args(0).Value = "writer_pdf_Export"
  doc.storeToURL(url, args())
  doc.close(True)
End Sub
`;

/**
 * Runs `body` as the body of a Basic `Sub Main` in LibreOffice headless, with the procedures of
 * LIBRARY at hand. The macro is the profile's Standard.Module1, which a freshly made profile has;
 * LibreOffice quits when the macro ends. A Basic error would open a dialog and hang, so bodies stay simple.
 */
export function runBasic(work: string, body: string): void {
  const profile = profileArg(work);
  const module = join(work, 'lo-profile', 'user', 'basic', 'Standard', 'Module1.xba');
  if (!existsSync(module)) execFileSync('libreoffice', [profile, '--headless', '--terminate_after_init'], { stdio: 'pipe', timeout: 400_000 });
  const code = `${LIBRARY}\nSub Main\n${body}\n  StarDesktop.terminate()\nEnd Sub\n`;
  writeFileSync(
    module,
    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n' +
      `<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">${escapeXml(code)}</script:module>`,
  );
  execFileSync('libreoffice', [profile, '--headless', 'macro:///Standard.Module1.Main'], { stdio: 'pipe', timeout: 400_000 });
}

/** A file's URL as a Basic string literal. */
export function basicUrl(path: string): string {
  return `"${pathToFileURL(path).href}"`;
}
