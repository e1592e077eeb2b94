import Foundation
import ScorecastTestSupport
import Testing

@testable import ScorecastCharts

@Suite("Charts")
struct ChartsTests {
    static let months: [String] = (0..<24).map { (index: Int) -> String in
        let month = index % 12 + 1
        return "\(2020 + index / 12)-" + (month < 10 ? "0" : "") + String(month)
    }
    static let hostile = "Referrals <R&D> \"quoted\" 'single' – ✓"

    static func spcChart(labels: [String] = months, title: String = "Contacts") -> SPCChart {
        let points = labels.enumerated().map { index, label in
            SPCChart.Point(
                label: label, value: index == 7 ? .nan : 100 + Double(index % 5) * 3, mean: index < 12 ? 106 : .nan,
                lower: index < 12 ? 90 : .nan, upper: index < 12 ? 122 : .nan,
                style: index == 3 ? .concern : (index == 4 ? .improvement : (index == 5 ? .neutral : .commonCause)),
                segment: index < 12 ? 0 : 1, note: index == 3 ? "below the lower limit" : nil)
        }
        return SPCChart(
            title: title, subtitle: "common cause", valueLabel: "Contacts a month", points: points, target: 110,
            summary: "Summary & more.")
    }

    static func allCharts(title: String) -> [(String, String)] {
        let history = (0..<24).map { 100 + 10 * sin(Double($0)) }
        let fan = FanChart(
            title: title, valueLabel: "Applications", historyLabels: months, history: history,
            forecastLabels: Array(months.prefix(12)), forecast: Array(repeating: 100, count: 12),
            bands: [
                .init(level: 80, lower: Array(repeating: 90, count: 12), upper: Array(repeating: 110, count: 12)),
                .init(level: 95, lower: Array(repeating: 80, count: 12), upper: Array(repeating: 120, count: 12)),
            ])
        let decomposition = DecompositionChart(
            title: title, labels: months,
            components: [
                .init(name: "Observed", values: history), .init(name: "Trend", values: Array(repeating: 100, count: 24)),
                .init(name: "Seasonal", values: history.map { $0 - 100 }), .init(name: "Remainder", values: Array(repeating: .nan, count: 24)),
            ])
        let comparator = ComparatorChart(
            title: title, valueLabel: "Rate per 10,000",
            rows: [
                .init(label: "Southampton", value: 512, lower: 490, upper: 535, role: .local),
                .init(label: "Neighbour <1>", value: 430, lower: 410, upper: 450, role: .neighbour),
                .init(label: "Neighbours' average", value: 450, role: .neighbourAverage),
                .init(label: "South East", value: 420, role: .region), .init(label: "England", value: 498, role: .england),
            ])
        let denominators = stride(from: 1000.0, through: 100_000, by: 1000).map { $0 }
        let funnel = FunnelPlot(
            title: title, valueLabel: "Rate per 10,000", denominatorLabel: "Children aged 0-17", centre: 500,
            points: [
                .init(label: "A & B", denominator: 50_000, value: 560, highlighted: true),
                .init(label: "C", denominator: 20_000, value: 480),
            ],
            limits: [
                .init(
                    level: 95, denominators: denominators, lower: denominators.map { 500 - 4000 / $0.squareRoot() },
                    upper: denominators.map { 500 + 4000 / $0.squareRoot() }),
                .init(
                    level: 99.8, denominators: denominators, lower: denominators.map { 500 - 6200 / $0.squareRoot() },
                    upper: denominators.map { 500 + 6200 / $0.squareRoot() }),
            ])
        return [
            ("spc", spcChart(title: title).svg(id: "spc")), ("fan", fan.svg(id: "fan")), ("decomposition", decomposition.svg(id: "dec")),
            ("comparator", comparator.svg(id: "cmp")), ("funnel", funnel.svg(id: "fun")),
        ]
    }

    @Test func everyChartIsWellFormedAccessibleSVGEvenWithHostileText() throws {
        for (name, svg) in Self.allCharts(title: Self.hostile) {
            let check = try #require(XMLCheck.parse(svg), "\(name) is not well-formed XML")
            #expect(check.root == "svg", "\(name)")
            #expect(check.rootAttributes["role"] == "img", "\(name)")
            #expect(check.rootAttributes["xmlns"] == "http://www.w3.org/2000/svg", "\(name)")
            #expect(check.texts["title"] == Self.hostile, "\(name) title")
            #expect(!(check.texts["desc"] ?? "").isEmpty, "\(name) desc")
            #expect(check.count("text") > 3, "\(name) has axis labels")
            #expect(!svg.contains("nan") && !svg.contains("inf"), "\(name) leaks a non-finite number")
        }
    }

    @Test func theSPCChartDescribesItsSpecialCausePointsAndBreaksLinesAtSegments() throws {
        let chart = Self.spcChart()
        #expect(chart.textAlternative.contains("2020-04 (109, concern: below the lower limit)"))
        #expect(chart.textAlternative.contains("2020-05 (112, improvement)"))
        #expect(chart.textAlternative.hasPrefix("Summary & more."))
        let check = try #require(XMLCheck.parse(chart.svg(id: "x")))
        // 24 periods, one missing: 23 points, each with a tooltip title.
        #expect(check.count("circle") >= 23)
        // The second segment has no limits: mean, lower and upper paths for the first only,
        // plus the value line.
        #expect(check.count("path") == 4)
    }

    @Test func theFanChartTextGivesTheLastForecastAndItsIntervals() {
        let chart = FanChart(
            title: "t", valueLabel: "v", historyLabels: ["2021-07", "2021-08"], history: [10, 12],
            forecastLabels: ["2021-09"], forecast: [11],
            bands: [.init(level: 95, lower: [7], upper: [15]), .init(level: 80, lower: [9], upper: [13])])
        #expect(
            chart.textAlternative
                == "History from 2021-07 to 2021-08; last value 12.0. Forecast for 1 periods to 2021-09: 11.0 (80% interval 9.00 to 13.0; 95% interval 7.00 to 15.0)."
        )
    }

    @Test func theFunnelPlotPlacesTheHighlightedArea() {
        let charts = Self.allCharts(title: "t")
        let funnel = charts.first { $0.0 == "funnel" }!.1
        #expect(funnel.contains("A &amp; B: 560 (children aged 0-17: 50,000), above the 99.8% upper limit."))
    }

    @Test(arguments: [
        (1190.0, 0, "1,190"), (-1234567.891, 2, "-1,234,567.89"), (12.5, 1, "12.5"), (0.004, 2, "0.00"), (-0.001, 1, "0.0"), (Double.nan, 0, "–"),
    ])
    func numbersAreFormattedForReaders(value: Double, decimals: Int, expected: String) {
        #expect(NumberText.format(value, decimals: decimals) == expected)
    }

    @Test(
        arguments: [
            ([3.0, 97.0], [0.0, 20, 40, 60, 80, 100]),
            ([0.12, 0.57], [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]),
            ([5.0, 5.0], [4.4, 4.6, 4.8, 5.0, 5.2, 5.4, 5.6]),
            ([-12.0, 7.0], [-15.0, -10, -5, 0, 5, 10]),
        ] as [([Double], [Double])])
    func scalesUseNiceTicksCoveringTheData(values: [Double], ticks: [Double]) {
        let scale = LinearScale(covering: values, from: 0, to: 100)
        #expect(scale.ticks.count == ticks.count)
        for (tick, expected) in zip(scale.ticks, ticks) { #expect(abs(tick - expected) < 1e-9) }
        #expect(scale.domain.lowerBound <= values.min()! && scale.domain.upperBound >= values.max()!)
        #expect(scale.position(scale.domain.lowerBound) == 0 && scale.position(scale.domain.upperBound) == 100)
    }

    @Test func coordinatesAreShortAndFinite() {
        #expect(SVGWriter.number(12) == "12")
        #expect(SVGWriter.number(12.345) == "12.35")
        #expect(SVGWriter.number(12.5) == "12.5")
        #expect(SVGWriter.escape("<a & 'b'>") == "&lt;a &amp; &apos;b&apos;&gt;")
    }
}
