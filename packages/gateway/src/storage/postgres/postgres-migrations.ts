import { SCHEMA_V1, SCHEMA_V2_ACCESS_TOKENS } from '../internal/schema-v1';
import { SCHEMA_V3_IDEMPOTENCY } from '../internal/schema-v3-idempotency';
import { SCHEMA_V4_DISPATCH, SCHEMA_V5_PROCESSES } from '../internal/schema-v4-dispatch';
import { POSTGRES_SCHEMA_V6_EVENTS } from '../internal/schema-v6-events';
import { SCHEMA_V7_INBOUND } from '../internal/schema-v7-inbound';
import { SCHEMA_V8_QUEUE_INDEXES } from '../internal/schema-v8-queue-indexes';

/** Ordered; append only. */
export const POSTGRES_MIGRATIONS: readonly { id: string; statements: readonly string[] }[] = [
  {
    id: '0001_initial',
    statements: [
      ...SCHEMA_V1,
      // Token buckets shared by every gateway process on this database.
      `CREATE TABLE rate_limit_buckets (
        bucket TEXT PRIMARY KEY,
        tokens DOUBLE PRECISION NOT NULL,
        updated_at BIGINT NOT NULL,
        allowed BOOLEAN NOT NULL
      )`,
    ],
  },
  { id: '0002_access_tokens', statements: SCHEMA_V2_ACCESS_TOKENS },
  { id: '0003_idempotency_scope_and_lock', statements: SCHEMA_V3_IDEMPOTENCY },
  { id: '0004_dispatch', statements: SCHEMA_V4_DISPATCH },
  { id: '0005_gateway_processes', statements: SCHEMA_V5_PROCESSES },
  { id: '0006_events', statements: POSTGRES_SCHEMA_V6_EVENTS },
  { id: '0007_inbound_and_consent', statements: SCHEMA_V7_INBOUND },
  { id: '0008_queue_indexes', statements: SCHEMA_V8_QUEUE_INDEXES },
];
