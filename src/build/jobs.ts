/**
 * Jobs: what each output file needs. Formats plan jobs (cheap), engines do the heavy rendering.
 * Splitting the two lets the build send every PDF job to one warm worker and every DOCX job to
 * the main thread, whichever format asked for them.
 *
 * A DOCX shows, in its contents, the page numbers the PDF of the same model and layout puts its
 * headings on. So every DOCX needs that PDF laid out: the PDF job's, when the build makes the
 * PDF too, or one laid out for the DOCX alone (`--format docx`), so a DOCX is the same file
 * whichever other formats are built with it.
 */
import type { ReportDocument } from '../model/types.js';
import type { HeadingPages } from '../model/pages.js';
import type { Output } from './formats.js';
import type { Layout } from '../render/shared/options.js';

/** A renderer that turns a model into a file. */
export type Engine = 'pdf' | 'docx';

/** Work toward one output file: bytes already made, or a model for an engine to render. */
export type Job =
  | { suffix: string; bytes: Uint8Array }
  | { suffix: string; engine: Engine; doc: ReportDocument; layout: Layout };

/** A rendered PDF and the page each of its headings starts on. */
export interface PdfRender {
  bytes: Uint8Array;
  headingPages: HeadingPages;
}

/** Renders a PDF in this thread; the engine loads lazily, so `check` never pays for it. */
export async function renderPdfHere(doc: ReportDocument, layout: Layout): Promise<PdfRender> {
  return (await import('../render/pdf/index.js')).renderPdfWithPages(doc, { layout });
}

/**
 * The PDF renders of a build, each model and layout rendered at most once, however many jobs
 * ask for it (its PDF job and the DOCX job of the same model and layout).
 */
export class PdfRenders {
  private readonly made = new Map<ReportDocument, Map<Layout, Promise<PdfRender>>>();

  constructor(private readonly render: (doc: ReportDocument, layout: Layout) => Promise<PdfRender> = renderPdfHere) {}

  /** The PDF of `doc` in `layout`, started on the first request. */
  get(doc: ReportDocument, layout: Layout): Promise<PdfRender> {
    const byLayout = this.made.get(doc) ?? new Map<Layout, Promise<PdfRender>>();
    this.made.set(doc, byLayout);
    let render = byLayout.get(layout);
    if (!render) {
      render = this.render(doc, layout);
      byLayout.set(layout, render);
    }
    return render;
  }
}

/**
 * Renders a DOCX job's file. The DOCX is made while the PDF it takes its contents' page numbers
 * from is still being laid out (in the worker), and waits for it only at the end.
 */
export async function renderDocxJob(doc: ReportDocument, layout: Layout, pdfs: PdfRenders): Promise<Uint8Array> {
  const pages = pdfs.get(doc, layout).then((pdf) => pdf.headingPages);
  // A failed PDF is reported where the DOCX awaits it; if the DOCX fails first, it is not unhandled.
  pages.catch(() => undefined);
  return (await import('../render/docx/index.js')).renderDocx(doc, { layout, pages });
}

/** Runs jobs one after another in this thread. */
export async function runJobs(jobs: readonly Job[]): Promise<Output[]> {
  const pdfs = new PdfRenders();
  const outputs: Output[] = [];
  for (const job of jobs) {
    let bytes: Uint8Array;
    if ('bytes' in job) bytes = job.bytes;
    else if (job.engine === 'pdf') bytes = (await pdfs.get(job.doc, job.layout)).bytes;
    else bytes = await renderDocxJob(job.doc, job.layout, pdfs);
    outputs.push({ suffix: job.suffix, bytes });
  }
  return outputs;
}
