/** Ends an exhaustive switch: the compiler rejects the call once a node type is left unhandled. */
export function assertNever(node: never): never {
  throw new Error(`unhandled node: ${JSON.stringify(node)}`);
}
