/**
 * Parts of a date as ONNX nodes on double days since 1970-01-01: the whole day of the value
 * rounded to float32 (Cast to float, back to double, Floor — as memory's Math.floor(Math.fround)),
 * then Howard Hinnant's civil_from_days with Floor/Div/Mul/Add/Sub, Less/LessOrEqual/Where and
 * Cast — the same integer arithmetic as src/core/recipe/civilDate.ts. Every intermediate value
 * is an integer far below 2^53 and Floor(a / b) of such integers is exact in double. The
 * calendar of one date value is built once, whichever parts are asked for.
 */
import type { OnnxGraph } from '../inference/onnx/modelBuilder';
import type { DatePart } from '../recipe/recipe';

const FLOAT = 1;
const DOUBLE = 11;

interface Civil {
  day: string;
  year: string;
  month: string;
  dayOfMonth: string;
}

export class DatePartsGraph {
  private readonly constants = new Map<number, string>();
  private readonly days = new Map<string, string>();
  private readonly civil = new Map<string, Civil>();

  constructor(private readonly graph: OnnxGraph) {}

  /** The node computing `part` of the date value `x` ([N, 1] double days); `reference` in days for daysSince. */
  part(x: string, part: DatePart, reference: number | null, id: string): string {
    const g = this.graph;
    switch (part) {
      case 'year':
      case 'month':
      case 'dayOfMonth':
        return this.civilOf(x, id)[part];
      case 'dayOfWeek': {
        // (day + 3) mod 7: 1970-01-01 was a Thursday (3 when Monday = 0)
        const s = g.node('Add', [this.dayOf(x, id), this.k(3)], `${id}_day_plus3`);
        return g.node('Sub', [s, g.node('Mul', [this.floorDiv(s, 7, `${id}_weeks`), this.k(7)], `${id}_week_days`)], `${id}__dayOfWeek`);
      }
      case 'daysSince':
        return g.node('Sub', [this.dayOf(x, id), this.k(reference ?? 0)], `${id}__daysSince`);
    }
  }

  private k(v: number): string {
    let name = this.constants.get(v);
    if (!name) {
      name = this.graph.constant(`k${v}`, 'float64', [], [v]);
      this.constants.set(v, name);
    }
    return name;
  }

  private floorDiv(a: string, b: number, prefix: string): string {
    return this.graph.node('Floor', [this.graph.node('Div', [a, this.k(b)], `${prefix}_quotient`)], prefix);
  }

  private dayOf(x: string, id: string): string {
    let day = this.days.get(x);
    if (!day) {
      const single = this.graph.node('Cast', [x], `${id}_days_float32`, { to: { int: FLOAT } });
      day = this.graph.node('Floor', [this.graph.node('Cast', [single], `${id}_days_rounded`, { to: { int: DOUBLE } })], `${id}_day`);
      this.days.set(x, day);
    }
    return day;
  }

  private civilOf(x: string, id: string): Civil {
    const known = this.civil.get(x);
    if (known) return known;
    const g = this.graph;
    const add = (a: string, b: string, p: string) => g.node('Add', [a, b], `${id}_${p}`);
    const sub = (a: string, b: string, p: string) => g.node('Sub', [a, b], `${id}_${p}`);
    const mul = (a: string, v: number, p: string) => g.node('Mul', [a, this.k(v)], `${id}_${p}`);
    const day = this.dayOf(x, id);
    const z = add(day, this.k(719468), 'z'); // days since 0000-03-01
    const era = this.floorDiv(z, 146097, `${id}_era`);
    const doe = sub(z, mul(era, 146097, 'era_days'), 'doe'); // [0, 146096]
    let t = sub(doe, this.floorDiv(doe, 1460, `${id}_doe_1460`), 'yoe_a');
    t = add(t, this.floorDiv(doe, 36524, `${id}_doe_36524`), 'yoe_b');
    t = sub(t, this.floorDiv(doe, 146096, `${id}_doe_146096`), 'yoe_c');
    const yoe = this.floorDiv(t, 365, `${id}_yoe`); // [0, 399]
    const yearStart = sub(add(mul(yoe, 365, 'yoe_days'), this.floorDiv(yoe, 4, `${id}_yoe_4`), 'yoe_leap'), this.floorDiv(yoe, 100, `${id}_yoe_100`), 'year_start');
    const doy = sub(doe, yearStart, 'doy'); // [0, 365], from March 1st
    const mp = this.floorDiv(add(mul(doy, 5, 'doy5'), this.k(2), 'doy5_2'), 153, `${id}_mp`); // [0, 11]
    const monthStart = this.floorDiv(add(mul(mp, 153, 'mp153'), this.k(2), 'mp153_2'), 5, `${id}_month_start`);
    const dayOfMonth = g.node('Add', [sub(doy, monthStart, 'doy_in_month'), this.k(1)], `${id}__dayOfMonth`);
    const month = g.node('Where', [g.node('Less', [mp, this.k(10)], `${id}_march_to_dec`), add(mp, this.k(3), 'mp_3'), sub(mp, this.k(9), 'mp_9')], `${id}__month`);
    const january = g.node('Cast', [g.node('LessOrEqual', [month, this.k(2)], `${id}_jan_feb`)], `${id}_next_year`, { to: { int: DOUBLE } });
    const year = g.node('Add', [add(yoe, mul(era, 400, 'era_years'), 'year_from_march'), january], `${id}__year`);
    const civil = { day, year, month, dayOfMonth };
    this.civil.set(x, civil);
    return civil;
  }
}
