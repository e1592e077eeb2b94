/// A funnel plot: each area's rate against its denominator, inside control limits that
/// narrow as the denominator grows (Spiegelhalter, "Funnel plots for comparing
/// institutional performance", Statistics in Medicine 24, 2005).
///
/// The chart draws limits it is given; it computes none.
public struct FunnelPlot: Sendable {
    public struct Point: Sendable {
        public var label: String
        public var denominator: Double
        public var value: Double
        public var highlighted: Bool
        public init(label: String, denominator: Double, value: Double, highlighted: Bool = false) {
            self.label = label
            self.denominator = denominator
            self.value = value
            self.highlighted = highlighted
        }
    }

    /// A pair of control-limit curves at one level, sampled at `denominators`.
    public struct Limits: Sendable {
        public var level: Double
        public var denominators: [Double]
        public var lower: [Double]
        public var upper: [Double]
        public init(level: Double, denominators: [Double], lower: [Double], upper: [Double]) {
            precondition(denominators.count == lower.count && lower.count == upper.count, "One bound per denominator")
            self.level = level
            self.denominators = denominators
            self.lower = lower
            self.upper = upper
        }
    }

    public var title: String
    public var subtitle: String?
    public var valueLabel: String
    public var denominatorLabel: String
    public var centre: Double
    public var points: [Point]
    public var limits: [Limits]
    public var width: Double = 720
    public var height: Double = 400

    public init(
        title: String, subtitle: String? = nil, valueLabel: String, denominatorLabel: String, centre: Double, points: [Point], limits: [Limits]
    ) {
        self.title = title
        self.subtitle = subtitle
        self.valueLabel = valueLabel
        self.denominatorLabel = denominatorLabel
        self.centre = centre
        self.points = points
        self.limits = limits
    }

    public var textAlternative: String {
        var sentences = ["\(points.count) areas; centre line \(NumberText.brief(centre))."]
        for point in points where point.highlighted {
            var placement = "within all limits"
            for band in limits.sorted(by: { $0.level > $1.level }) {
                guard let (lower, upper) = Self.bounds(of: band, at: point.denominator) else { continue }
                if point.value > upper {
                    placement = "above the \(NumberText.format(band.level, decimals: 1))% upper limit"
                    break
                }
                if point.value < lower {
                    placement = "below the \(NumberText.format(band.level, decimals: 1))% lower limit"
                    break
                }
            }
            sentences.append(
                "\(point.label): \(NumberText.brief(point.value)) (\(denominatorLabel.lowercased()): \(NumberText.format(point.denominator))), \(placement)."
            )
        }
        return sentences.joined(separator: " ")
    }

    /// The limits at `denominator`, linearly interpolated between samples.
    static func bounds(of limits: Limits, at denominator: Double) -> (Double, Double)? {
        let samples = limits.denominators
        guard let upperIndex = samples.firstIndex(where: { $0 >= denominator }) else { return nil }
        if upperIndex == 0 { return samples[0] == denominator ? (limits.lower[0], limits.upper[0]) : nil }
        let lowerIndex = upperIndex - 1
        let fraction = (denominator - samples[lowerIndex]) / (samples[upperIndex] - samples[lowerIndex])
        func blend(_ values: [Double]) -> Double { values[lowerIndex] + fraction * (values[upperIndex] - values[lowerIndex]) }
        return (blend(limits.lower), blend(limits.upper))
    }

    public func svg(id: String) -> String {
        var svg = SVGWriter(width: width, height: height, id: id, title: title, description: textAlternative)
        drawHeading(&svg, title: title, subtitle: subtitle, left: 12)
        let left = 72.0, top = 74.0, plotWidth = width - 90, plotHeight = height - 130
        let x = LinearScale(covering: points.map(\.denominator) + [0], from: left, to: left + plotWidth, tickCount: 6)
        let pointValues = points.map(\.value) + [centre]
        let y = LinearScale(covering: pointValues, from: top + plotHeight, to: top)
        let visibleY = y.domain
        drawLegend(
            &svg, x: 12, y: 56,
            items: [
                ("Areas", .dot(Palette.comparator)), ("Highlighted area", .dot(Palette.local)),
                ("Centre", .line(Palette.meanLine, dashed: false)),
            ]
                + limits.sorted { $0.level < $1.level }.map {
                    ("\(NumberText.format($0.level, decimals: 1))% limits", .line(Palette.limitLine, dashed: $0.level < 99))
                })
        svg.open("g", [("class", "axes"), ("aria-hidden", "true")])
        for (tick, label) in zip(y.ticks, y.tickLabels) {
            let position = SVGWriter.number(y.position(tick))
            svg.element(
                "line",
                [
                    ("x1", SVGWriter.number(left)), ("x2", SVGWriter.number(left + plotWidth)), ("y1", position), ("y2", position),
                    ("stroke", Palette.grid),
                ])
            svg.element(
                "text",
                [
                    ("x", SVGWriter.number(left - 6)), ("y", position), ("dy", "0.32em"), ("text-anchor", "end"), ("font-size", "11"),
                    ("fill", Palette.mutedInk),
                ], text: label)
        }
        for (tick, label) in zip(x.ticks, x.tickLabels) {
            let position = SVGWriter.number(x.position(tick))
            svg.element(
                "text",
                [
                    ("x", position), ("y", SVGWriter.number(top + plotHeight + 16)), ("text-anchor", "middle"), ("font-size", "11"),
                    ("fill", Palette.mutedInk),
                ], text: label)
        }
        svg.element(
            "line",
            [
                ("x1", SVGWriter.number(left)), ("x2", SVGWriter.number(left + plotWidth)), ("y1", SVGWriter.number(top + plotHeight)),
                ("y2", SVGWriter.number(top + plotHeight)), ("stroke", Palette.axis),
            ])
        svg.element(
            "text",
            [
                ("x", SVGWriter.number(left + plotWidth / 2)), ("y", SVGWriter.number(top + plotHeight + 34)), ("text-anchor", "middle"),
                ("fill", Palette.ink),
            ], text: denominatorLabel)
        svg.element(
            "text",
            [
                ("transform", "translate(\(SVGWriter.number(left - 48)) \(SVGWriter.number(top + plotHeight / 2))) rotate(-90)"),
                ("text-anchor", "middle"), ("fill", Palette.ink),
            ], text: valueLabel)
        svg.close()

        // Limits are clipped to the plot so huge limits at small denominators stay inside.
        svg.open("clipPath", [("id", "\(id)-plot")])
        svg.element(
            "rect",
            [
                ("x", SVGWriter.number(left)), ("y", SVGWriter.number(top)), ("width", SVGWriter.number(plotWidth)),
                ("height", SVGWriter.number(plotHeight)),
            ])
        svg.close()
        svg.open("g", [("class", "limits"), ("clip-path", "url(#\(id)-plot)"), ("aria-hidden", "true")])
        let centreY = SVGWriter.number(y.position(centre))
        svg.element(
            "line",
            [
                ("x1", SVGWriter.number(left)), ("x2", SVGWriter.number(left + plotWidth)), ("y1", centreY), ("y2", centreY),
                ("stroke", Palette.meanLine), ("stroke-width", "1.5"),
            ])
        for band in limits {
            for bound in [band.lower, band.upper] {
                let commands = zip(band.denominators, bound).compactMap { denominator, value -> String? in
                    guard value.isFinite, denominator >= x.domain.lowerBound, denominator <= x.domain.upperBound else { return nil }
                    let clamped = min(
                        max(value, visibleY.lowerBound - (visibleY.upperBound - visibleY.lowerBound)),
                        visibleY.upperBound + (visibleY.upperBound - visibleY.lowerBound))
                    return SVGWriter.number(x.position(denominator)) + " " + SVGWriter.number(y.position(clamped))
                }
                guard !commands.isEmpty else { continue }
                var attributes = [
                    ("d", "M" + commands.joined(separator: " L")), ("fill", "none"), ("stroke", Palette.limitLine), ("stroke-width", "1.5"),
                ]
                if band.level < 99 { attributes.append(("stroke-dasharray", "5 4")) }
                svg.element("path", attributes)
            }
        }
        svg.close()

        svg.open("g", [("class", "points")])
        for point in points.sorted(by: { !$0.highlighted && $1.highlighted }) where point.value.isFinite && point.denominator.isFinite {
            let cx = SVGWriter.number(x.position(point.denominator)), cy = SVGWriter.number(y.position(point.value))
            svg.open(
                "circle",
                [
                    ("cx", cx), ("cy", cy), ("r", point.highlighted ? "6" : "3.5"), ("fill", point.highlighted ? Palette.local : Palette.comparator),
                    ("fill-opacity", point.highlighted ? "1" : "0.7"),
                ])
            svg.element("title", [], text: "\(point.label): \(NumberText.brief(point.value))")
            svg.close()
            if point.highlighted {
                svg.element(
                    "text",
                    [
                        ("x", SVGWriter.number(x.position(point.denominator) + 9)), ("y", cy), ("dy", "0.32em"), ("font-size", "12"),
                        ("font-weight", "bold"), ("fill", Palette.local),
                    ], text: point.label)
            }
        }
        svg.close()
        return svg.finish()
    }
}
