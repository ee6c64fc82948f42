/** The dashboard's only stylesheet: system fonts, one column, tables that turn into cards below 640 px. */
export const STYLES = `
:root { --ink:#1d2330; --muted:#5b6475; --line:#d9dee7; --bg:#f5f7fa; --card:#fff; --accent:#2457d6; --danger:#b42318; --ok:#067647; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:var(--ink); background:var(--bg); }
a { color:var(--accent); }
header.top { background:var(--card); border-bottom:1px solid var(--line); }
header.top .bar { max-width:1040px; margin:0 auto; padding:10px 16px; display:flex; flex-wrap:wrap; gap:8px 20px; align-items:center; }
header.top .brand { font-weight:700; text-decoration:none; color:var(--ink); margin-right:auto; }
header.top nav { display:flex; flex-wrap:wrap; gap:4px 14px; align-items:center; }
header.top nav a { text-decoration:none; color:var(--muted); padding:4px 0; }
header.top nav a[aria-current=page] { color:var(--ink); font-weight:600; border-bottom:2px solid var(--accent); }
main { max-width:1040px; margin:0 auto; padding:20px 16px 48px; }
main.narrow { max-width:440px; }
h1 { font-size:1.5rem; margin:0 0 16px; }
h2 { font-size:1.1rem; margin:0 0 12px; }
.card { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:18px; margin-bottom:18px; }
label { display:block; font-weight:600; margin:0 0 4px; }
.field { margin-bottom:14px; }
input[type=text],input[type=email],input[type=password],select,input[type=file] { width:100%; padding:9px 10px; border:1px solid var(--line); border-radius:7px; font:inherit; background:#fff; }
fieldset { border:0; padding:0; margin:0 0 14px; }
fieldset label { display:inline-flex; gap:6px; align-items:center; font-weight:400; margin-right:16px; }
fieldset.choices label { display:flex; margin:0 0 6px; }
fieldset.choices p { margin:4px 0 0; font-size:.9rem; }
.row { display:flex; flex-wrap:wrap; gap:12px; align-items:flex-end; }
.row > .field { flex:1 1 180px; }
button,.button { display:inline-block; padding:9px 16px; border-radius:7px; border:1px solid var(--accent); background:var(--accent); color:#fff; font:inherit; font-weight:600; cursor:pointer; text-decoration:none; }
button.secondary,.button.secondary { background:#fff; color:var(--accent); }
button.danger { background:#fff; color:var(--danger); border-color:var(--danger); padding:5px 10px; font-size:.9rem; }
button.link { background:none; border:0; color:var(--muted); padding:4px 0; font-weight:400; }
form.inline { display:inline; margin:0; }
.muted { color:var(--muted); }
.error { background:#fef3f2; border:1px solid #fecdca; color:var(--danger); padding:10px 12px; border-radius:7px; margin-bottom:14px; }
.notice { background:#ecfdf3; border:1px solid #abefc6; padding:14px; border-radius:10px; margin-bottom:18px; }
.secret { display:flex; gap:8px; align-items:stretch; margin:8px 0 12px; }
.secret code, pre { flex:1; background:#fff; border:1px solid var(--line); border-radius:7px; padding:9px 10px; overflow-x:auto; white-space:pre; font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace; }
pre { margin:8px 0 0; white-space:pre-wrap; word-break:break-all; }
table { width:100%; border-collapse:collapse; }
th,td { text-align:left; padding:9px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-size:.8rem; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); }
td.actions { text-align:right; white-space:nowrap; }
td code { white-space:nowrap; }
.tag { display:inline-block; padding:1px 8px; border-radius:99px; background:#eef2ff; color:#3538cd; font-size:.8rem; margin-right:4px; }
.tag.off { background:#f2f4f7; color:var(--muted); }
.tag.warn { background:#fffaeb; color:#b54708; }
.empty { color:var(--muted); padding:8px 0; }
dl.facts { display:grid; grid-template-columns:max-content 1fr; gap:8px 20px; margin:0; }
dl.facts dt { color:var(--muted); }
dl.facts dd { margin:0; overflow-wrap:anywhere; }
iframe.rendering { display:block; width:100%; height:70vh; border:1px solid var(--line); border-radius:7px; background:#fff; }
.live-state { float:right; }
.consent .client { font-size:1.2rem; font-weight:700; }
.consent ul { padding-left:20px; }
.buttons { display:flex; gap:10px; flex-wrap:wrap; }
@media (max-width:640px) {
  table.stack thead { display:none; }
  table.stack tr { display:block; border:1px solid var(--line); border-radius:8px; margin-bottom:10px; padding:6px 10px; background:#fff; }
  table.stack td { display:flex; justify-content:flex-end; align-items:baseline; flex-wrap:wrap; gap:4px; border:0; padding:4px 0; text-align:right; }
  table.stack td::before { content:attr(data-label); color:var(--muted); font-size:.85rem; text-align:left; margin-right:auto; padding-right:12px; }
  table.stack td code { white-space:normal; word-break:break-all; }
  table.stack td.actions { justify-content:flex-end; }
  table.stack td.actions::before { content:none; }
}
`;
