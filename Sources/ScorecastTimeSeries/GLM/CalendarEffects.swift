import ScorecastNumerics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One row of an effects table: a term's effect as a percentage change with its interval, or a
/// diagnostic statistic.
public struct CalendarEffect: Sendable, Equatable {
    /// `school_holidays`, `working_day`, `event_<name>`, `month_01` ... `month_12`, or a
    /// diagnostic (`dispersion`, `theta`, `ljung_box`, `aicc`, `observations`).
    public var term: String
    /// The effect in percent (NaN for diagnostics).
    public var estimatePercent: Double
    public var lower: Double
    public var upper: Double
    /// The effect on the link scale (NaN for diagnostics).
    public var coefficient: Double
    public var standardError: Double
    /// Two-sided p-value of the effect (Wald), or of a diagnostic test.
    public var pValue: Double
    /// A diagnostic's value (NaN for effects).
    public var value: Double

    static func diagnostic(_ term: String, value: Double, pValue: Double = .nan) -> CalendarEffect {
        CalendarEffect(
            term: term, estimatePercent: .nan, lower: .nan, upper: .nan, coefficient: .nan,
            standardError: .nan, pValue: pValue, value: value)
    }
}

extension FittedCalendarGLM {
    /// The quantile for a two-sided interval at `level` (in (0, 1)): normal when the dispersion
    /// is known, Student's t on the residual degrees of freedom when it is estimated.
    func criticalValue(level: Double) -> Double {
        let upper = 1 - (1 - level) / 2
        if usesStudentT && glm.residualDegreesOfFreedom > 0 {
            // t²(ν) is F(1, ν): the two-sided t quantile from the F quantile.
            return FDistribution.quantile(level, numeratorDegrees: 1, denominatorDegrees: Double(glm.residualDegreesOfFreedom)).squareRoot()
        }
        return Normal.standardQuantile(upper)
    }

    /// A contrast a·β on the link scale as a percentage change, at the fitted mean level.
    ///
    /// Log link: 100 (exp(c) − 1). Identity link: 100 c / ȳ, with ȳ the mean fitted value.
    /// Logit link: the relative change of the percentage, taken at the mean fitted proportion.
    func percentChange(_ contrast: Double) -> Double {
        switch glm.family {
        case .poisson, .quasiPoisson, .negativeBinomial:
            return 100 * expm1(contrast)
        case .gaussian:
            let level = glm.fittedMeans.reduce(0, +) / Double(glm.fittedMeans.count)
            return 100 * contrast / level
        case .binomial, .quasiBinomial:
            let level = glm.fittedMeans.reduce(0, +) / Double(glm.fittedMeans.count)
            let logit = log(level / (1 - level))
            let shifted = 1 / (1 + exp(-(logit + contrast)))
            return 100 * (shifted / level - 1)
        }
    }

    /// An effect row for the contrast `weights · β`.
    func effect(term: String, weights: [Double], level: Double) -> CalendarEffect {
        let covariance = coefficientCovariance
        var estimate = 0.0, variance = 0.0
        for j in weights.indices where weights[j] != 0 {
            estimate += weights[j] * glm.coefficients[j]
            for k in weights.indices where weights[k] != 0 { variance += weights[j] * covariance[j, k] * weights[k] }
        }
        let standardError = variance.squareRoot()
        let critical = criticalValue(level: level)
        let statistic = abs(estimate / standardError)
        let pValue: Double
        if usesStudentT && glm.residualDegreesOfFreedom > 0 {
            pValue = 1 - FDistribution.cdf(statistic * statistic, numeratorDegrees: 1, denominatorDegrees: Double(glm.residualDegreesOfFreedom))
        } else {
            pValue = 2 * Normal.cdf(-statistic)
        }
        // The transformation is decreasing when the mean level is negative (identity link,
        // 100 c / ȳ with ȳ < 0): the interval's ends are the two transformed bounds in order.
        let ends = (percentChange(estimate - critical * standardError), percentChange(estimate + critical * standardError))
        return CalendarEffect(
            term: term, estimatePercent: percentChange(estimate),
            lower: min(ends.0, ends.1), upper: max(ends.0, ends.1),
            coefficient: estimate, standardError: standardError, pValue: pValue, value: .nan)
    }

    /// The effects table: `school_holidays` (all-holiday month against all-term month),
    /// `working_day` (one extra working day), each intervention event, the month-of-year (or
    /// quarter) factors, then diagnostics.
    ///
    /// A month factor is the model's seasonal and calendar contribution for that calendar month
    /// (its seasonal terms, plus the calendar regressors at their average for that month over
    /// the fit sample) relative to the average month: `month_08` of −14 means August runs 14%
    /// below an average month, school holidays included. Intervals are Wald intervals on the
    /// link scale (t intervals when the dispersion is estimated or adjusted, see
    /// ``FittedCalendarGLM/dispersionAdjustment``), transformed.
    ///
    /// Diagnostics: `dispersion` (Pearson χ² / residual df; about 1 when the family fits),
    /// `theta` (negative binomial, with its standard error), `ljung_box` (Ljung–Box Q on the
    /// Pearson residuals at lag min(2m, n/5), at least 1, with its χ² p-value: a small p-value
    /// means autocorrelation the model leaves unexplained), `aicc`, `observations`.
    ///
    /// - Parameter level: interval coverage in (0, 1).
    public func effects(level: Double = 0.95) -> [CalendarEffect] {
        let names = design.columnNames
        let p = names.count
        var rows: [CalendarEffect] = []
        func unit(_ index: Int) -> [Double] {
            var weights = [Double](repeating: 0, count: p)
            weights[index] = 1
            return weights
        }
        if let index = design.column(named: "school_holidays") {
            rows.append(effect(term: "school_holidays", weights: unit(index), level: level))
        }
        if let index = design.column(named: "working_days") {
            rows.append(effect(term: "working_day", weights: unit(index), level: level))
        }
        for event in design.eventNames {
            if let index = design.column(named: "event_" + event) {
                rows.append(effect(term: "event_" + event, weights: unit(index), level: level))
            }
        }
        rows += seasonalFactors(level: level)
        rows += diagnostics()
        return rows
    }

    /// Month-of-year (quarter) factors as contrasts against the average month.
    func seasonalFactors(level: Double) -> [CalendarEffect] {
        let m = series.frequency.periodsPerYear
        guard m > 1 else { return [] }
        let names = design.columnNames
        let p = names.count
        // Columns that vary with the calendar month: seasonal and calendar terms.
        let seasonalColumns = names.indices.filter { index in
            let name = names[index]
            return name.hasPrefix("month_") || name.hasPrefix("quarter_") || name.hasPrefix("sin_")
                || name.hasPrefix("cos_") || name == "school_holidays" || name == "working_days"
        }
        var average = [[Double]](repeating: [Double](repeating: 0, count: p), count: m)
        var counts = [Int](repeating: 0, count: m)
        for index in rows {
            let period = series.start.advanced(by: index)
            let x = design.row(for: period)
            let position = period.position - 1
            for j in seasonalColumns { average[position][j] += x[j] }
            counts[position] += 1
        }
        // Months with no observation take the calendar of the series' first such month.
        for position in 0..<m where counts[position] == 0 {
            var period = series.start
            while period.position - 1 != position { period = period.advanced(by: 1) }
            let x = design.row(for: period)
            for j in seasonalColumns { average[position][j] = x[j] }
            counts[position] = 1
        }
        for position in 0..<m {
            for j in seasonalColumns { average[position][j] /= Double(counts[position]) }
        }
        var overall = [Double](repeating: 0, count: p)
        for position in 0..<m {
            for j in seasonalColumns { overall[j] += average[position][j] / Double(m) }
        }
        return (0..<m).map { position in
            let weights = (0..<p).map { average[position][$0] - overall[$0] }
            let term =
                m == 12
                ? "month_" + (position + 1 < 10 ? "0" : "") + String(position + 1)
                : "quarter_\(position + 1)"
            return effect(term: term, weights: weights, level: level)
        }
    }

    /// Dispersion, θ, Ljung–Box, AICc and the number of observations.
    func diagnostics() -> [CalendarEffect] {
        var rows: [CalendarEffect] = []
        let df = Double(max(glm.residualDegreesOfFreedom, 1))
        rows.append(.diagnostic("dispersion", value: glm.pearsonChiSquared / df))
        if let theta {
            var row = CalendarEffect.diagnostic("theta", value: theta)
            row.standardError = thetaStandardError ?? .nan
            rows.append(row)
        }
        let (statistic, lag) = ljungBox()
        rows.append(.diagnostic("ljung_box", value: statistic, pValue: ChiSquared.survival(statistic, degreesOfFreedom: Double(lag))))
        rows.append(.diagnostic("aicc", value: aicc))
        rows.append(.diagnostic("observations", value: Double(self.rows.count)))
        return rows
    }

    /// Ljung–Box Q = n(n + 2) Σ r_k² / (n − k) on the Pearson residuals over k = 1...lag, with
    /// autocorrelations r_k = Σ (e_t − ē)(e_{t+k} − ē) / Σ (e_t − ē)² summed over the pairs
    /// where both residuals exist (a missing month drops the pairs it belongs to).
    ///
    /// Reference: G. M. Ljung and G. E. P. Box, "On a measure of lack of fit in time series
    /// models", Biometrika 65 (1978).
    public func ljungBox() -> (statistic: Double, lag: Int) {
        var residuals = [Double](repeating: .nan, count: series.count)
        for (position, index) in rows.enumerated() { residuals[index] = glm.pearsonResiduals[position] }
        let n = rows.count
        let lag = max(1, min(2 * series.frequency.periodsPerYear, n / 5))
        let mean = rows.reduce(0) { $0 + residuals[$1] } / Double(n)
        let variance = rows.reduce(0) { $0 + (residuals[$1] - mean) * (residuals[$1] - mean) } / Double(n)
        var statistic = 0.0
        for k in 1...lag {
            var sum = 0.0
            var pairs = 0
            for t in 0..<(series.count - k) where !residuals[t].isNaN && !residuals[t + k].isNaN {
                sum += (residuals[t] - mean) * (residuals[t + k] - mean)
                pairs += 1
            }
            guard pairs > 0 else { continue }
            let r = sum / Double(n) / variance
            statistic += r * r / Double(n - k)
        }
        return (Double(n) * Double(n + 2) * statistic, lag)
    }
}
