/** Deep copies of pdfmake content, which pdfmake mutates while laying it out. */

/** Copies plain objects and arrays; structure tags, functions and other instances are shared. */
export function cloneContent<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => cloneContent(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      // Tags are compared by identity while rendering.
      out[key] = key === '_rv' ? v : cloneContent(v);
    }
    return out as T;
  }
  return value;
}
