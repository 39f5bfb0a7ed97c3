/**
 * The UI's only stylesheet, served at /static/app.css. A file of our own (not
 * inline styles) so the Content-Security-Policy can stay `style-src 'self'`.
 */
export const appCss = `
:root { color-scheme: light dark; --muted: #666; --line: #ccc; --mark: #fde68a; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 0 1rem 3rem; }
header { display: flex; gap: 1rem; align-items: center; justify-content: space-between; border-bottom: 1px solid var(--line); padding: .75rem 0; margin-bottom: 1rem; }
header .home { font-weight: 700; text-decoration: none; }
form.search input { padding: .25rem .5rem; min-width: 16rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.muted, .meta { color: var(--muted); }
.pager { display: flex; gap: 1rem; }
.text p { max-width: 48rem; }
mark { background: var(--mark); color: inherit; }
ul.values { margin: 0; padding-left: 1.1rem; }
`;
