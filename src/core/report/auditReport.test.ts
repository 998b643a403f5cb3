/**
 * The audit report of `glassbox report` against its contract (shared/spec/cli.md, "report"):
 * every section, self-contained (checked on the HTML text), charts embedded as inline SVG, at
 * most 5× the snapshot's size, aggregated figures only (no data row), every user string escaped
 * (in HTML and in the charts), the figures equal to the snapshot's, absent or malformed optional
 * parts reported as not recorded.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateSnapshot } from '../experiment/readSnapshot';
import type { Snapshot } from '../experiment/snapshotSchema';
import { auditReport } from './auditReport';
import { escapeHtml } from './escapeHtml';
import { formatInterval, formatNumber } from './reportFormat';
import { barsSpec } from './reportCharts';
import { byteLength, fitCharts, SIZE_FACTOR } from './sizeBudget';
import { compactSvg, isSelfContainedSvg, renderSvg } from './svgChart';
import { externalReferences } from './testing/externalReferences';
import { ROW_SENTINEL, sampleSnapshot } from './testing/sampleSnapshot';

const EVIL = '<script>alert(1)</script>';
const EVIL_GROUP = '<img src=x onerror=alert(1)>';
const HEADINGS = ['Snapshot', 'How to verify', 'Data lineage', 'Model card', 'Evaluation', 'Training', 'Explanations', 'Fairness', 'Drift', 'Environment'];
const CHART_SECTIONS = ['evaluation', 'training', 'explanations', 'fairness', 'drift'];

/** The HTML of one section of the report. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}">`);
  expect(start, `section ${id}`).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start));
}

type Rows = Record<string, unknown>[];

/** The sample with hostile text in the note, the author, a column name (used everywhere a column appears) and a group label. */
function hostileSnapshot(): Snapshot {
  const s = structuredClone(sampleSnapshot());
  s.note = `${EVIL} & "double" 'single'`;
  s.author = '<b>Mallory</b>';
  s.data.columns[1].name = EVIL;
  s.model.mapping[1] = EVIL;
  ((s.drift!.columns as Rows)[1]).name = EVIL;
  ((s.drift!.domainClassifier as { topFeatures: Rows }).topFeatures[0]).name = EVIL;
  ((s.explanations[0].importance as Rows)[0]).name = EVIL;
  ((s.fairness!.groups as Rows)[0]).group = EVIL_GROUP;
  (((s.training!.recipe as { steps: Rows }).steps)[3]).columns = [EVIL];
  return validateSnapshot(JSON.parse(JSON.stringify(s)));
}

describe('the sample snapshot', () => {
  it.each([['rows'], ['tiny'], ['none']] as const)('is schema-valid (embedded data: %s)', (embedded) => {
    const s = sampleSnapshot({ embedded });
    expect(validateSnapshot(JSON.parse(JSON.stringify(s)))).toEqual(s);
    expect(s.training).not.toBeNull();
    expect(s.fairness).not.toBeNull();
    expect(s.drift).not.toBeNull();
    expect(s.explanations).toHaveLength(1);
  });

  it('holds the sentinel cell value in its embedded CSV only when the rows are embedded', () => {
    expect(atob(sampleSnapshot().data.embedded!.content)).toContain(ROW_SENTINEL);
    expect(atob(sampleSnapshot({ embedded: 'tiny' }).data.embedded!.content)).not.toContain(ROW_SENTINEL);
  });
});

describe('auditReport', () => {
  it('has every section, in order, and a table of contents linking to each', async () => {
    const html = await auditReport(sampleSnapshot());
    expect(html.startsWith('<!DOCTYPE html><html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    const positions = HEADINGS.map((h) => html.indexOf(`<h2>${h}</h2>`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const id of ['snapshot', 'verify', 'data', 'model', 'evaluation', 'training', 'explanations', 'fairness', 'drift', 'environment']) {
      expect(html).toContain(`<a href="#${id}">`);
      expect(html).toContain(`<section id="${id}">`);
    }
    expect(html).toMatch(/<h1>Audit report — loan_gbdt\.onnx<\/h1>/);
  });

  it('is self-contained: nothing is loaded, no scripts, one inline stylesheet with a print style', async () => {
    for (const snapshot of [sampleSnapshot(), hostileSnapshot(), sampleSnapshot({ embedded: 'none', bare: true })]) {
      const html = await auditReport(snapshot);
      expect(externalReferences(html)).toEqual([]);
      expect(html).not.toMatch(/<script/i);
      expect(html.match(/<style>/g)).toHaveLength(1);
      expect(html).toContain('@media print{');
      for (const [, value] of html.matchAll(/\s(?:src|href|xlink:href)="([^"]*)"/g)) expect(value).toMatch(/^#/);
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    }
  });

  it('the self-containment check catches what it must and allows namespace URIs and hyperlinks', () => {
    expect(externalReferences('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"></svg><a href="https://example.org">x</a><img src="data:image/png;base64,AA"><use href="#m"/>')).toEqual([]);
    for (const bad of [
      '<img src="https://example.org/a.png">',
      '<img src=a.png>',
      '<link rel="stylesheet" href="s.css">',
      '<iframe srcdoc="x"></iframe>',
      '<div style="background:url(https://example.org/a.png)"></div>',
      "<style>@import 'a.css';</style>",
      '<style>b{background:url( "b.png" )}</style>',
      '<script>fetch("/x")</script>',
      '<script>import("./m.js")</script>',
      '<script src="m.js"></script>',
      '<svg><image xlink:href="https://example.org/a.png"/></svg>',
      '<meta http-equiv="refresh" content="0;url=https://example.org">',
      '<body onload="go()">',
    ]) expect(externalReferences(bad), bad).not.toEqual([]);
  });

  it('embeds at least one chart as inline SVG in each section with figures to draw', async () => {
    const html = await auditReport(sampleSnapshot());
    for (const id of CHART_SECTIONS) expect(section(html, id), id).toMatch(/<figure><div role="img" aria-label="[^"]+"><svg /);
    for (const svg of html.match(/<svg[\s\S]*?<\/svg>/g) ?? []) {
      expect(isSelfContainedSvg(svg)).toBe(true);
      expect(svg).toMatch(/^<svg font-family="system-ui, [^"]*sans-serif" xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    }
    expect(html).not.toContain('left out to keep the report');
    expect(html).not.toContain('could not be drawn');
  });

  it.each([
    ['embedded rows', () => sampleSnapshot()],
    ['tiny embedded data', () => sampleSnapshot({ embedded: 'tiny' })],
    ['referenced data', () => sampleSnapshot({ embedded: 'none' })],
    ['nothing optional and a 39-byte model', () => sampleSnapshot({ embedded: 'none', bare: true })],
  ])('is at most 5× the snapshot’s size (%s)', async (_name, make) => {
    const snapshot = make();
    const html = await auditReport(snapshot);
    // the compact JSON: the smallest file the snapshot can be
    expect(byteLength(html)).toBeLessThanOrEqual(SIZE_FACTOR * byteLength(JSON.stringify(snapshot)));
  });

  it('keeps every chart when the snapshot leaves room, even with tiny embedded data', async () => {
    const html = await auditReport(sampleSnapshot({ embedded: 'tiny' }));
    expect(html.match(/<svg /g)).toHaveLength(6);
  });

  it('contains no data row or value: neither the embedded bytes, a cell value nor the model bytes', async () => {
    const snapshot = sampleSnapshot();
    const html = await auditReport(snapshot);
    expect(html).not.toContain(ROW_SENTINEL);
    expect(html).not.toContain(snapshot.data.embedded!.content.slice(0, 40));
    expect(html).not.toContain(snapshot.model.bytes.slice(0, 24));
    // background row ids are counted, not listed
    expect(section(html, 'explanations')).toContain('100 rows (row ids recorded in the snapshot)');
    expect(section(html, 'explanations')).not.toContain('297');
  });

  it('escapes hostile text in the note, author, column names, recipe values and group labels — in HTML and in the charts', async () => {
    const html = await auditReport(hostileSnapshot());
    expect(html).not.toContain(EVIL);
    expect(html).not.toContain('<b>Mallory</b>');
    expect(html).not.toContain('<img');
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;';
    expect(section(html, 'snapshot')).toContain(`${escaped} &amp; &quot;double&quot; &#39;single&#39;`);
    expect(html).toContain('&lt;b&gt;Mallory&lt;/b&gt;');
    for (const id of ['data', 'model', 'training', 'explanations', 'drift']) expect(section(html, id), id).toContain(escaped);
    expect(section(html, 'fairness')).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // the charts carry the names as escaped SVG text
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs.some((svg) => svg.includes(`>${escaped}</text>`))).toBe(true);
    expect(svgs.some((svg) => svg.includes('>sex = &lt;img src=x onerror'))).toBe(true); // long labels are cut with …
  });

  it('escapes the five characters with one function', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeHtml('plain text, 100%')).toBe('plain text, 100%');
  });

  it('shows the snapshot’s figures as recorded', async () => {
    const snapshot = sampleSnapshot();
    const html = await auditReport(snapshot);
    const metrics = snapshot.evaluation.metrics;
    const ci = metrics.ci as Record<string, [number, number]>;
    expect(formatNumber(metrics.auc as number)).toBe('0.8123');
    expect(section(html, 'evaluation')).toContain(`<td>ROC AUC</td><td class="num">${formatNumber(metrics.auc as number)}</td><td class="num">${formatInterval(ci.auc)}</td>`);
    expect(section(html, 'evaluation')).toContain(`<td>Brier score</td><td class="num">0.1601</td><td class="num">[0.1488, 0.1722]</td>`);
    expect(section(html, 'evaluation')).toContain('<dt>n (rows scored)</dt><dd>600</dd>');
    expect(section(html, 'evaluation')).toContain('<dt>Seed (bootstrap intervals)</dt><dd>7</dd>');
    const data = section(html, 'data');
    expect(data).toContain(snapshot.data.sha256);
    expect(data).toContain('<dt>Size</dt><dd>48,213 bytes (47.1 KB)</dd>');
    expect(data).toContain('<dt>Excluded columns</dt><dd><code>applicant_id</code></dd>');
    expect(data).toContain('<td>approved</td><td>categorical</td><td>target</td>');
    expect(section(html, 'model')).toContain(snapshot.model.sha256);
    expect(section(html, 'model')).toContain('Not validated for business loans or applicants under 18.');
    expect(section(html, 'snapshot')).toContain(`<code>${snapshot.parent}</code>`);
    const training = section(html, 'training');
    expect(training).toContain('0.8094 ± 0.0122');
    expect(training).toContain('<tr><td>Fold 2</td><td class="num">384</td><td class="num">96</td><td class="num">0.8245</td>');
    expect(training).toContain('<dt>Holdout</dt><dd>20.0% of the rows held out</dd>');
    expect(training).toContain('<li><strong>impute</strong> on <code>age</code>, <code>income</code>, <code>employment_years</code> — strategy: <code>&quot;median&quot;</code>, indicator: <code>true</code></li>');
    expect(section(html, 'explanations')).toContain('<td>income</td><td class="num">0.4123</td>');
    const drift = section(html, 'drift');
    expect(drift).toContain(`<dt>Out-of-fold AUC</dt><dd>${formatNumber(0.6812)} (0.5 = current and reference rows are indistinguishable)</dd>`);
    expect(drift).toContain('<td>income</td><td>numeric</td><td>ks</td><td class="num">0.2133</td><td class="num">&lt; 0.0001</td><td class="num">0.2541</td>');
    for (const sentence of snapshot.drift!.summary as string[]) expect(drift).toContain(escapeHtml(sentence));
    expect(section(html, 'environment')).toContain('<code>8677fbb</code>');
  });

  it('gives the fairness verdicts with the four-fifths caveat, flags small groups and carries the definitions', async () => {
    const snapshot = sampleSnapshot();
    const fairness = section(await auditReport(snapshot), 'fairness');
    expect(fairness).toMatch(/<td>sex<\/td><td class="num">0\.1975<\/td><td class="num">0\.6749<\/td><td><strong class="verdict-not-met">not met<\/strong><\/td>/);
    expect(fairness).toMatch(/<td>age<\/td><td class="num">0\.1046<\/td><td class="num">0\.8206<\/td><td><strong class="verdict-met">met<\/strong><\/td>/);
    expect(fairness).toContain('rule of thumb from US employment practice');
    expect(fairness).toContain('not a certificate of fairness');
    expect(fairness).toMatch(/<tr class="small"><td>age<\/td><td>\(60, 85\]<br><strong class="flag">small group<\/strong><\/td><td class="num">20<\/td>/);
    expect(fairness.match(/class="flag"/g)).toHaveLength(1);
    expect(fairness).toContain('<td class="num">0.4100<br><small>[0.3407, 0.4793]</small></td>');
    for (const sentence of snapshot.fairness!.summary as string[]) expect(fairness).toContain(`<li>${escapeHtml(sentence)}</li>`);
    expect(fairness).toContain('<dt>Four-fifths rule</dt>');
    expect(fairness).toContain('<dt>Small group</dt>');
  });

  it('tells how to verify the snapshot', async () => {
    const html = await auditReport(sampleSnapshot({ embedded: 'none' }), { snapshotFile: 'exp 1.json' });
    const verify = section(html, 'verify');
    expect(verify).toContain('<pre><code>glassbox verify --snapshot exp 1.json</code></pre>');
    expect(verify).toContain('references its data without embedding it');
    expect(section(await auditReport(sampleSnapshot()), 'verify')).toContain('embeds its data, so verify can re-score the model');
  });

  it('says “not recorded” for absent optional parts and draws nothing for them', async () => {
    const html = await auditReport(sampleSnapshot({ embedded: 'none', bare: true }));
    for (const [id, what] of [['training', 'Training'], ['explanations', 'Explanations'], ['fairness', 'Fairness'], ['drift', 'Drift']]) {
      expect(section(html, id)).toContain(`<p class="absent">${what}: not recorded in this snapshot.</p>`);
      expect(section(html, id)).not.toContain('<svg');
    }
    expect(section(html, 'data')).toContain('referenced, not embedded');
  });

  it('reads malformed optional parts defensively', async () => {
    const s = structuredClone(sampleSnapshot({ embedded: 'none' }));
    s.training = { kind: 5, params: 'x', recipe: { steps: 'nope' }, cv: { folds: [null, 3, { fold: 'a' }], mean: [] } };
    s.explanations = [{ importance: 'x', rows: { a: 1 } }, { method: 'kernel', importance: [{ name: 'a' }, null, { name: 'b', value: 0.5 }] }];
    s.fairness = { groups: 'x', disparities: [{ attribute: 3, fourFifthsRule: 'yes' }], summary: [1, 'One sentence.'], definitions: [{ name: 'x' }] };
    s.drift = { columns: [1, null, { name: 'a', psi: 'high' }], domainClassifier: { auc: null, topFeatures: 'x' }, rows: null };
    s.evaluation.metrics = { auc: null, n: 10 };
    const html = await auditReport(validateSnapshot(JSON.parse(JSON.stringify(s))));
    expect(html).toContain('<h2>Environment</h2>');
    expect(section(html, 'training')).toContain('Recipe steps: not recorded');
    expect(section(html, 'explanations')).toContain('No aggregated importance recorded for this explanation.');
    expect(section(html, 'fairness')).toContain('Per-group metrics: not recorded');
    expect(section(html, 'fairness')).toContain('<li>One sentence.</li>');
    expect(section(html, 'fairness')).toContain('>undefined</strong>');
    expect(section(html, 'drift')).toContain('<dt>Out-of-fold AUC</dt><dd>—');
    expect(section(html, 'evaluation')).toContain('<td>ROC AUC</td><td class="num">—</td>');
    expect(externalReferences(html)).toEqual([]);
  });

  it('sums up a recorded partial-dependence curve without listing its grid', async () => {
    const s = structuredClone(sampleSnapshot({ embedded: 'none' }));
    s.explanations = [{ kind: 'pdp', feature: 'income <b>', grid: [10000, 20000, 987654321], average: [0.31, 0.25, 0.12], rows: 500, seed: 7 }];
    const html = section(await auditReport(validateSnapshot(JSON.parse(JSON.stringify(s)))), 'explanations');
    expect(html).toContain('<h3>Partial dependence on income &lt;b&gt;</h3>');
    expect(html).toContain('<dd>3</dd>');
    expect(html).toContain('0.1200 to 0.3100');
    expect(html).not.toContain('987654321');
  });

  it('is deterministic: the same snapshot gives the same bytes', async () => {
    expect(await auditReport(sampleSnapshot())).toBe(await auditReport(sampleSnapshot()));
  });
});

describe('the size budget', () => {
  it('adds charts in order while they fit, skipping one that does not for a later smaller one', () => {
    const slots = [
      { figure: 'x'.repeat(50), fallback: 'f' },
      { figure: 'x'.repeat(500), fallback: 'f' },
      { figure: 'x'.repeat(20), fallback: 'f' },
      { figure: null, fallback: 'f' },
    ];
    expect(fitCharts(100, slots, 200)).toEqual(['x'.repeat(50), 'f', 'x'.repeat(20), 'f']);
    expect(fitCharts(100, slots, 103)).toEqual(['f', 'f', 'f', 'f']);
  });
});

describe('the charts', () => {
  it('are drawn headlessly to compact, self-contained SVG with vega escaping the labels', async () => {
    const svg = await renderSvg(barsSpec('test', [{ name: EVIL, value: 1 }, { name: `a&b "c" 'd'`, value: 2 }], 'Value'));
    expect(svg).not.toBeNull();
    expect(svg).not.toContain(EVIL);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('a&amp;b');
    expect(svg).not.toMatch(/class=|aria-roledescription|\d\.\d{3,}"/);
    expect(isSelfContainedSvg(svg!)).toBe(true);
  });

  it('refuses SVG that refers outside itself', () => {
    expect(isSelfContainedSvg('<svg xmlns="http://www.w3.org/2000/svg"><path clip-path="url(#c)"/></svg>')).toBe(true);
    for (const bad of ['<svg><image href="a.png"/></svg>', '<svg><path fill="url(https://x/p)"/></svg>', '<svg><script>1</script></svg>', '<svg><foreignObject/></svg>', '<svg><style>@import "a.css";</style></svg>']) {
      expect(isSelfContainedSvg(bad), bad).toBe(false);
    }
  });

  it('compacts SVG tag by tag, leaving text alone', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><g><g class="a" transform="translate(1.23456,0)"><text font-family="sans-serif" opacity="1">x class="y" 1.23456</text></g></g></svg>';
    expect(compactSvg(svg)).toBe('<svg font-family="sans-serif" xmlns="http://www.w3.org/2000/svg"><g transform="translate(1.23,0)"><text>x class="y" 1.23456</text></g></svg>');
  });
});

describe('the report engine', () => {
  it('uses no Node or DOM API, so it runs in a Web Worker too', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (name !== 'testing') walk(path);
        } else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) files.push(path);
      }
    };
    walk(__dirname);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/from 'node:|require\(|\bdocument\.|\bwindow\.|\bBuffer\b|\bprocess\./);
    }
  });
});
