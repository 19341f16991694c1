// ImportError: the one error type a bad model file produces. Its message says what is wrong in
// words a user can act on, prefixed with the file name by parseModelFile.

export class ImportError extends Error {
  override name = 'ImportError';
}
