/** The syntax tree of a subpopulation filter such as `sex = Female and age > 40`. */
export type FilterValue = { kind: 'number'; value: number } | { kind: 'text'; value: string; quoted: boolean };

export type ComparisonOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; column: string; op: ComparisonOp; value: FilterValue }
  | { kind: 'in'; column: string; values: FilterValue[]; negated: boolean }
  | { kind: 'missing'; column: string; negated: boolean };
