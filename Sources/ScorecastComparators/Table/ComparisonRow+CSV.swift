import ScorecastData

extension ComparisonTable {
    /// The column names, in order: the 24 required columns (interval columns follow the
    /// requested levels), then the extras.
    public func columnNames() -> [String] {
        var names = ["measure", "year", "la_code", "la_name", "value", "numerator", "denominator"]
        for level in options.confidenceLevels {
            let label = ComparisonOptions.label(for: level)
            names += ["lo_\(label)", "hi_\(label)"]
        }
        names += [
            "sn_mean", "sn_median", "sn_min", "sn_max", "region_value", "england_value",
            "rank_england", "rank_sn", "quartile_band", "vs_england", "vs_region",
            "gap_children_sn", "gap_children_england",
            "trend", "interval_method", "interval_note", "polarity", "region", "sn_model", "sn_count",
            "sn_pooled", "sn_total_numerator", "ranked_england", "ranked_sn", "neighbour_codes",
        ]
        return names
    }

    /// Writes `rows` as CSV, header first.
    public func writeCSV(_ rows: [ComparisonRow], to writer: inout CSVWriter) {
        writer.writeRecord(columnNames())
        for row in rows {
            let observation = row.observation
            writer.writeField(row.measure.name)
            writer.writeField(String(row.year))
            writer.writeField(row.area.code)
            writer.writeField(row.area.name)
            writer.writeField(observation.value)
            writer.writeField(observation.numerator)
            writer.writeField(observation.denominator)
            for interval in observation.intervals {
                writer.writeField(interval?.lower ?? .nan)
                writer.writeField(interval?.upper ?? .nan)
            }
            writer.writeField(row.neighbours.mean)
            writer.writeField(row.neighbours.median)
            writer.writeField(row.neighbours.minimum)
            writer.writeField(row.neighbours.maximum)
            writer.writeField(row.regionValue)
            writer.writeField(row.englandValue)
            writer.writeField(row.rankEngland.map(String.init) ?? "")
            writer.writeField(row.rankNeighbours.map(String.init) ?? "")
            writer.writeField(row.quartileBand ?? "")
            writer.writeField(row.versusEngland.rawValue)
            writer.writeField(row.versusRegion.rawValue)
            writer.writeField(row.gapChildrenNeighbours)
            writer.writeField(row.gapChildrenEngland)
            writer.writeField(row.trend.rawValue)
            writer.writeField(observation.intervals.first??.method.rawValue ?? "")
            writer.writeField(observation.note)
            writer.writeField(row.measure.polarity.rawValue)
            writer.writeField(row.area.region)
            writer.writeField(String(options.neighbourModel))
            writer.writeField(String(row.neighbours.count))
            writer.writeField(row.neighbours.pooled)
            writer.writeField(row.neighbours.totalNumerator)
            writer.writeField(String(row.rankedInEngland))
            writer.writeField(String(row.rankedAmongNeighbours))
            writer.writeField(row.neighbourCodes.joined(separator: ";"))
            writer.endRecord()
        }
    }
}
