/// Summary of a local authority's statistical neighbours' values for one measure and year.
///
/// Two conventions are in use and both are reported:
/// - **LAIT** (DfE's Local Authority Interactive Tool): the *mean* of the neighbours' published
///   values, unweighted, skipping neighbours with no value (`mean(values, na.rm = TRUE)`; no
///   value at all when none has one). See `R/lait_modules/mod_la_lvl_table.R`, "SN average".
/// - **DfE children's social care dashboard** (CSC outcomes and enablers): the *median* of the
///   neighbours' values, skipping missing ones (`median(na.rm = TRUE)`), with counts summed
///   across neighbours. See dfe-analytical-services/CSC_outcomes_and_enablers,
///   `R/stats_neighbours.R` (`sn_aggregations`).
///
/// The pooled value Σ numerators / Σ denominators × multiplier, which weights neighbours by
/// size, is given as well because it is the rate of the neighbours taken as one population.
public struct NeighbourSummary: Sendable, Equatable {
    /// Neighbours with a value.
    public var count: Int
    /// LAIT convention: unweighted mean of the values.
    public var mean: Double
    /// DfE dashboard convention: median of the values (mean of the middle two when even).
    public var median: Double
    public var minimum: Double
    public var maximum: Double
    /// Σ numerators / Σ denominators × multiplier over neighbours with both; NaN if none.
    public var pooled: Double
    /// Σ numerators over neighbours with a numerator (the dashboard's summed counts); NaN if none.
    public var totalNumerator: Double

    /// Summarises neighbours' `values` (NaN = missing) with their numerators and denominators
    /// (NaN where unknown) for a measure with the given `multiplier`.
    public init(values: [Double], numerators: [Double], denominators: [Double], multiplier: Double) {
        let present = values.filter(\.isFinite).sorted()
        count = present.count
        if present.isEmpty {
            mean = .nan
            median = .nan
            minimum = .nan
            maximum = .nan
        } else {
            mean = present.reduce(0, +) / Double(present.count)
            let middle = present.count / 2
            median = present.count % 2 == 1 ? present[middle] : (present[middle - 1] + present[middle]) / 2
            minimum = present[0]
            maximum = present[present.count - 1]
        }
        var numeratorSum = 0.0, denominatorSum = 0.0, pairs = 0
        var total = 0.0, totalCount = 0
        for (numerator, denominator) in zip(numerators, denominators) {
            if numerator.isFinite {
                total += numerator
                totalCount += 1
            }
            if numerator.isFinite && denominator.isFinite && denominator > 0 {
                numeratorSum += numerator
                denominatorSum += denominator
                pairs += 1
            }
        }
        pooled = pairs > 0 ? numeratorSum / denominatorSum * multiplier : .nan
        totalNumerator = totalCount > 0 ? total : .nan
    }
}
