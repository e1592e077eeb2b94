import ScorecastCore
import ScorecastNumerics

/// A seasonal and calendar profile estimated on a long reference series, for a short series to
/// borrow.
///
/// Seven months cannot teach a model the August dip; a national series of the same kind of
/// demand (care applications to Cafcass, say) can. The profile is the calendar GLM's seasonal
/// and calendar terms (month of year, school-holiday share, working days) fitted on the
/// reference, on the log scale, with their estimated covariance: a short series then
/// estimates only its own level against it (``ProfileLevelModel``), and every draw of its
/// predictive distribution draws the profile's coefficients too, so the profile's uncertainty
/// is carried into the intervals.
///
/// The reference must be a series of counts (or non-negative values) on a log link: the
/// profile is multiplicative, so it transfers between series of different size.
///
/// Reference: the idea is the "pooled seasonal index" of hierarchical forecasting (R. J.
/// Hyndman and G. Athanasopoulos, *Forecasting: Principles and Practice*, 3rd ed., §11) and of
/// Withycombe's group seasonal indices (R. Withycombe, "Forecasting with combined seasonal
/// indices", International Journal of Forecasting 5(4), 1989), here with the calendar GLM's
/// terms and their parameter uncertainty.
public struct SeasonalProfile: Sendable {
    /// The reference series' name, as the report writes it (`borrowed:<reference>`).
    public let reference: String
    /// The reference's terms the profile carries: season, school holidays, working days.
    public let terms: ModelTerms
    /// The reference model's description, for notes.
    public let referenceModel: String
    /// The reference's design (its rows give the profile's regressors for any period).
    let design: RegressionDesign
    /// The design columns of the profile (seasonal and calendar) and their coefficients.
    let columns: [Int]
    let coefficients: [Double]
    /// The lower Cholesky factor of the coefficients' covariance (columns × columns).
    let factor: Matrix
    /// Which of `columns` are calendar terms, and which the school-holiday share.
    let calendarColumns: [Int]
    let schoolHolidayColumn: Int?

    /// Estimates the profile on `reference` with the calendar GLM (seasonal terms chosen by
    /// AICc, a trend, the England calendar).
    ///
    /// - Throws: ``TimeSeriesError`` when the reference cannot be fitted, is not monthly or
    ///   quarterly, is not of non-negative values, or has too little history for a season
    ///   (two years).
    public static func estimate(from reference: TimeSeries, calendar: EnglandCalendar = EnglandCalendar()) throws -> SeasonalProfile {
        guard reference.frequency.periodsPerYear > 1 else {
            throw TimeSeriesError.unsuitable(series: reference.name, reason: "a seasonal profile needs monthly or quarterly data")
        }
        if reference.values.contains(where: { !$0.isNaN && $0 < 0 }) {
            throw TimeSeriesError.unsuitable(
                series: reference.name, reason: "a seasonal profile is multiplicative: the reference must not be negative")
        }
        let carries = CalendarGLM.shortSeriesTerms(observations: reference.observedCount, frequency: reference.frequency)
        guard carries.seasonalAndTrend else {
            throw TimeSeriesError.tooShort(series: reference.name, needed: 2 * reference.frequency.periodsPerYear, got: reference.observedCount)
        }
        var spec = CalendarGLM(calendar: calendar)
        if reference.values.contains(where: { !$0.isNaN && $0.rounded() != $0 }) { spec.family = .gaussian }
        let fitted = try spec.fit(reference)
        guard fitted.glm.family != .gaussian else {
            throw TimeSeriesError.unsuitable(series: reference.name, reason: "a seasonal profile needs a count series (a log-link model)")
        }
        return SeasonalProfile(fitted: fitted)
    }

    /// The profile of a fitted log-link calendar GLM.
    init(fitted: FittedCalendarGLM) {
        let design = fitted.design
        let names = design.columnNames
        let profileColumns = names.indices.filter { j in
            let name = names[j]
            return name != "intercept" && name != "trend" && !name.hasPrefix("event_")
        }
        reference = fitted.series.name
        referenceModel = fitted.description
        self.design = design
        columns = profileColumns
        coefficients = profileColumns.map { fitted.glm.coefficients[$0] }
        let covariance = fitted.coefficientCovariance
        var block = Matrix(rows: profileColumns.count, columns: profileColumns.count)
        for (a, i) in profileColumns.enumerated() {
            for (b, j) in profileColumns.enumerated() { block[a, b] = covariance[i, j] }
        }
        factor = choleskyFactor(block)
        calendarColumns = profileColumns.indices.filter { ["school_holidays", "working_days"].contains(names[profileColumns[$0]]) }
        schoolHolidayColumn = profileColumns.firstIndex { names[$0] == "school_holidays" }
        terms = fitted.terms.intersection([.season, .schoolHolidays, .workingDays])
    }

    /// The number of profile coefficients.
    public var coefficientCount: Int { coefficients.count }

    /// The profile's regressors at `period` (one per coefficient).
    func regressors(for period: Period) -> [Double] {
        let row = design.row(for: period)
        return columns.map { row[$0] }
    }

    /// The profile's log-scale offset at `period` with the estimated coefficients.
    public func offset(for period: Period) -> Double {
        offset(regressors: regressors(for: period), coefficients: coefficients)
    }

    func offset(regressors: [Double], coefficients: [Double]) -> Double {
        var total = 0.0
        for j in regressors.indices { total += regressors[j] * coefficients[j] }
        return total
    }

    /// The log-scale contrast of the calendar terms alone (or the school-holiday share alone)
    /// between two periods' regressors.
    func calendarContrast(from earlier: [Double], to later: [Double], coefficients: [Double], schoolHolidaysOnly: Bool = false) -> Double {
        let chosen = schoolHolidaysOnly ? (schoolHolidayColumn.map { [$0] } ?? []) : calendarColumns
        var contrast = 0.0
        for j in chosen { contrast += (later[j] - earlier[j]) * coefficients[j] }
        return contrast
    }

    /// One draw of the coefficients from their estimated sampling distribution, into `draw`.
    func drawCoefficients(into draw: inout [Double], normals: inout [Double], using generator: inout some RandomNumberGenerator) {
        let p = coefficients.count
        for j in 0..<p { normals[j] = RandomVariates.standardNormal(using: &generator) }
        for j in 0..<p {
            var value = coefficients[j]
            for k in 0...j { value += factor[j, k] * normals[k] }
            draw[j] = value
        }
    }
}
