import {
  DataTypeNode,
  OperationNodeTransformer,
  type ColumnDataType,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

/**
 * The migrations name SQLite's column types, and a released migration keeps its text. On PostgreSQL the same names
 * would mean something else: SQLite's `integer` holds 64 bits (timestamps in ms, amounts in öre) where PostgreSQL's
 * holds 32, `blob` does not exist there, and `real` there is 32-bit where SQLite's is a double.
 */
const POSTGRES_TYPE: Partial<Record<string, ColumnDataType>> = {
  integer: 'bigint',
  blob: 'bytea',
  real: 'double precision',
};

class ColumnTypeTransformer extends OperationNodeTransformer {
  protected override transformDataType(node: DataTypeNode): DataTypeNode {
    const mapped = POSTGRES_TYPE[node.dataType];
    return mapped === undefined ? node : DataTypeNode.create(mapped);
  }
}

/** Maps SQLite's column types to PostgreSQL's in CREATE TABLE and ALTER TABLE (and casts) on a team database. */
export class PostgresColumnTypesPlugin implements KyselyPlugin {
  private readonly transformer = new ColumnTypeTransformer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.transformer.transformNode(args.node);
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}
