/// The small core every other Scorecast module shares: calendar periods and regular series,
/// calendar dates and England's calendar, and the located data error.
///
/// - ``Period`` and ``Frequency``: months, quarters and years, with arithmetic and parsing.
/// - ``TimeSeries``: a regular series with missing values (`NaN`), and ``TimeSeriesError``.
/// - ``CalendarDate``, ``EnglandBankHolidays``, ``SchoolCalendar``, ``EnglandCalendar`` and
///   ``InterventionEvent``: the days that calendar-aware models and reports count.
/// - ``DataError``: bad input, located by file, line and column.
///
/// It depends on nothing but the standard library.
public enum ScorecastCore {}
