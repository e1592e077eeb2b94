import ScorecastCore

/// The forecasting models and what they share: the model protocol (a ``ForecastModelSpec``
/// fits a series into a ``FittedForecastModel``, which alone can produce a ``Forecast``), the
/// typed model specification the command line names (``ModelSpecification``), the one
/// forecasting pipeline (``ForecastPipeline``), and one folder per model family.
///
/// Periods, series and the calendar come from `ScorecastCore`.
public enum ScorecastTimeSeries {}
