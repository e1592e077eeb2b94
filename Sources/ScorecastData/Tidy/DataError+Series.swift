import ScorecastCore

extension DataError {
    /// A problem with a whole series read from `file` (too short for a model, say), placed at
    /// the series' first row.
    public init(file: String, series: ObservedSeries, expected: String) {
        self.init(file: file, line: series.firstLine, column: 1, expected: expected)
    }
}
