/** Options for reading delimited text. */
export type Delimiter = ',' | ';' | '\t' | '|';

export interface CsvOptions {
  /** Field delimiter; sniffed from the first lines when omitted. */
  delimiter?: Delimiter;
  /** Decimal separator of numbers: `.` (default) or `,` (with `;` or tab delimiters). */
  decimal?: '.' | ',';
}

export const DELIMITER_NAMES: Record<Delimiter, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};
