/// Accessible SVG charts for council reports, drawn by Scorecast itself.
///
/// Each chart takes plain values (labels and numbers, already computed by the models) and
/// returns one standalone SVG document: ``FanChart`` (history, forecast and its 80/95%
/// bands), ``DecompositionChart`` (observed, trend, seasonal, remainder panels),
/// ``SPCChart`` (XmR chart with Making Data Count colours), ``ComparatorChart`` (a local
/// authority against neighbours, region and England, with intervals) and ``FunnelPlot``
/// (rates against denominators within control limits).
///
/// Every chart carries `role="img"`, a `<title>` and a `<desc>` that states in words what
/// the chart shows (its text alternative), labelled axes, and colours that are not the only
/// carrier of meaning (special-cause points are also larger and listed in the description).
/// Output is well-formed XML: all text is escaped.
public enum ScorecastCharts {}
