/// A forecast fan chart: the history, the point forecast and its prediction bands.
///
/// The widest band is drawn first and palest, so nested bands read from the outside in
/// (the Bank of England's fan-chart convention, in two levels: 95% and 80%).
public struct FanChart: Sendable {
    /// One prediction band.
    public struct Band: Sendable {
        public var level: Double
        public var lower: [Double]
        public var upper: [Double]
        public init(level: Double, lower: [Double], upper: [Double]) {
            self.level = level
            self.lower = lower
            self.upper = upper
        }
    }

    public var title: String
    public var subtitle: String?
    public var valueLabel: String
    public var historyLabels: [String]
    public var history: [Double]
    public var forecastLabels: [String]
    public var forecast: [Double]
    public var bands: [Band]
    public var width: Double = 720
    public var height: Double = 340

    public init(
        title: String, subtitle: String? = nil, valueLabel: String, historyLabels: [String], history: [Double],
        forecastLabels: [String], forecast: [Double], bands: [Band]
    ) {
        precondition(historyLabels.count == history.count && forecastLabels.count == forecast.count, "One label per value")
        precondition(bands.allSatisfy { $0.lower.count == forecast.count && $0.upper.count == forecast.count }, "Bands must cover the forecast")
        self.title = title
        self.subtitle = subtitle
        self.valueLabel = valueLabel
        self.historyLabels = historyLabels
        self.history = history
        self.forecastLabels = forecastLabels
        self.forecast = forecast
        self.bands = bands
    }

    /// The text alternative.
    public var textAlternative: String {
        var sentences: [String] = []
        if let lastIndex = history.lastIndex(where: \.isFinite) {
            sentences.append(
                "History from \(historyLabels.first ?? "") to \(historyLabels[lastIndex]); last value \(NumberText.brief(history[lastIndex])).")
        }
        if let last = forecast.indices.last {
            var sentence = "Forecast for \(forecastLabels.count) periods to \(forecastLabels[last]): \(NumberText.brief(forecast[last]))"
            let intervals = bands.sorted { $0.level < $1.level }.map {
                "\(NumberText.format($0.level))% interval \(NumberText.brief($0.lower[last])) to \(NumberText.brief($0.upper[last]))"
            }
            if !intervals.isEmpty { sentence += " (" + intervals.joined(separator: "; ") + ")" }
            sentences.append(sentence + ".")
        }
        return sentences.joined(separator: " ")
    }

    public func svg(id: String) -> String {
        var svg = SVGWriter(width: width, height: height, id: id, title: title, description: textAlternative)
        drawHeading(&svg, title: title, subtitle: subtitle, left: 12)
        let labels = historyLabels + forecastLabels
        let area = PlotArea(
            left: 72, top: 74, width: width - 90, height: height - 130,
            values: history + forecast + bands.flatMap { $0.lower + $0.upper }, categories: labels.count)
        let sortedBands = bands.sorted { $0.level > $1.level }
        drawLegend(
            &svg, x: 12, y: 56,
            items: [("Observed", .line(Palette.series, dashed: false)), ("Forecast", .line(Palette.forecast, dashed: true))]
                + sortedBands.enumerated().filter { _, band in
                    // A band with no finite width draws nothing, so it is not in the legend.
                    zip(band.lower, band.upper).contains { $0.isFinite && $1.isFinite && $1 > $0 }
                }.map {
                    ("\(NumberText.format($0.element.level))% interval", .box($0.offset == 0 ? Palette.band95 : Palette.band80))
                })
        area.drawYAxis(&svg, title: valueLabel)
        area.drawCategoryAxis(&svg, labels: labels, title: nil)
        svg.open("g", [("class", "bands"), ("aria-hidden", "true")])
        for (order, band) in sortedBands.enumerated() {
            svg.element(
                "path",
                [
                    ("d", area.band(lower: band.lower, upper: band.upper, offset: history.count)),
                    ("fill", order == 0 ? Palette.band95 : Palette.band80),
                ])
        }
        svg.close()
        svg.element(
            "path", [("d", area.path(history)), ("fill", "none"), ("stroke", Palette.series), ("stroke-width", "2"), ("aria-hidden", "true")])
        // Join the forecast to the last observation so the line is continuous.
        var joined = [Double](repeating: .nan, count: history.count) + forecast
        if let last = history.last, last.isFinite { joined[history.count - 1] = last }
        svg.element(
            "path",
            [
                ("d", area.path(joined)), ("fill", "none"), ("stroke", Palette.forecast), ("stroke-width", "2"),
                ("stroke-dasharray", "5 3"), ("aria-hidden", "true"),
            ])
        return svg.finish()
    }
}
