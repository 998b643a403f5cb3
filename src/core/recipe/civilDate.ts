/**
 * Calendar dates from day numbers (days since 1970-01-01, proleptic Gregorian calendar, UTC) by
 * Howard Hinnant's `civil_from_days` (http://howardhinnant.github.io/date_algorithms.html):
 * only floor divisions, products and differences of integers, so the ONNX graph computes the
 * same numbers (src/core/export/datePartsGraph.ts, in double, where every intermediate integer
 * and every floor of a quotient of such integers is exact).
 */

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** The date of whole day number `days`. */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468; // days since 0000-03-01
  const era = Math.floor(z / 146097); // 400-year eras
  const doe = z - era * 146097; // [0, 146096]
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365); // [0, 399]
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // [0, 365], from March 1st
  const mp = Math.floor((5 * doy + 2) / 153); // [0, 11], March = 0
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Monday … 6 = Sunday (pandas' dayofweek); 1970-01-01 was a Thursday. */
export function dayOfWeek(days: number): number {
  const shifted = days + 3;
  return shifted - 7 * Math.floor(shifted / 7);
}
