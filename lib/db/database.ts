/**
 * The little the store needs from a database: both PGlite and node-postgres speak
 * PostgreSQL with `$1` placeholders, so one set of queries serves both.
 */
export type Params = readonly (string | number | boolean | Date | null)[]

export interface Queryable {
  query<Row>(text: string, params?: Params): Promise<Row[]>
  /**
   * Runs a script of several statements without parameters (migrations, the job queue's own
   * schema), giving back the rows of its last statement.
   */
  exec<Row = unknown>(script: string): Promise<Row[]>
}

export interface Database extends Queryable {
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
  readonly kind: 'pglite' | 'postgres'
}
