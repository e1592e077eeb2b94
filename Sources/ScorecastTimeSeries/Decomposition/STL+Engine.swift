/// The STL inner and outer loops over preallocated buffers (see ``STL``).
///
/// Follows the structure of the netlib `stl` routines that R calls (stlstp, stlss, stlfts,
/// stless, stlest, stlrwt), including their single-precision cut-offs (0.999 and 0.001 as
/// `Float`), so results agree with R to rounding. Positions inside the loess routines are
/// 1-based as in the paper; buffers are accessed with `[position - 1]`.
final class STLEngine {
    let values: [Double]
    let count: Int
    let period: Int, seasonalSpan: Int, trendSpan: Int, lowPassSpan: Int
    let seasonalDegree: Int, trendDegree: Int, lowPassDegree: Int
    let seasonalJump: Int, trendJump: Int, lowPassJump: Int

    /// One allocation for every buffer: season, trend and robustness weights (n each), a sort
    /// buffer (n), and five work columns of n + 2m values.
    private let storage: UnsafeMutablePointer<Double>
    private let season: UnsafeMutablePointer<Double>
    private let trend: UnsafeMutablePointer<Double>
    private let weights: UnsafeMutablePointer<Double>
    let sortBuffer: UnsafeMutablePointer<Double>
    private let work: [UnsafeMutablePointer<Double>]
    private let storageSize: Int

    /// The near-one and near-zero cut-offs of the Fortran, single-precision literals widened.
    private static let nearOne = Double(Float(0.999)), nearZero = Double(Float(0.001))

    init(
        values: [Double], period: Int, seasonalSpan: Int, trendSpan: Int, lowPassSpan: Int,
        seasonalDegree: Int, trendDegree: Int, lowPassDegree: Int, seasonalJump: Int, trendJump: Int, lowPassJump: Int
    ) {
        func odd(_ span: Int) -> Int {
            let span = max(3, span)
            return span % 2 == 0 ? span + 1 : span
        }
        self.values = values
        self.count = values.count
        self.period = max(2, period)
        self.seasonalSpan = odd(seasonalSpan)
        self.trendSpan = odd(trendSpan)
        self.lowPassSpan = odd(lowPassSpan)
        self.seasonalDegree = seasonalDegree
        self.trendDegree = trendDegree
        self.lowPassDegree = lowPassDegree
        self.seasonalJump = seasonalJump
        self.trendJump = trendJump
        self.lowPassJump = lowPassJump
        let count = values.count
        let columnLength = count + 2 * max(2, period)
        storageSize = 4 * count + 5 * columnLength
        let storage = UnsafeMutablePointer<Double>.allocate(capacity: storageSize)
        storage.initialize(repeating: 0, count: storageSize)
        self.storage = storage
        season = storage
        trend = storage + count
        weights = storage + 2 * count
        sortBuffer = storage + 3 * count
        let workStart = storage + 4 * count
        work = (0..<5).map { workStart + $0 * columnLength }
        weights.update(repeating: 1, count: count)
    }

    deinit {
        storage.deallocate()
    }

    /// The seasonal component.
    var seasonal: [Double] { Array(UnsafeBufferPointer(start: season, count: count)) }
    /// The trend component.
    var trendComponent: [Double] { Array(UnsafeBufferPointer(start: trend, count: count)) }
    /// The robustness weights of the last outer iteration.
    var robustnessWeights: [Double] { Array(UnsafeBufferPointer(start: weights, count: count)) }

    /// `outer` robustness passes around `inner` iterations each (R's `ni`, `no`).
    func run(inner: Int, outer: Int) {
        var useWeights = false
        var pass = 0
        while true {
            innerLoop(iterations: inner, useWeights: useWeights)
            pass += 1
            if pass > outer { break }
            updateRobustnessWeights()
            useWeights = true
        }
        if outer <= 0 { weights.update(repeating: 1, count: count) }
    }

    // MARK: - stlstp

    private func innerLoop(iterations: Int, useWeights: Bool) {
        let rw: UnsafePointer<Double>? = useWeights ? UnsafePointer(weights) : nil
        for _ in 0..<iterations {
            for index in 0..<count { work[0][index] = values[index] - trend[index] }
            // Cycle-subseries smoothing into work[1] (n + 2m values); season is scratch here.
            smoothCycleSubseries(work[0], robustness: rw, extended: work[1])
            // Low-pass filter of the extended seasonal: moving averages into work[2], then loess into work[0].
            Self.lowPassMovingAverages(work[1], count + 2 * period, period, work[2], work[0])
            Self.loess(work[2], count, lowPassSpan, lowPassDegree, lowPassJump, nil, work[0], work[4])
            for index in 0..<count { season[index] = work[1][period + index] - work[0][index] }
            for index in 0..<count { work[0][index] = values[index] - season[index] }
            Self.loess(work[0], count, trendSpan, trendDegree, trendJump, rw, trend, work[2])
        }
    }

    // MARK: - stlss

    /// Smooths each cycle-subseries of `detrended` by loess and extends it one cycle at each
    /// end, writing the n + 2m results into `extended`.
    private func smoothCycleSubseries(
        _ detrended: UnsafeMutablePointer<Double>, robustness: UnsafePointer<Double>?,
        extended: UnsafeMutablePointer<Double>
    ) {
        let span = seasonalSpan, degree = seasonalDegree
        let subseries = work[2], smoothed = work[3], subseriesWeights = work[4], scratch = season
        for cycle in 1...period {
            let length = (count - cycle) / period + 1
            for i in 1...length { subseries[i - 1] = detrended[(i - 1) * period + cycle - 1] }
            if let robustness {
                for i in 1...length { subseriesWeights[i - 1] = robustness[(i - 1) * period + cycle - 1] }
            }
            let rw: UnsafePointer<Double>? = robustness == nil ? nil : UnsafePointer(subseriesWeights)
            Self.loess(subseries, length, span, degree, seasonalJump, rw, smoothed + 1, scratch)
            smoothed[0] =
                Self.estimate(subseries, length, span, degree, at: 0, left: 1, right: min(span, length), scratch, rw)
                ?? smoothed[1]
            smoothed[length + 1] =
                Self.estimate(
                    subseries, length, span, degree, at: Double(length + 1),
                    left: max(1, length - span + 1), right: length, scratch, rw)
                ?? smoothed[length]
            for m in 1...(length + 2) { extended[(m - 1) * period + cycle - 1] = smoothed[m - 1] }
        }
    }

    // MARK: - stlrwt

    /// Bisquare weights of the remainders over six times their median absolute value.
    private func updateRobustnessWeights() {
        for index in 0..<count { sortBuffer[index] = abs(values[index] - trend[index] - season[index]) }
        let upperMiddle = count / 2 + 1, lowerMiddle = count - upperMiddle + 1
        // The two middle positions in the order the reference code asks for them (see
        // singletonPartialSort): for an even n this is R's six-times-median, not the exact one.
        Self.singletonPartialSort(sortBuffer, count: count, wanted: [upperMiddle, lowerMiddle])
        let sixMedians = 3.0 * (sortBuffer[upperMiddle - 1] + sortBuffer[lowerMiddle - 1])
        let high = Self.nearOne * sixMedians, low = Self.nearZero * sixMedians
        for index in 0..<count {
            let residual = abs(values[index] - trend[index] - season[index])
            if residual <= low {
                weights[index] = 1
            } else if residual <= high {
                let ratio = residual / sixMedians
                weights[index] = (1 - ratio * ratio) * (1 - ratio * ratio)
            } else {
                weights[index] = 0
            }
        }
    }

    // MARK: - stlfts, stlma

    /// Moving averages of lengths m, m and 3 of `x` (n values) into `trend` (n − 2m values).
    private static func lowPassMovingAverages(
        _ x: UnsafeMutablePointer<Double>, _ n: Int, _ period: Int,
        _ trend: UnsafeMutablePointer<Double>, _ scratch: UnsafeMutablePointer<Double>
    ) {
        movingAverage(x, n, period, trend)
        movingAverage(trend, n - period + 1, period, scratch)
        movingAverage(scratch, n - 2 * period + 2, 3, trend)
    }

    /// The running mean of length `length` of `x` (n values) into `average` (n − length + 1 values).
    private static func movingAverage(_ x: UnsafeMutablePointer<Double>, _ n: Int, _ length: Int, _ average: UnsafeMutablePointer<Double>) {
        let outputs = n - length + 1
        let divisor = Double(length)
        var sum = 0.0
        for i in 0..<length { sum += x[i] }
        average[0] = sum / divisor
        guard outputs > 1 else { return }
        var entering = length, leaving = 0
        for j in 1..<outputs {
            sum = sum - x[leaving] + x[entering]
            entering += 1
            leaving += 1
            average[j] = sum / divisor
        }
    }

    // MARK: - stless

    /// Loess of span `span` and degree `degree` of `y` (n values) at every `jump`-th point,
    /// linearly interpolated between, into `smoothed`; `scratch` holds n loess weights.
    private static func loess(
        _ y: UnsafeMutablePointer<Double>, _ n: Int, _ span: Int, _ degree: Int, _ jump: Int,
        _ robustness: UnsafePointer<Double>?, _ smoothed: UnsafeMutablePointer<Double>,
        _ scratch: UnsafeMutablePointer<Double>
    ) {
        if n < 2 {
            smoothed[0] = y[0]
            return
        }
        let step = min(jump, n - 1)
        var left = 1, right = n
        if span >= n {
            left = 1
            right = n
            for i in stride(from: 1, through: n, by: step) {
                smoothed[i - 1] = estimate(y, n, span, degree, at: Double(i), left: left, right: right, scratch, robustness) ?? y[i - 1]
            }
        } else if step == 1 {
            let half = (span + 1) / 2
            left = 1
            right = span
            for i in 1...n {
                if i > half && right != n {
                    left += 1
                    right += 1
                }
                smoothed[i - 1] = estimate(y, n, span, degree, at: Double(i), left: left, right: right, scratch, robustness) ?? y[i - 1]
            }
        } else {
            let half = (span + 1) / 2
            for i in stride(from: 1, through: n, by: step) {
                if i < half {
                    left = 1
                    right = span
                } else if i >= n - half + 1 {
                    left = n - span + 1
                    right = n
                } else {
                    left = i - half + 1
                    right = span + i - half
                }
                smoothed[i - 1] = estimate(y, n, span, degree, at: Double(i), left: left, right: right, scratch, robustness) ?? y[i - 1]
            }
        }
        guard step != 1 else { return }
        for i in stride(from: 1, through: n - step, by: step) {
            let delta = (smoothed[i + step - 1] - smoothed[i - 1]) / Double(step)
            for j in (i + 1)..<(i + step) { smoothed[j - 1] = smoothed[i - 1] + delta * Double(j - i) }
        }
        let lastEvaluated = ((n - 1) / step) * step + 1
        if lastEvaluated != n {
            smoothed[n - 1] = estimate(y, n, span, degree, at: Double(n), left: left, right: right, scratch, robustness) ?? y[n - 1]
            if lastEvaluated != n - 1 {
                let delta = (smoothed[n - 1] - smoothed[lastEvaluated - 1]) / Double(n - lastEvaluated)
                for j in (lastEvaluated + 1)..<n { smoothed[j - 1] = smoothed[lastEvaluated - 1] + delta * Double(j - lastEvaluated) }
            }
        }
    }

    // MARK: - stlest

    /// The loess fit at position `x` from the points `left...right` (1-based) with tricube
    /// weights (times `robustness` when given); `nil` when every weight is zero.
    private static func estimate(
        _ y: UnsafeMutablePointer<Double>, _ n: Int, _ span: Int, _ degree: Int, at x: Double,
        left: Int, right: Int, _ weights: UnsafeMutablePointer<Double>,
        _ robustness: UnsafePointer<Double>?
    ) -> Double? {
        let range = Double(n) - 1
        var h = max(x - Double(left), Double(right) - x)
        if span > n { h += Double((span - n) / 2) }
        let high = nearOne * h, low = nearZero * h
        var total = 0.0
        for j in left...right {
            let distance = abs(Double(j) - x)
            if distance <= high {
                var weight: Double
                if distance <= low {
                    weight = 1
                } else {
                    let ratio = distance / h
                    let cube = 1 - ratio * ratio * ratio
                    weight = cube * cube * cube
                }
                if let robustness { weight *= robustness[j - 1] }
                weights[j - 1] = weight
                total += weight
            } else {
                weights[j - 1] = 0
            }
        }
        guard total > 0 else { return nil }
        for j in left...right { weights[j - 1] /= total }
        if h > 0 && degree > 0 {
            var mean = 0.0
            for j in left...right { mean += weights[j - 1] * Double(j) }
            var slope = x - mean
            var spread = 0.0
            for j in left...right { spread += weights[j - 1] * (Double(j) - mean) * (Double(j) - mean) }
            if spread.squareRoot() > nearZero * range {
                slope /= spread
                for j in left...right { weights[j - 1] *= slope * (Double(j) - mean) + 1 }
            }
        }
        var fit = 0.0
        for j in left...right { fit += weights[j - 1] * y[j - 1] }
        return fit
    }
}
