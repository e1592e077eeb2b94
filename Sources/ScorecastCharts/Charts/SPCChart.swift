/// A Making Data Count XmR chart: values, mean, process limits, optional target, and
/// special-cause points coloured by what they mean.
///
/// Common cause points are grey; special cause improvement blue, concern orange, and
/// special cause on an indicator with no better direction purple (NHSRplotthedots'
/// palette). Special-cause points are also drawn larger and listed in the text
/// alternative, so colour is never the only carrier of the verdict. Mean and limit lines
/// break between rebased segments and where a segment has no limits.
public struct SPCChart: Sendable {
    /// How a point is drawn.
    public enum PointStyle: String, Sendable {
        case commonCause, improvement, concern, neutral
    }

    /// One period of the chart.
    public struct Point: Sendable {
        public var label: String
        public var value: Double
        /// Mean and limits in force at this point (`NaN` when the segment has none).
        public var mean: Double
        public var lower: Double
        public var upper: Double
        public var style: PointStyle
        /// Which rebased segment the point belongs to.
        public var segment: Int
        /// The rule that fired, in words, for special-cause points (e.g. "run of 7 above the mean").
        public var note: String?

        public init(
            label: String, value: Double, mean: Double, lower: Double, upper: Double, style: PointStyle = .commonCause,
            segment: Int = 0, note: String? = nil
        ) {
            self.label = label
            self.value = value
            self.mean = mean
            self.lower = lower
            self.upper = upper
            self.style = style
            self.segment = segment
            self.note = note
        }
    }

    public var title: String
    /// A line under the title, e.g. the variation and assurance verdicts.
    public var subtitle: String?
    /// What the values are (the y-axis title).
    public var valueLabel: String
    public var points: [Point]
    public var target: Double?
    /// Sentences placed first in the text alternative.
    public var summary: String
    public var width: Double = 720
    public var height: Double = 340

    public init(title: String, subtitle: String? = nil, valueLabel: String, points: [Point], target: Double? = nil, summary: String = "") {
        self.title = title
        self.subtitle = subtitle
        self.valueLabel = valueLabel
        self.points = points
        self.target = target
        self.summary = summary
    }

    /// The text alternative: the summary, then every special-cause point.
    public var textAlternative: String {
        var sentences = summary.isEmpty ? [] : [summary]
        guard let first = points.first, let last = points.last else { return "No data." }
        sentences.append("Values from \(first.label) to \(last.label).")
        let special = points.filter { $0.style != .commonCause }
        if special.isEmpty {
            sentences.append("No special-cause points.")
        } else {
            let listed = special.prefix(12).map {
                "\($0.label) (\(NumberText.brief($0.value)), \($0.style == .neutral ? "special cause" : $0.style.rawValue)\($0.note.map { ": " + $0 } ?? ""))"
            }
            sentences.append(
                "Special-cause points: " + listed.joined(separator: "; ") + (special.count > 12 ? "; and \(special.count - 12) more." : "."))
        }
        return sentences.joined(separator: " ")
    }

    /// The legend: only what the chart draws (no limits, improvement or concern entries on a
    /// chart that has none).
    var legendItems: [(label: String, swatch: LegendSwatch)] {
        var items: [(label: String, swatch: LegendSwatch)] = [("Value", .line(Palette.commonCause, dashed: false))]
        if points.contains(where: { $0.mean.isFinite }) { items.append(("Mean", .line(Palette.meanLine, dashed: false))) }
        if points.contains(where: { $0.lower.isFinite || $0.upper.isFinite }) {
            items.append(("Process limits", .line(Palette.limitLine, dashed: true)))
        }
        let styles = Set(points.map(\.style))
        if styles.contains(.improvement) { items.append(("Improvement", .dot(Palette.improvement))) }
        if styles.contains(.concern) { items.append(("Concern", .dot(Palette.concern))) }
        if styles.contains(.neutral) { items.append(("Special cause", .dot(Palette.neutralSpecial))) }
        if target != nil { items.append(("Target", .line(Palette.target, dashed: true))) }
        return items
    }

    /// The chart as a standalone SVG document; `id` must be unique on the page.
    public func svg(id: String) -> String {
        var svg = SVGWriter(width: width, height: height, id: id, title: title, description: textAlternative)
        drawHeading(&svg, title: title, subtitle: subtitle, left: 12)
        let area = PlotArea(
            left: 72, top: 74, width: width - 90, height: height - 130,
            values: points.flatMap { [$0.value, $0.lower, $0.upper] }, including: target.map { [$0] } ?? [],
            categories: points.count)
        drawLegend(
            &svg, x: 12, y: 56,
            items: legendItems)
        area.drawYAxis(&svg, title: valueLabel)
        area.drawCategoryAxis(&svg, labels: points.map(\.label), title: nil)

        // Mean and limits, one run per segment.
        svg.open("g", [("class", "limits"), ("aria-hidden", "true")])
        var start = 0
        while start < points.count {
            var end = start
            while end + 1 < points.count && points[end + 1].segment == points[start].segment { end += 1 }
            let run = Array(points[start...end])
            for (values, colour, dashed) in [
                (run.map(\.mean), Palette.meanLine, false), (run.map(\.lower), Palette.limitLine, true),
                (run.map(\.upper), Palette.limitLine, true),
            ] {
                let path = area.path(values, offset: start)
                guard !path.isEmpty else { continue }
                var attributes = [("d", path), ("fill", "none"), ("stroke", colour), ("stroke-width", dashed ? "1.5" : "1.5")]
                if dashed { attributes.append(("stroke-dasharray", "5 4")) }
                svg.element("path", attributes)
            }
            start = end + 1
        }
        if let target {
            let position = SVGWriter.number(area.y.position(target))
            svg.element(
                "line",
                [
                    ("x1", SVGWriter.number(area.left)), ("x2", SVGWriter.number(area.right)), ("y1", position), ("y2", position),
                    ("stroke", Palette.target), ("stroke-width", "1.5"), ("stroke-dasharray", "2 3"),
                ])
        }
        svg.close()

        svg.element(
            "path",
            [
                ("d", area.path(points.map(\.value))), ("fill", "none"), ("stroke", Palette.commonCause), ("stroke-width", "2"),
                ("aria-hidden", "true"),
            ])
        svg.open("g", [("class", "points")])
        for (index, point) in points.enumerated() where point.value.isFinite {
            let colour: String =
                switch point.style {
                case .commonCause: Palette.commonCause
                case .improvement: Palette.improvement
                case .concern: Palette.concern
                case .neutral: Palette.neutralSpecial
                }
            svg.open(
                "circle",
                [
                    ("cx", SVGWriter.number(area.x(index))), ("cy", SVGWriter.number(area.y.position(point.value))),
                    ("r", point.style == .commonCause ? "3" : "4.5"), ("fill", colour),
                ])
            svg.element("title", [], text: "\(point.label): \(NumberText.brief(point.value))" + (point.note.map { " – " + $0 } ?? ""))
            svg.close()
        }
        svg.close()
        return svg.finish()
    }
}
