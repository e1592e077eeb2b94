/// A decomposition chart: one panel per component (observed, trend, seasonal, remainder),
/// stacked with a shared time axis and each with its own scale.
public struct DecompositionChart: Sendable {
    /// One panel.
    public struct Component: Sendable {
        public var name: String
        public var values: [Double]
        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    public var title: String
    public var subtitle: String?
    public var labels: [String]
    public var components: [Component]
    public var width: Double = 720
    public var panelHeight: Double = 110

    public init(title: String, subtitle: String? = nil, labels: [String], components: [Component]) {
        precondition(components.allSatisfy { $0.values.count == labels.count }, "Every component needs one value per label")
        self.title = title
        self.subtitle = subtitle
        self.labels = labels
        self.components = components
    }

    /// The text alternative: each component's range.
    public var textAlternative: String {
        let ranges = components.map { component -> String in
            let finite = component.values.filter(\.isFinite)
            guard let low = finite.min(), let high = finite.max() else { return "\(component.name): no values" }
            return "\(component.name) ranges from \(NumberText.brief(low)) to \(NumberText.brief(high))"
        }
        return "Decomposition of the series from \(labels.first ?? "") to \(labels.last ?? "") into \(components.count) components. "
            + ranges.joined(separator: "; ") + "."
    }

    public func svg(id: String) -> String {
        let height = 56 + Double(components.count) * (panelHeight + 14) + 30
        var svg = SVGWriter(width: width, height: height, id: id, title: title, description: textAlternative)
        drawHeading(&svg, title: title, subtitle: subtitle, left: 12)
        for (index, component) in components.enumerated() {
            let top = 56 + Double(index) * (panelHeight + 14)
            let area = PlotArea(left: 72, top: top, width: width - 90, height: panelHeight, values: component.values, categories: labels.count)
            svg.open("g", [("class", "panel")])
            area.drawYAxis(&svg, title: component.name)
            if index == components.count - 1 {
                area.drawCategoryAxis(&svg, labels: labels, title: nil)
            }
            svg.element(
                "path",
                [
                    ("d", area.path(component.values)), ("fill", "none"), ("stroke", Palette.series), ("stroke-width", "1.5"),
                    ("aria-hidden", "true"),
                ])
            svg.close()
        }
        return svg.finish()
    }
}
