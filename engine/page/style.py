"""The page's stylesheet: for the screen, and for print (no contents, notes under each
clause, no clause split across pages). System fonts only: nothing is fetched."""

STYLE = """
:root { --ink: #1d1d1d; --paper: #fffdf8; --rule: #d9d2c3; --ok: #1f5f3a; --pending: #8a5a00;
  --bad: #8b1a1a; --info: #33475b; --accent: #7a1f1f; }
* { box-sizing: border-box; }
html { scroll-padding-top: 1em; }
body { margin: 0; color: var(--ink); background: var(--paper);
  font: 16px/1.55 Georgia, "Times New Roman", "DejaVu Serif", serif; }
header { padding: 1.5em 2em 1em; border-bottom: 3px double var(--rule); background: #f6f1e6; }
header h1 { margin: .1em 0; font-size: 1.7em; font-weight: normal; }
.kicker { margin: 0; letter-spacing: .08em; text-transform: uppercase; font-size: .8em;
  color: #6b5f4b; }
.meta { margin: .3em 0; }
.hint, .quiet { color: #5f5a50; font-size: .9em; }
.badge { display: inline-block; padding: 0 .6em; border-radius: 1em; background: var(--accent);
  color: #fff; font-family: system-ui, sans-serif; font-size: .85em; }
/* The state's own colour: alarm only for Default, settled green once Repaid. */
.badge.state-Repaid, .badge.state-Outstanding { background: var(--ok); }
.badge.state-Drafted, .badge.state-ConditionsPending, .badge.state-Closed {
  background: var(--info); }
.badge.state-Default { background: var(--bad); }
.assumed { display: inline-block; padding: 0 .35em; margin-left: .2em; border: 1px solid #b07d00;
  border-radius: 3px; color: #7a5600; background: #fff4d6; font: bold .68em system-ui,
  sans-serif; letter-spacing: .05em; vertical-align: .15em; }
.layout { display: grid; grid-template-columns: 17em minmax(0, 1fr); }
nav#contents { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow: auto;
  padding: 1em 1em 2em 1.5em; border-right: 1px solid var(--rule); font-size: .85em; }
nav#contents ol { list-style: none; padding-left: 0; margin: 0; }
nav#contents li { margin: .15em 0; }
nav#contents .num { display: inline-block; min-width: 2.6em; color: var(--accent); }
nav#contents li.tone-bad a { color: var(--bad); font-weight: bold; }
nav#contents li.tone-pending a { color: var(--pending); }
main { padding: 0 2em 3em; min-width: 0; }
a { color: #1d4f7a; }
h2 { font-weight: normal; border-bottom: 1px solid var(--rule); padding-bottom: .2em; }
h2.article { margin-top: 2em; font-variant: small-caps; letter-spacing: .04em; }
.panel table { border-collapse: collapse; }
.panel th { text-align: left; padding: .15em 1em .15em 0; font-weight: normal; color: #5f5a50; }
.panel td { padding: .15em 0; }
svg.lifecycle { max-width: 100%; height: auto; }
ol.timeline { padding-left: 3em; font-size: .92em; }
ol.timeline li:target { background: #fff4d6; }
ol.timeline .when { color: #5f5a50; }
ol.timeline .cite a { font-family: system-ui, sans-serif; font-size: .85em; }
section.clause { margin: 0; padding: .6em 0 .6em 0; border-top: 1px dotted var(--rule); }
section.clause:target { background: #fff4d6; outline: 2px solid #e0b84a; }
section.clause.depth-1 { margin-left: 1.8em; }
section.clause.depth-2 { margin-left: 3.6em; }
section.clause h3 { margin: .2em 0; font-size: 1em; }
section.clause h3 .num { font-family: system-ui, sans-serif; color: var(--accent);
  text-decoration: none; margin-right: .3em; }
.body { display: grid; grid-template-columns: minmax(0, 38em) minmax(14em, 1fr); gap: 1.5em; }
.body > .text, .body > ul.assumptions { grid-column: 1; margin: .2em 0; text-align: justify;
  hyphens: auto; }
.body > aside.live { grid-column: 2; grid-row: 1 / span 3; }
.not-operative .text { color: #6f6a60; }
aside.live { font: .84em/1.45 system-ui, sans-serif; }
aside.live ul { list-style: none; padding: 0; margin: 0 0 .4em; }
li.note { padding: .25em .5em; margin-bottom: .25em; border-left: 4px solid var(--info);
  background: #f3f1ec; }
li.note.ok { border-color: var(--ok); background: #eef6f0; }
li.note.pending { border-color: var(--pending); background: #fbf3e1; }
li.note.bad { border-color: var(--bad); background: #fbeaea; }
li.note.event { border-color: #b9b2a3; background: transparent; color: #4b463e; }
details.events summary { cursor: pointer; color: #5f5a50; }
aside.live p.model { margin: .3em 0 0; color: #77715f; font-size: .92em; font-style: italic; }
a.seq { color: #8d8677; font-size: .9em; }
table.schedule { border-collapse: collapse; font: .88em system-ui, sans-serif; margin: .5em 0; }
table.schedule th, table.schedule td { border-bottom: 1px solid var(--rule); padding: .2em .8em;
  text-align: left; }
table.schedule td.money { text-align: right; font-variant-numeric: tabular-nums; }
table.schedule tr.paid td { color: var(--ok); }
table.coverage tr.tone-bad td { color: var(--bad); }
p.never { font-size: .9em; }
table.schedule tr.overdue td, table.schedule tr.accelerated td { color: var(--bad); }
footer { padding: 1em 2em; border-top: 3px double var(--rule); color: #5f5a50; font-size: .85em; }
@media (max-width: 900px) { .layout { display: block; } nav#contents { position: static;
  max-height: none; border: 0; } .body { display: block; } }
@media print {
  @page { margin: 18mm 16mm; }
  body { background: #fff; font-size: 10.5pt; }
  .badge, .assumed, li.note, svg.lifecycle { -webkit-print-color-adjust: exact;
    print-color-adjust: exact; }
  .layout { display: block; }
  nav#contents, details.events summary { display: none; }
  details.events > ul { display: block; }
  header { background: none; }
  main { padding: 0; }
  a { color: inherit; text-decoration: none; }
  .body { display: block; }
  aside.live { margin: .3em 0 0 1.5em; }
  section.clause { break-inside: avoid; }
  section.clause:target { background: none; outline: none; }
  h2 { break-after: avoid; }
  svg.lifecycle { max-height: 6cm; }
}
"""
