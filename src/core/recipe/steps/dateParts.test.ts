/**
 * dateParts: the calendar arithmetic against Python's datetime / pandas
 * (scripts/fixtures/make_recipe_step_fixtures.py) and JavaScript's Date on every day of years
 * 1–9999; the float32 day; fitting (names, order, references, errors).
 */
import { describe, expect, it } from 'vitest';
import { buildTable } from '../../data/buildTable';
import { rawFromValues } from '../../data/rawFromValues';
import { InputError } from '../../errors/errors';
import { allRows } from '../../folds/fold';
import { applyRecipe } from '../applyRecipe';
import { civilFromDays, dayOfWeek } from '../civilDate';
import { fitRecipe } from '../fitRecipe';
import fixtures from '../fixtures/recipeSteps.json';
import { datePartValue } from '../operations';
import { referenceDays, type RecipeStep } from '../recipe';

describe('date parts', () => {
  it('match Python datetime and pandas (year, month, day, weekday Monday = 0, days since) from year 1 to 9999', () => {
    const reference = referenceDays(fixtures.dates.reference);
    expect(reference).toBe(10957);
    const got = fixtures.dates.rows.map(([days]) => [
      days,
      datePartValue('year', days, null),
      datePartValue('month', days, null),
      datePartValue('dayOfMonth', days, null),
      datePartValue('dayOfWeek', days, null),
      datePartValue('daysSince', days, reference),
    ]);
    expect(got).toEqual(fixtures.dates.rows);
  });

  it('civil_from_days agrees with Date on every day of years 1–9999, leap days and the epoch included', () => {
    const first = -719162; // 0001-01-01
    const last = 2932896; // 9999-12-31
    let wrong = 0;
    for (let d = first; d <= last; d++) {
      const date = new Date(d * 86_400_000);
      const c = civilFromDays(d);
      if (c.year !== date.getUTCFullYear() || c.month !== date.getUTCMonth() + 1 || c.day !== date.getUTCDate() || dayOfWeek(d) !== (date.getUTCDay() + 6) % 7) wrong++;
    }
    expect(wrong).toBe(0);
    expect(civilFromDays(0)).toEqual({ year: 1970, month: 1, day: 1 });
    expect(civilFromDays(-1)).toEqual({ year: 1969, month: 12, day: 31 });
    expect(civilFromDays(11016)).toEqual({ year: 2000, month: 2, day: 29 });
    expect(dayOfWeek(0)).toBe(3); // Thursday
  });

  it('reads the whole day of the float32 value, as the model does: a time close to midnight can become the next day', () => {
    // 2022-01-08 (day 19000) at 23:59:54 is 19000.99993…: float32 (1/512-day steps at this size) rounds it to 19001
    const late = 19000 + 86394 / 86400;
    expect(Math.fround(late)).toBe(19001);
    expect(datePartValue('dayOfMonth', late, null)).toBe(9);
    expect(datePartValue('dayOfMonth', 19000 + 0.75, null)).toBe(8);
    // before 1970 the day is still the floor: 1969-12-31T18:00 is −0.25
    expect(datePartValue('dayOfMonth', -0.25, null)).toBe(31);
    expect(datePartValue('daysSince', -0.25, 0)).toBe(-1);
    expect(datePartValue('year', NaN, null)).toBeNaN();
  });

  // d: 2020-02-29, 1969-12-31T18:00, 2000-01-03, missing; row 4 is only scored
  const table = buildTable(
    ['d', 'x', 'y'],
    [
      rawFromValues(['2020-02-29', '1969-12-31T18:00:00Z', '2000-01-03', null, '1900-03-01']),
      rawFromValues([1, 2, 3, 4, 5]),
      rawFromValues([0, 1, 0, 1, 0]),
    ],
    5,
  );
  const train = allRows(4);
  const fit = (steps: RecipeStep[]) => fitRecipe(table, { version: 1, steps }, { rows: train, exclude: ['y'] });

  it('replaces the date by its parts, in the order asked; they take later steps; the date input stays', () => {
    const fitted = fit([
      { step: 'impute', columns: ['d'], strategy: 'constant', value: 0 },
      { step: 'dateParts', columns: ['d'], parts: ['dayOfWeek', 'year', 'daysSince', 'month', 'dayOfMonth'], reference: '2000-01-01' },
      { step: 'scale', columns: ['d__year'], method: 'minmax' },
    ]);
    expect(table.columns[0].type).toBe('datetime');
    expect(fitted.inputs).toEqual([
      { column: 'd', columnType: 'datetime' },
      { column: 'x', columnType: 'numeric' },
    ]);
    expect(fitted.features).toEqual(['d__dayOfWeek', 'd__year', 'd__daysSince', 'd__month', 'd__dayOfMonth', 'x']);
    expect(fitted.featureSources).toEqual([['d'], ['d'], ['d'], ['d'], ['d'], ['x']]);
    expect(fitted.columns[0]).toMatchObject({ name: 'd', feature: false, ops: [{ op: 'impute', value: 0 }] });
    expect(fitted.columns[2]).toMatchObject({ name: 'd__year', source: { from: 'datePart', date: { column: 'd', ops: 1 }, part: 'year', reference: null } });
    const f = applyRecipe(fitted, table, allRows(5));
    // Saturday, Wednesday, Monday, Thursday (missing → 1970-01-01), Thursday
    expect(Array.from(f[0])).toEqual([5, 2, 0, 3, 3]);
    // years 2020, 1969, 2000, 1970, 1900 → min–max over training rows 1969..2020
    expect(Array.from(f[1])).toEqual([2020, 1969, 2000, 1970, 1900].map((v) => (v - 1969) / 51));
    expect(Array.from(f[2])).toEqual([7364, -10958, 2, -10957, -36465]);
    expect(Array.from(f[3])).toEqual([2, 12, 1, 1, 3]);
    expect(Array.from(f[4])).toEqual([29, 31, 3, 1, 1]);
  });

  it('explains what it cannot do', () => {
    const bad = (steps: RecipeStep[], message: RegExp) => {
      expect(() => fit(steps)).toThrow(InputError);
      expect(() => fit(steps)).toThrow(message);
    };
    bad([{ step: 'dateParts', columns: ['d'], parts: ['year'] }], /column 'd__year' has missing values in the training rows: add an impute step/);
    bad([{ step: 'dateParts', columns: ['x'], parts: ['year'] }], /step 1 \(dateParts\): column 'x' is numeric; dateParts needs a datetime column/);
    bad(
      [
        { step: 'scale', columns: ['d'], method: 'standard' },
        { step: 'dateParts', columns: ['d'], parts: ['year'] },
      ],
      /step 2 \(dateParts\): dateParts of 'd' must come before its scale step/,
    );
    bad(
      [
        { step: 'dateParts', columns: ['d'], parts: ['year'] },
        { step: 'impute', columns: ['d'], strategy: 'median' },
      ],
      /step 2 \(impute\): column 'd' was split into date parts by step 1/,
    );
    bad(
      [
        { step: 'impute', columns: ['d__year'], strategy: 'median' },
        { step: 'dateParts', columns: ['d'], parts: ['year'] },
      ],
      /step 1 \(impute\): column 'd__year' is created by a later step \(step 2\)/,
    );
    bad([{ step: 'dateParts', columns: ['d'], parts: ['daysSince'] }], /step 1 \(dateParts\): daysSince needs "reference", a date YYYY-MM-DD \(got undefined\)/);
    bad([{ step: 'dateParts', columns: ['d'], parts: ['daysSince'], reference: '2020-02-30' }], /daysSince needs "reference", a date YYYY-MM-DD \(got "2020-02-30"\)/);
    bad([{ step: 'dateParts', columns: ['d'], parts: ['year'], reference: '2020-01-01' }], /"reference" is only used by the daysSince part/);
    bad([{ step: 'dateParts', columns: ['d'], parts: ['week' as 'year'] }], /"parts" must be a non-empty array of year, month, dayOfMonth, dayOfWeek, daysSince/);
    bad([{ step: 'dateParts', columns: ['d'], parts: ['year', 'year'] }], /"parts" lists a part twice/);
  });
});
