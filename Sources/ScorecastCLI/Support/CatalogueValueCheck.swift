import ScorecastCore
import ScorecastData

extension ForecastSource {
    /// `observed`, checked against its catalogue unit: a series the catalogue lists as a count
    /// or a rate cannot hold a negative value (uncatalogued series can: they may be net changes).
    ///
    /// - Throws: ``DataError`` at the series' first row naming the first negative value's
    ///   period, so the whole run stops with nothing written (exit 65).
    func checkedAgainstCatalogue(_ observed: ObservedSeries, file: String) throws -> ObservedSeries {
        guard boundsByCode[observed.name] == .nonNegativeIfObservedSo,
            let index = observed.series.values.firstIndex(where: { $0 < 0 })
        else { return observed }
        throw DataError(
            file: file, series: observed,
            expected:
                "expected the values of \(DataError.quote(observed.name)) (a count or rate in the indicator catalogue) to be at least 0, found \(CSVNumber.format(observed.series.values[index])) in \(observed.series.start.advanced(by: index))"
        )
    }
}
