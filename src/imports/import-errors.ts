/** An import that cannot start or go on; `code` is stable (the API answers it as a 400 or records it on the import). */
export class ImportError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
