/**
 * Migration 0009: the receipt indexes every receipt paid for and no query needed (an index audit
 * of the hot path, docs/perf/carriers-vs-kannel.md, session 4).
 *
 * Every query on carrier_receipts but the id lookups asks for held receipts only
 * (`outcome = 'held'`: the submit's own match and the housekeeping job); stats and purge scan by
 * time and used none of them. Both remaining indexes now hold only held rows, so a receipt that
 * matches at once (nearly all of them) writes its row and its primary key and nothing else;
 * `carrier_receipts_message` had no reader at all.
 */
export const SCHEMA_V9_WRITE_INDEXES: readonly string[] = [
  `DROP INDEX carrier_receipts_message`,
  `DROP INDEX carrier_receipts_lookup`,
  `DROP INDEX carrier_receipts_pending`,
  `CREATE INDEX carrier_receipts_held ON carrier_receipts (carrier, carrier_message_id) WHERE outcome = 'held'`,
  `CREATE INDEX carrier_receipts_pending ON carrier_receipts (received_at, id) WHERE outcome = 'held'`,
];
