/// The rectangle a chart plots into, its scales, and the axes drawn around it.
struct PlotArea {
    var left: Double
    var top: Double
    var width: Double
    var height: Double
    /// Vertical scale; its range runs from the bottom of the area to the top.
    var y: LinearScale
    /// Number of evenly spaced categories (periods) along x.
    var categories: Int

    init(left: Double, top: Double, width: Double, height: Double, values: [Double], including: [Double] = [], categories: Int) {
        self.left = left
        self.top = top
        self.width = width
        self.height = height
        self.y = LinearScale(covering: values, including: including, from: top + height, to: top)
        self.categories = categories
    }

    var right: Double { left + width }
    var bottom: Double { top + height }

    /// The x position of category `index` (centred in its slot).
    func x(_ index: Int) -> Double {
        left + (Double(index) + 0.5) * width / Double(max(1, categories))
    }

    /// A path through `(index, value)` points that breaks at missing values.
    func path(_ values: [Double], offset: Int = 0) -> String {
        var commands: [String] = []
        var penDown = false
        for (index, value) in values.enumerated() {
            guard value.isFinite else {
                penDown = false
                continue
            }
            commands.append((penDown ? "L" : "M") + SVGWriter.number(x(index + offset)) + " " + SVGWriter.number(y.position(value)))
            penDown = true
        }
        return commands.joined(separator: " ")
    }

    /// A closed band between `lower` and `upper` over consecutive categories from `offset`.
    func band(lower: [Double], upper: [Double], offset: Int) -> String {
        let indices = lower.indices.filter { lower[$0].isFinite && upper[$0].isFinite }
        guard !indices.isEmpty else { return "" }
        let top = indices.map { SVGWriter.number(x($0 + offset)) + " " + SVGWriter.number(y.position(upper[$0])) }
        let bottom = indices.reversed().map { SVGWriter.number(x($0 + offset)) + " " + SVGWriter.number(y.position(lower[$0])) }
        return "M" + (top + bottom).joined(separator: " L") + " Z"
    }

    /// Horizontal gridlines with tick labels on the left, and the y-axis title.
    func drawYAxis(_ svg: inout SVGWriter, title: String?) {
        svg.open("g", [("class", "y-axis"), ("aria-hidden", "true")])
        for (tick, label) in zip(y.ticks, y.tickLabels) {
            let position = SVGWriter.number(y.position(tick))
            svg.element(
                "line",
                [
                    ("x1", SVGWriter.number(left)), ("x2", SVGWriter.number(right)), ("y1", position), ("y2", position),
                    ("stroke", Palette.grid), ("stroke-width", "1"),
                ])
            svg.element(
                "text",
                [
                    ("x", SVGWriter.number(left - 6)), ("y", position), ("dy", "0.32em"), ("text-anchor", "end"),
                    ("fill", Palette.mutedInk), ("font-size", "11"),
                ], text: label)
        }
        if let title {
            let middle = SVGWriter.number(top + height / 2)
            svg.element(
                "text",
                [
                    ("transform", "translate(\(SVGWriter.number(left - 48)) \(middle)) rotate(-90)"), ("text-anchor", "middle"),
                    ("fill", Palette.ink), ("font-size", "12"),
                ], text: title)
        }
        svg.close()
    }

    /// The x axis line, about `maximumLabels` evenly thinned category labels, and a title.
    func drawCategoryAxis(_ svg: inout SVGWriter, labels: [String], title: String?, maximumLabels: Int = 8) {
        svg.open("g", [("class", "x-axis"), ("aria-hidden", "true")])
        svg.element(
            "line",
            [
                ("x1", SVGWriter.number(left)), ("x2", SVGWriter.number(right)), ("y1", SVGWriter.number(bottom)),
                ("y2", SVGWriter.number(bottom)), ("stroke", Palette.axis), ("stroke-width", "1"),
            ])
        let every = max(1, Int((Double(labels.count) / Double(maximumLabels)).rounded(.up)))
        for index in labels.indices where (labels.count - 1 - index) % every == 0 {
            let position = SVGWriter.number(x(index))
            svg.element(
                "line",
                [
                    ("x1", position), ("x2", position), ("y1", SVGWriter.number(bottom)), ("y2", SVGWriter.number(bottom + 4)),
                    ("stroke", Palette.axis),
                ])
            svg.element(
                "text",
                [
                    ("x", position), ("y", SVGWriter.number(bottom + 16)), ("text-anchor", "middle"),
                    ("fill", Palette.mutedInk), ("font-size", "11"),
                ], text: labels[index])
        }
        if let title {
            svg.element(
                "text",
                [
                    ("x", SVGWriter.number(left + width / 2)), ("y", SVGWriter.number(bottom + 34)), ("text-anchor", "middle"),
                    ("fill", Palette.ink), ("font-size", "12"),
                ], text: title)
        }
        svg.close()
    }
}

/// Draws the chart's visible title and subtitle, each cut with an ellipsis where it would run
/// past the chart's right edge (the whole text stays in the chart's accessible name and
/// description, and in the page around it).
func drawHeading(_ svg: inout SVGWriter, title: String, subtitle: String?, left: Double) {
    let available = svg.width - left - 8
    svg.element(
        "text", [("x", SVGWriter.number(left)), ("y", "20"), ("font-size", "15"), ("font-weight", "bold"), ("fill", Palette.ink)],
        text: fitted(title, fontSize: 15, width: available))
    if let subtitle {
        svg.element(
            "text", [("x", SVGWriter.number(left)), ("y", "38"), ("font-size", "12"), ("fill", Palette.mutedInk)],
            text: fitted(subtitle, fontSize: 12, width: available))
    }
}

/// `text`, or its start and an ellipsis, so that it fits `width` user units at `fontSize`.
///
/// SVG text does not wrap and a server cannot measure it, so the width is bounded: 0.6 em per
/// character is wider than Arial's average (about 0.5 em), so a line fitted this way does not
/// overrun the chart whatever the font substituted for it. Checked in a browser by
/// `scripts/check-report` (no chart text outside its chart).
func fitted(_ text: String, fontSize: Double, width: Double) -> String {
    let characters = Int(width / (0.6 * fontSize))
    guard text.count > characters, characters > 1 else { return text }
    var start = text.prefix(characters - 1)
    while start.last == " " { start = start.dropLast() }
    return start + "…"
}

/// A row of legend keys (swatch and words) starting at (`x`, `y`).
func drawLegend(_ svg: inout SVGWriter, x: Double, y: Double, items: [(label: String, swatch: LegendSwatch)]) {
    svg.open("g", [("class", "legend"), ("aria-hidden", "true")])
    var cursor = x
    for item in items {
        let middle = SVGWriter.number(y)
        switch item.swatch {
        case .line(let colour, let dashed):
            var attributes = [
                ("x1", SVGWriter.number(cursor)), ("x2", SVGWriter.number(cursor + 18)), ("y1", middle), ("y2", middle),
                ("stroke", colour), ("stroke-width", "2"),
            ]
            if dashed { attributes.append(("stroke-dasharray", "4 3")) }
            svg.element("line", attributes)
        case .dot(let colour):
            svg.element("circle", [("cx", SVGWriter.number(cursor + 9)), ("cy", middle), ("r", "4.5"), ("fill", colour)])
        case .box(let colour):
            svg.element(
                "rect",
                [
                    ("x", SVGWriter.number(cursor)), ("y", SVGWriter.number(y - 6)), ("width", "18"), ("height", "12"),
                    ("fill", colour),
                ])
        }
        svg.element(
            "text",
            [
                ("x", SVGWriter.number(cursor + 23)), ("y", middle), ("dy", "0.32em"), ("font-size", "11"),
                ("fill", Palette.ink),
            ], text: item.label)
        cursor += 23 + Double(item.label.count) * 6.2 + 16
    }
    svg.close()
}

/// What a legend key looks like.
enum LegendSwatch {
    case line(String, dashed: Bool)
    case dot(String)
    case box(String)
}
