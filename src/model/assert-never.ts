/**
 * The end of every switch over model node types. A node type added to the model makes each
 * switch that does not handle it fail to compile here, so no renderer silently drops it.
 */
export function assertNever(value: never): never {
  const type = (value as { type?: unknown } | null)?.type;
  throw new Error(`unhandled model node${type === undefined ? '' : ` of type "${String(type)}"`}`);
}
