import ScorecastCore
import ScorecastTimeSeries

/// What a projection row measures.
public enum ProjectionQuantity: Sendable, Hashable, CustomStringConvertible {
    /// Children at the end of the period.
    case stock
    /// Children starting during the period.
    case starts
    /// Children ending during the period.
    case ends
    /// Cost of the period: child-months (the average of opening and closing stock) × the unit
    /// cost per child-month. `label` names a placement type, or is `nil` for the total.
    case cost(label: String?)
    /// Full-time-equivalent workers needed for the closing stock at the given caseload per worker.
    case workers

    public var description: String {
        switch self {
        case .stock: "stock"
        case .starts: "starts"
        case .ends: "ends"
        case .cost(let label): label.map { "cost_\($0)" } ?? "cost"
        case .workers: "workers_fte"
        }
    }
}

/// One row of a projection: a quantity in one period under one scenario.
public struct ProjectionRow: Sendable, Equatable {
    public var scenario: String
    public var period: Period
    public var quantity: String
    /// The mean over paths.
    public var mean: Double
    /// `(level, lower, upper)` for each requested level: the paths' empirical quantiles
    /// (R's type 7) at `(1 − level/100)/2` and `(1 + level/100)/2`.
    public var intervals: [(level: Double, lower: Double, upper: Double)]

    public static func == (lhs: ProjectionRow, rhs: ProjectionRow) -> Bool {
        lhs.scenario == rhs.scenario && lhs.period == rhs.period && lhs.quantity == rhs.quantity
            && lhs.mean == rhs.mean && lhs.intervals.elementsEqual(rhs.intervals) { $0 == $1 }
    }
}

/// Unit costs and staffing ratios that turn caseloads into money and workers.
public struct Consequences: Sendable, Equatable {
    /// A placement type's share of the stock and its cost per child-month.
    public struct Placement: Sendable, Equatable {
        public var name: String
        public var share: Double
        public var costPerChildMonth: Double
        public init(name: String, share: Double, costPerChildMonth: Double) {
            self.name = name
            self.share = share
            self.costPerChildMonth = costPerChildMonth
        }
    }

    /// Cost per child-month for every child (used when `placements` is empty).
    public var costPerChildMonth: Double?
    /// Costs by placement type; their shares must add up to 1.
    public var placements: [Placement]
    /// Children per full-time-equivalent worker.
    public var caseloadPerWorker: Double?

    public init(costPerChildMonth: Double? = nil, placements: [Placement] = [], caseloadPerWorker: Double? = nil) {
        self.costPerChildMonth = costPerChildMonth
        self.placements = placements
        self.caseloadPerWorker = caseloadPerWorker
    }

    /// Whether anything is to be derived.
    public var isEmpty: Bool { costPerChildMonth == nil && placements.isEmpty && caseloadPerWorker == nil }

    /// The cost lines: (label, cost per child-month).
    var costLines: [(label: String?, unitCost: Double)] {
        var lines: [(String?, Double)] = placements.map { ($0.name, $0.share * $0.costPerChildMonth) }
        if !placements.isEmpty { lines.append((nil, placements.reduce(0) { $0 + $1.share * $1.costPerChildMonth })) }
        if placements.isEmpty, let unit = costPerChildMonth { lines.append((nil, unit)) }
        return lines
    }
}

extension ProjectionPaths {
    /// Summarises the paths: mean and intervals for stock, starts, ends and any consequences,
    /// every period.
    ///
    /// Quantiles of counts are found by counting (O(paths + range) per period), so summaries
    /// of many councils stay fast.
    public func summary(levels: [Double], consequences: Consequences = Consequences()) -> [ProjectionRow] {
        var rows: [ProjectionRow] = []
        var buffer = [Int32](repeating: 0, count: pathCount)
        var counts: [Int] = []
        func summarise(_ period: Period, _ quantity: String, scale: Double, values: (Int) -> Int32) {
            for path in 0..<pathCount { buffer[path] = values(path) }
            let stats = IntegerQuantiles.summarise(buffer, levels: levels, counts: &counts)
            rows.append(
                ProjectionRow(
                    scenario: scenario, period: period, quantity: quantity, mean: stats.mean * scale,
                    intervals: stats.intervals.map { ($0.level, $0.lower * scale, $0.upper * scale) }))
        }
        for step in 0..<horizon {
            let period = start.advanced(by: step)
            summarise(period, "stock", scale: 1) { stock[$0 * horizon + step] }
            summarise(period, "starts", scale: 1) { starts[$0 * horizon + step] }
            summarise(period, "ends", scale: 1) { ends[$0 * horizon + step] }
            for line in consequences.costLines {
                // Twice the child-months is an integer: opening + closing stock.
                let name = ProjectionQuantity.cost(label: line.label).description
                summarise(period, name, scale: line.unitCost / 2) { path in
                    let opening = step == 0 ? openingStock : stock[path * horizon + step - 1]
                    return opening + stock[path * horizon + step]
                }
                // Cumulative cost from the first projected period: what a budget needs.
                summarise(period, name + "_cumulative", scale: line.unitCost / 2) { path in
                    var total = Int32(0)
                    var opening = openingStock
                    for earlier in 0...step {
                        let closing = stock[path * horizon + earlier]
                        total += opening + closing
                        opening = closing
                    }
                    return total
                }
            }
            if let caseload = consequences.caseloadPerWorker {
                summarise(period, ProjectionQuantity.workers.description, scale: 1 / caseload) { stock[$0 * horizon + step] }
            }
        }
        return rows
    }
}

/// Mean and central intervals of integer samples by counting.
enum IntegerQuantiles {
    /// Mean and R type-7 quantiles at `(1 ∓ level/100)/2` of `values`.
    ///
    /// `counts` is working space, resized as needed (reuse it across calls).
    static func summarise(_ values: [Int32], levels: [Double], counts: inout [Int])
        -> (mean: Double, intervals: [(level: Double, lower: Double, upper: Double)])
    {
        precondition(!values.isEmpty)
        var minimum = Int32.max, maximum = Int32.min, total = 0
        for value in values {
            minimum = min(minimum, value)
            maximum = max(maximum, value)
            total += Int(value)
        }
        let range = Int(maximum - minimum) + 1
        if counts.count < range { counts = [Int](repeating: 0, count: range) }
        for index in 0..<range { counts[index] = 0 }
        for value in values { counts[Int(value - minimum)] += 1 }
        // Order statistic k (0-based) by walking the cumulative counts.
        func orderStatistic(_ k: Int) -> Double {
            var cumulative = 0
            for index in 0..<range {
                cumulative += counts[index]
                if cumulative > k { return Double(Int(minimum) + index) }
            }
            return Double(maximum)
        }
        func quantile(_ probability: Double) -> Double {
            let position = Double(values.count - 1) * probability
            let lowerIndex = Int(position.rounded(.down))
            // (n − 1)·p carries representation error (9999 × 0.9 = 8999.100000000000364);
            // rounding the fraction to 1e-9 keeps quantiles of counts free of that noise.
            let fraction = ((position - Double(lowerIndex)) * 1e9).rounded() / 1e9
            let lower = orderStatistic(lowerIndex)
            if fraction == 0 { return lower }
            return lower + fraction * (orderStatistic(min(lowerIndex + 1, values.count - 1)) - lower)
        }
        let intervals = levels.map { level in
            (level: level, lower: quantile((1 - level / 100) / 2), upper: quantile((1 + level / 100) / 2))
        }
        return (Double(total) / Double(values.count), intervals)
    }
}
