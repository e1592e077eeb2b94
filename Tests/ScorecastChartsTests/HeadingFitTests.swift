import Foundation
import Testing

@testable import ScorecastCharts

/// Chart headings are cut to the chart's width (SVG text does not wrap); the browser check
/// (scripts/check-report) confirms no heading overruns its chart on the real report.
@Suite("Chart headings fit their chart")
struct HeadingFitTests {
    @Test(arguments: [
        // 12 px text in 100 units holds Int(100 / 7.2) = 13 characters.
        ("Contacts", 12.0, 100.0, "Contacts"),
        ("Thirteen char", 12.0, 100.0, "Thirteen char"),
        ("Fourteen chars", 12.0, 100.0, "Fourteen cha…"),
        // A cut never ends in a space before the ellipsis.
        ("Eleven char and more", 12.0, 100.0, "Eleven char…"),
        ("Anything", 12.0, 5.0, "Anything"),
    ])
    func cutsToTheWidth(text: String, fontSize: Double, width: Double, expected: String) {
        #expect(fitted(text, fontSize: fontSize, width: width) == expected)
    }

    @Test func theFanChartSubtitleOfALongModelIsCutAtTheChartsEdge() {
        let model = "mean(ETS(M,N,N) (AICc-weighted), DOTM(α=0.1, θ=3.322), STM(α=0.1, θ=2.0), DOTM(α=0.1, θ=3.322), ARIMA(0,1,0))"
        let chart = FanChart(
            title: "CP6B: 12-month forecast", subtitle: model, valueLabel: "Number", historyLabels: ["2021-07", "2021-08"],
            history: [383, 420], forecastLabels: ["2021-09"], forecast: [415], bands: [])
        let svg = chart.svg(id: "cp6b")
        // 700 units for 12 px text hold 97 characters: 96 of the model's, then the ellipsis.
        let cut = svg.components(separatedBy: "…</text>")[0].components(separatedBy: ">").last!
        #expect(model.hasPrefix(cut) && cut.count >= 90 && cut.count <= 96)
        #expect(!svg.contains(">" + model + "</text>"))
    }
}
