import ScorecastCore

/// Writes series in the tidy observations format.
///
/// One row per period that has a value or a status; a gap with neither is left out (the
/// reader puts it back as `NaN`), so writing and reading back gives the same series. The
/// optional columns are written when `extras` is true.
public enum ObservationWriter {
    /// The header for `columns`, with the optional columns when `extras` is true.
    public static func header(_ columns: ObservationColumns = .standard, extras: Bool) -> [String] {
        extras
            ? [columns.series, columns.period, columns.value, columns.numerator, columns.denominator, columns.status]
            : [columns.series, columns.period, columns.value]
    }

    /// Appends the rows of `observed` to `writer` (no header).
    public static func writeRows(of observed: ObservedSeries, to writer: inout CSVWriter, extras: Bool) {
        let series = observed.series
        for index in series.values.indices {
            let value = series.values[index]
            let status = observed.statuses[index]
            if value.isNaN && status == nil { continue }
            writer.writeField(series.name)
            writer.writeField(series.start.advanced(by: index).description)
            writer.writeField(value)
            if extras {
                writer.writeField(observed.numerators[index])
                writer.writeField(observed.denominators[index])
                writer.writeField(status ?? "")
            }
            writer.endRecord()
        }
    }

    /// The whole file for `series`: header, then every series' rows in order.
    public static func csv(_ series: [ObservedSeries], columns: ObservationColumns = .standard, extras: Bool = true) -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRecord(header(columns, extras: extras))
        for observed in series { writeRows(of: observed, to: &writer, extras: extras) }
        return writer.bytes
    }

    /// The whole file for plain series (no extras).
    public static func csv(_ series: [TimeSeries], columns: ObservationColumns = .standard) -> [UInt8] {
        csv(series.map { ObservedSeries(series: $0) }, columns: columns, extras: false)
    }
}
