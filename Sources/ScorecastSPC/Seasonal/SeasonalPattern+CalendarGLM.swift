import Foundation
import ScorecastCore
import ScorecastTimeSeries

extension SeasonalPattern {
    /// The design columns that carry the usual seasonal and calendar shape: month or quarter
    /// dummies, Fourier terms, school holidays and working days. The intercept, trend and
    /// intervention events are left in the series: they are the level and its changes, which
    /// SPC is there to see.
    static func isSeasonalOrCalendar(_ column: String) -> Bool {
        column.hasPrefix("month_") || column.hasPrefix("quarter_") || column.hasPrefix("sin_") || column.hasPrefix("cos_")
            || column == "school_holidays" || column == "working_days"
    }

    /// The seasonal and calendar pattern of a fitted calendar GLM, one value per period of
    /// its series.
    ///
    /// The seasonal and calendar part of the linear predictor, `s(t) = Σⱼ xⱼ(t) β̂ⱼ` over the
    /// columns of ``isSeasonalOrCalendar(_:)``, is centred on its mean over the series, then:
    /// - log link (Poisson, negative binomial): multiplicative factors `exp(s(t) − s̄)`;
    /// - identity link (Gaussian): additive offsets `s(t) − s̄`;
    /// - logit link (percentages): additive offsets in percentage points, the fitted value
    ///   less the fitted value with `s(t)` replaced by `s̄`.
    /// So August's school-holiday dip, estimated from the days of holiday in each August,
    /// is taken out, and a trend or a step change is not.
    public init(calendarModel model: FittedCalendarGLM) {
        let names = model.design.columnNames
        let columns = names.indices.filter { Self.isSeasonalOrCalendar(names[$0]) }
        let periods = model.series.periods
        var shape = [Double](repeating: 0, count: periods.count)
        var full = [Double](repeating: 0, count: periods.count)
        for (index, period) in periods.enumerated() {
            let row = model.design.row(for: period)
            for column in columns { shape[index] += row[column] * model.glm.coefficients[column] }
            for column in row.indices { full[index] += row[column] * model.glm.coefficients[column] }
        }
        let centre = shape.isEmpty ? 0 : shape.reduce(0, +) / Double(shape.count)
        switch model.glm.family {
        case .poisson, .quasiPoisson, .negativeBinomial:
            self = .multiplicative(shape.map { exp($0 - centre) })
        case .gaussian:
            self = .additive(shape.map { $0 - centre })
        case .binomial, .quasiBinomial:
            func percent(_ eta: Double) -> Double { 100 / (1 + exp(-min(max(eta, -30), 30))) }
            self = .additive(shape.indices.map { percent(full[$0]) - percent(full[$0] - shape[$0] + centre) })
        }
    }
}
