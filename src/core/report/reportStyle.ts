/** The report's only stylesheet (inlined in one <style>): system fonts, no url(), print-friendly. */
export const REPORT_CSS = `
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#1f2933;margin:0;background:#f6f7f9}
main{max-width:980px;margin:0 auto;padding:24px 32px;background:#fff}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 8px;padding-top:8px;border-top:2px solid #2d5798}h3{font-size:15px;margin:20px 0 6px}
code,pre{font:12px/1.4 ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere}
pre{background:#f1f3f5;padding:8px 12px;white-space:pre-wrap}
nav ol{columns:3;margin:8px 0 0}a{color:#2d5798}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:8px 0}
.facts dt,caption,.definitions dt{font-weight:600}.facts dd{margin:0;overflow-wrap:anywhere}
.prose{white-space:pre-wrap}.absent,.note,small,caption,footer{color:#6c757d}.note,footer{font-size:12px}
.caveat{background:#fff4e6;border-left:4px solid #d9480f;padding:8px 12px}
.table{overflow-x:auto;margin:8px 0}table{border-collapse:collapse;font-size:13px;min-width:50%}caption{text-align:left;padding:4px 0}
th,td{border-bottom:1px solid #dee2e6;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f1f3f5}
.num{text-align:right;font-variant-numeric:tabular-nums}td.num{white-space:nowrap}small{font-size:11px;white-space:nowrap}
tr.small,tr.major{background:#fff9db}.flag{color:#c92a2a;font-size:11px;white-space:nowrap}.verdict-not-met{color:#c92a2a}.verdict-met{color:#2b8a3e}
figure{margin:12px 0}figure svg{max-width:100%;height:auto}figcaption{font-size:12px}
.definitions dd{margin:0 0 6px 16px}footer{margin-top:32px}
@media print{body{background:#fff;font-size:10pt}main{max-width:none;padding:0}nav{display:none}h2,h3{break-after:avoid}figure,tr,.facts,.caveat{break-inside:avoid}.table{overflow:visible}table{font-size:8pt}a{color:inherit;text-decoration:none}}
`.trim();
