/**
 * The UI's only stylesheet, served at /static/app.css. A file of our own (not
 * inline styles) so the Content-Security-Policy can stay `style-src 'self'`.
 * Highlight colours are light backgrounds under dark text in both schemes so
 * contrast stays above 7:1; the layer is also told apart by its underline
 * style, not by colour alone.
 */
export const appCss = `
:root { color-scheme: light dark; --fg: #111; --bg: #fff; --muted: #555; --line: #ccc; --link: #0645ad; --focus: #c2410c;
  --mention: #dbeafe; --quote: #fef3c7; --figure: #dcfce7; --date: #f3e8ff; --differs: #fee2e2; --differs-line: #b91c1c; }
@media (prefers-color-scheme: dark) { :root { --fg: #eee; --bg: #151515; --muted: #b5b5b5; --line: #444; --link: #8ab4f8; --focus: #fb923c; } }
* { box-sizing: border-box; }
body { font: 16px/1.55 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; max-width: 76rem; padding: 0 1rem 3rem; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible, summary:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: .5rem; background: var(--bg); padding: .25rem .5rem; z-index: 1; }
header { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; justify-content: space-between; border-bottom: 1px solid var(--line); padding: .75rem 0; margin-bottom: 1rem; }
header .home { font-weight: 700; text-decoration: none; font-size: 1.1rem; }
form.search { display: flex; gap: .25rem; flex: 1 1 16rem; justify-content: flex-end; }
form.search input { padding: .3rem .5rem; min-width: 0; flex: 0 1 18rem; }
form.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin: .5rem 0 1rem; }
form.filters label { display: flex; flex-direction: column; font-size: .9rem; color: var(--muted); }
input, button { font: inherit; }
button { padding: .3rem .75rem; cursor: pointer; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .5rem 0; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
caption { text-align: left; color: var(--muted); font-size: .9rem; padding: .25rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.scroll { overflow-x: auto; }
.muted, .meta { color: var(--muted); }
.pager { display: flex; gap: 1rem; }
.toc { display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: .5rem 0 1rem; }
.badge { display: inline-block; font-size: .8rem; padding: 0 .4rem; border-radius: .6rem; border: 1px solid var(--line); }
.badge.differs { background: var(--differs); color: #111; border-color: var(--differs-line); }
.badge.first { background: var(--figure); color: #111; }
.badge.copy { background: var(--quote); color: #111; }
tr.copy td { color: var(--muted); }
table.figures td.differs { background: var(--differs); box-shadow: inset 3px 0 0 var(--differs-line); }
table.figures td.differs a { color: #7f1d1d; font-weight: 700; }
table.figures tr:target th, table.figures tr:target td { outline: 2px solid var(--focus); }
svg.timeline { width: 100%; max-width: 48rem; height: auto; display: block; }
svg.timeline .axis, svg.timeline .tick { stroke: var(--muted); stroke-width: 1.5; }
svg.timeline text { fill: var(--muted); font-size: 11px; }
svg.timeline .event { fill: #2563eb; stroke: var(--bg); stroke-width: 1.5; }
svg.timeline a:focus-visible .event, svg.timeline a:hover .event { fill: var(--focus); }
ol.events li { margin: .3rem 0; }
ol.events li:target { outline: 2px solid var(--focus); }
ol.events time { font-variant-numeric: tabular-nums; font-weight: 600; }
ul.quotes { list-style: none; padding: 0; }
ul.quotes > li { border-left: 3px solid var(--line); padding-left: .75rem; margin: .75rem 0; }
blockquote { margin: 0; font-style: italic; }
ul.wordings { margin: .2rem 0; font-size: .95rem; }
dl.meta-list { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0 1rem; }
dl.meta-list dt { color: var(--muted); }
dl.meta-list dd { margin: 0; }
.break { overflow-wrap: anywhere; }
.error { color: var(--differs-line); }
fieldset.legend { display: flex; flex-wrap: wrap; gap: .5rem; border: 1px solid var(--line); padding: .4rem .75rem .6rem; margin: 0 0 1rem; }
fieldset.legend legend { color: var(--muted); font-size: .9rem; }
label.swatch { padding: .1rem .5rem; border-radius: .25rem; color: #111; cursor: pointer; }
.text { white-space: pre-wrap; max-width: 46rem; font-size: 1.05rem; line-height: 1.7; overflow-wrap: break-word; }
mark { background: #fde68a; color: #111; }
.hl { color: #111; border-radius: 2px; scroll-margin-top: 30vh; }
.hl-mention { background: var(--mention); border-bottom: 2px solid #1d4ed8; }
.hl-quote { background: var(--quote); border-bottom: 2px dotted #92400e; }
.hl-figure { background: var(--figure); border-bottom: 3px double #15803d; font-weight: 600; }
.hl-date { background: var(--date); border-bottom: 2px dashed #7e22ce; }
.hl:target { outline: 3px solid var(--focus); outline-offset: 1px; box-shadow: 0 0 0 6px rgba(194, 65, 12, .25); }
.article:has(#show-m:not(:checked)) .text .hl-mention,
.article:has(#show-q:not(:checked)) .text .hl-quote,
.article:has(#show-f:not(:checked)) .text .hl-figure,
.article:has(#show-d:not(:checked)) .text .hl-date { background: none; border-bottom: 0; font-weight: inherit; color: inherit; }
ol.items li { margin: .2rem 0; }
ul.removed { padding-left: 1rem; }
.removed-text { white-space: pre-wrap; color: var(--muted); }
ul.messages li.error { color: var(--differs-line); }
@media (max-width: 40rem) {
  body { padding: 0 .6rem 2rem; }
  h1 { font-size: 1.3rem; }
  table.stories td:nth-child(3), table.stories th:nth-child(3) { display: none; }
  dl.meta-list { grid-template-columns: 1fr; }
  dl.meta-list dd { margin-bottom: .3rem; }
}
`;
