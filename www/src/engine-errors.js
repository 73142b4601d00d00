// How the package reports problems, normalised for the form. Shared by the page and the
// worker, so it must not import the package itself.

/**
 * Normalises whatever the package threw into `[{ field, code, message }]`.
 * The package throws an Error whose `.errors` lists every problem with its field path.
 */
export function errorList(thrown) {
  const list = thrown && Array.isArray(thrown.errors) ? thrown.errors : null;
  if (list && list.length > 0) {
    return list.map((e) => ({
      field: typeof e.field === 'string' ? e.field : '',
      code: typeof e.code === 'string' ? e.code : 'error',
      message: typeof e.message === 'string' ? e.message : String(e.message),
    }));
  }
  const message = thrown && thrown.message ? thrown.message : String(thrown);
  return [{ field: '', code: 'error', message }];
}
