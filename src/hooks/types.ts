import type { DataError } from '../cluster/errors';

/** What every data hook returns: the data (never undefined), whether it loaded, and why not. */
export interface DataResult<T> {
  data: T;
  loaded: boolean;
  error?: DataError;
}
