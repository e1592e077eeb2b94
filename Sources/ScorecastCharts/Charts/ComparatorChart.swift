/// A local authority against its comparators: one row per area, a dot for the value and a
/// whisker for its confidence interval, the local authority highlighted.
public struct ComparatorChart: Sendable {
    /// What a row stands for, which sets how it is drawn.
    public enum Role: String, Sendable {
        case local, neighbour, neighbourAverage, region, england
    }

    public struct Row: Sendable {
        public var label: String
        public var value: Double
        /// Interval bounds (`NaN` when there is no interval).
        public var lower: Double
        public var upper: Double
        public var role: Role
        public init(label: String, value: Double, lower: Double = .nan, upper: Double = .nan, role: Role) {
            self.label = label
            self.value = value
            self.lower = lower
            self.upper = upper
            self.role = role
        }
    }

    public var title: String
    public var subtitle: String?
    public var valueLabel: String
    /// The interval's coverage, for the legend and text alternative (e.g. 95).
    public var intervalLevel: Double
    public var rows: [Row]
    public var width: Double = 720

    public init(title: String, subtitle: String? = nil, valueLabel: String, intervalLevel: Double = 95, rows: [Row]) {
        self.title = title
        self.subtitle = subtitle
        self.valueLabel = valueLabel
        self.intervalLevel = intervalLevel
        self.rows = rows
    }

    public var textAlternative: String {
        let parts = rows.map { row -> String in
            var text = "\(row.label): \(NumberText.brief(row.value))"
            if row.lower.isFinite && row.upper.isFinite {
                text += " (\(NumberText.format(intervalLevel))% interval \(NumberText.brief(row.lower)) to \(NumberText.brief(row.upper)))"
            }
            return text
        }
        return "\(valueLabel) by area. " + parts.joined(separator: "; ") + "."
    }

    public func svg(id: String) -> String {
        let rowHeight = 22.0
        let top = 64.0
        let height = top + Double(rows.count) * rowHeight + 48
        var svg = SVGWriter(width: width, height: height, id: id, title: title, description: textAlternative)
        drawHeading(&svg, title: title, subtitle: subtitle, left: 12)
        let labelWidth = 190.0
        let scale = LinearScale(covering: rows.flatMap { [$0.value, $0.lower, $0.upper] }, from: labelWidth, to: width - 20, tickCount: 6)
        let bottom = top + Double(rows.count) * rowHeight
        drawLegend(
            &svg, x: 12, y: 50,
            items: [("Local authority", .dot(Palette.local)), ("Comparators", .dot(Palette.comparator))]
                // The interval is in the legend only when some row draws one.
                + (rows.contains { $0.lower.isFinite && $0.upper.isFinite }
                    ? [("\(NumberText.format(intervalLevel))% interval", .line(Palette.comparator, dashed: false))] : []))
        svg.open("g", [("class", "x-axis"), ("aria-hidden", "true")])
        for (tick, label) in zip(scale.ticks, scale.tickLabels) {
            let x = SVGWriter.number(scale.position(tick))
            svg.element("line", [("x1", x), ("x2", x), ("y1", SVGWriter.number(top)), ("y2", SVGWriter.number(bottom)), ("stroke", Palette.grid)])
            svg.element(
                "text",
                [
                    ("x", x), ("y", SVGWriter.number(bottom + 16)), ("text-anchor", "middle"), ("font-size", "11"),
                    ("fill", Palette.mutedInk),
                ], text: label)
        }
        svg.element(
            "text",
            [
                ("x", SVGWriter.number((labelWidth + width - 20) / 2)), ("y", SVGWriter.number(bottom + 34)),
                ("text-anchor", "middle"), ("fill", Palette.ink),
            ], text: valueLabel)
        svg.close()
        for (index, row) in rows.enumerated() {
            let y = top + (Double(index) + 0.5) * rowHeight
            let colour = row.role == .local ? Palette.local : Palette.comparator
            let emphasised = row.role != .neighbour
            svg.open("g", [("class", "row")])
            svg.element(
                "text",
                [
                    ("x", SVGWriter.number(labelWidth - 10)), ("y", SVGWriter.number(y)), ("dy", "0.32em"), ("text-anchor", "end"),
                    ("font-size", "12"), ("font-weight", emphasised ? "bold" : "normal"), ("fill", Palette.ink),
                ], text: row.label)
            if row.lower.isFinite && row.upper.isFinite {
                svg.element(
                    "line",
                    [
                        ("x1", SVGWriter.number(scale.position(row.lower))), ("x2", SVGWriter.number(scale.position(row.upper))),
                        ("y1", SVGWriter.number(y)), ("y2", SVGWriter.number(y)), ("stroke", colour), ("stroke-width", "2"),
                    ])
            }
            if row.value.isFinite {
                let marker = row.role == .local ? "5.5" : "4"
                if row.role == .neighbourAverage || row.role == .region || row.role == .england {
                    svg.element(
                        "rect",
                        [
                            ("x", SVGWriter.number(scale.position(row.value) - 4.5)), ("y", SVGWriter.number(y - 4.5)),
                            ("width", "9"), ("height", "9"), ("fill", colour),
                        ])
                } else {
                    svg.element(
                        "circle",
                        [
                            ("cx", SVGWriter.number(scale.position(row.value))), ("cy", SVGWriter.number(y)), ("r", marker),
                            ("fill", colour),
                        ])
                }
            }
            svg.close()
        }
        return svg.finish()
    }
}
