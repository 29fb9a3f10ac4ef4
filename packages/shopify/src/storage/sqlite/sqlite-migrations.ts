import { SQLITE_0001_INITIAL } from './migrations/0001-initial';

/** Ordered; append only. Each runs once, in one transaction with its bookkeeping row. */
export const SQLITE_MIGRATIONS: readonly { id: string; statements: readonly string[] }[] = [
  { id: '0001_initial', statements: SQLITE_0001_INITIAL },
];
