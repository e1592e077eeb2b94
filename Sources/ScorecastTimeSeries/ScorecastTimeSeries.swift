/// Time series and the forecasting models that fit them.
///
/// The frame: ``Period`` and ``Frequency`` (calendar-aware periods), ``TimeSeries`` (a regular
/// series with missing values), and the model protocol: a ``ForecastModelSpec`` fits a series
/// into a ``FittedForecastModel``, which alone can produce a ``Forecast``. Each model family
/// lives in its own folder.
public enum ScorecastTimeSeries {}
