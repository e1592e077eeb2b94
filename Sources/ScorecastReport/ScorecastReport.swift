/// The monthly report: one self-contained HTML page, and the CSVs behind it, from an
/// imported scorecard.
///
/// ``ReportPage`` renders plain values (sections of facts, verdicts and SVG charts) as one
/// page with inline CSS and inline SVG: no scripts, fonts or images to fetch, so it opens
/// anywhere and can be e-mailed as one file. The page is also well-formed XML (polyglot
/// XHTML5), which the tests check.
public enum ScorecastReport {}
