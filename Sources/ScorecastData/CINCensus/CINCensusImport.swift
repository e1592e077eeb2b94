import Dispatch
import ScorecastCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A CIN census import: returns read, validated, merged and counted month by month, and the
/// files `scorecast import-cin` writes, in the layout of an imported scorecard folder.
///
/// - `episodes.csv`: `child,referral_date,closure_date,referral_source,primary_need,
///   reason_for_closure,referral_nfa,assessments,section47s,plans,file,line`, the merged episodes.
/// - `validation.csv`: `file,line,child,rule,message`, the invalid episode occurrences left out.
/// - `observations.csv`: `series,period,value,numerator,denominator`, every measure
///   (``CINMeasure``) for every month of the returns' years; percentages carry numerator and
///   denominator (a month with no denominator has an empty value); rates per 10,000 children
///   aged 0-17 (`<measure>_per_10k`) carry the count and the population; with 903 returns, the
///   looked-after measures (``LookedAfterMonthlyMeasures``) for the months of those returns.
/// - `indicators.csv`: the catalogue (``Indicator``): code (the series), title, unit, polarity.
public struct CINCensusImport: Sendable {
    public let returns: [CINCensusReturn]
    public let merged: CINEpisodes
    public let measures: CINMonthlyMeasures
    /// Children aged 0-17 by month (from ``population(from:months:)``), if given.
    public let population: [Period: Double]
    /// Files in the folders given that were skipped as not XML.
    public let skipped: [String]
    /// The looked-after measures from 903 returns, when given.
    public let lookedAfter: LookedAfterMonthlyMeasures?

    /// Reads the returns in `paths` (files, or folders searched recursively), in parallel.
    ///
    /// In a folder, a file whose content is not XML is skipped (listed in ``skipped``); a file
    /// named directly, or XML in a folder, must be a whole CIN census return.
    ///
    /// - Throws: ``FileError`` when a file cannot be read, ``DataError`` for the first file (in
    ///   the order given) that is not a whole CIN census return, or when there is no return.
    public init(paths: [String], population: [Period: Double] = [:], lookedAfter: LookedAfterMonthlyMeasures? = nil) throws {
        var candidates: [(path: String, inFolder: Bool)] = []
        for path in paths {
            let (files, isFolder) = try FolderFiles.under(path)
            candidates += files.map { ($0, isFolder) }
        }
        let results = CINCensusImport.readInParallel(candidates)
        var returns: [CINCensusReturn] = []
        var skipped: [String] = []
        for result in results {
            switch result {
            case .read(let census): returns.append(census)
            case .skipped(let path): skipped.append(path)
            case .failed(let error): throw error
            }
        }
        guard !returns.isEmpty else {
            throw DataError(
                file: paths.first ?? "-", line: 1, column: 1, expected: "expected at least one CIN census return (XML), found none")
        }
        self.init(returns: returns, population: population, skipped: skipped, lookedAfter: lookedAfter)
    }

    /// Validates, merges and counts `returns`.
    public init(
        returns: [CINCensusReturn], population: [Period: Double] = [:], skipped: [String] = [], lookedAfter: LookedAfterMonthlyMeasures? = nil
    ) {
        precondition(!returns.isEmpty, "at least one return")
        self.returns = returns
        self.skipped = skipped
        self.population = population
        self.lookedAfter = lookedAfter
        merged = CINEpisodes(returns: returns)
        let first = returns.map(\.firstDay).min()!.monthPeriod
        let last = returns.map(\.referenceDate).max()!.monthPeriod
        measures = CINMonthlyMeasures(episodes: merged.episodes, from: first, through: last)
    }

    /// The output files' names and contents, in the order listed in the type's summary.
    public func files() -> [(name: String, text: String)] {
        [
            ("episodes.csv", episodesCSV()), ("validation.csv", validationCSV()), ("observations.csv", observationsCSV()),
            ("indicators.csv", indicatorsCSV()),
        ]
    }

    /// The indicators written: counts, percentages, then rates when a population is given.
    public var indicators: [Indicator] {
        var indicators = (CINMeasure.counts + CINMeasure.percentages).map {
            Indicator(code: $0.name, title: $0.title, unit: $0.unit, polarity: $0.polarity, frequency: .monthly)
        }
        if lookedAfter != nil {
            indicators += LookedAfterMonthlyMeasures.measures.map {
                Indicator(code: $0.name, title: $0.title, unit: .count, polarity: $0.polarity, frequency: .monthly)
            }
        }
        if !population.isEmpty {
            for name in CINMeasure.rated {
                let measure = CINMeasure.counts.first { $0.name == name }!
                indicators.append(
                    Indicator(
                        code: name + "_per_10k", title: measure.title + " per 10,000 children aged 0-17", unit: .ratePer10k,
                        polarity: measure.polarity, frequency: .monthly))
            }
        }
        return indicators
    }

    public func indicatorsCSV() -> String { String(decoding: Indicator.csv(indicators), as: UTF8.self) }

    public func observationsCSV() -> String {
        var csv = CSVWriter()
        csv.writeRecord(["series", "period", "value", "numerator", "denominator"])
        for measure in CINMeasure.counts {
            for (index, month) in measures.months.enumerated() {
                csv.writeRecord([measure.name, month.description, String(measures.counts[measure.name]![index]), "", ""])
            }
        }
        for measure in CINMeasure.percentages {
            let (numeratorName, denominatorName) = measure.ratio!
            for (index, month) in measures.months.enumerated() {
                let numerator = measures.counts[numeratorName]![index]
                let denominator = measures.counts[denominatorName]![index]
                let value = denominator == 0 ? "" : CSVNumber.format(100 * Double(numerator) / Double(denominator))
                csv.writeRecord([measure.name, month.description, value, String(numerator), String(denominator)])
            }
        }
        if let lookedAfter {
            for measure in LookedAfterMonthlyMeasures.measures {
                for (index, month) in lookedAfter.months.enumerated() {
                    csv.writeRecord([measure.name, month.description, String(lookedAfter.counts[measure.name]![index]), "", ""])
                }
            }
        }
        if !population.isEmpty {
            for name in CINMeasure.rated {
                for (index, month) in measures.months.enumerated() {
                    guard let children = population[month], children > 0 else { continue }
                    let count = measures.counts[name]![index]
                    csv.writeRecord([
                        name + "_per_10k", month.description, CSVNumber.format(10_000 * Double(count) / children), String(count),
                        CSVNumber.format(children),
                    ])
                }
            }
        }
        return csv.text
    }

    /// Months of the span with no population (their rates are not written).
    public var monthsWithoutPopulation: [Period] {
        population.isEmpty ? [] : measures.months.filter { (population[$0] ?? 0) <= 0 }
    }

    public func episodesCSV() -> String {
        var csv = CSVWriter()
        csv.writeRecord([
            "child", "referral_date", "closure_date", "referral_source", "primary_need", "reason_for_closure", "referral_nfa",
            "assessments", "section47s", "plans", "file", "line",
        ])
        for episode in merged.episodes {
            csv.writeRecord([
                episode.child, episode.referral.description, episode.closure?.description ?? "", episode.referralSource,
                episode.primaryNeed, episode.reasonForClosure, episode.referralNFA, String(episode.assessments.count),
                String(episode.section47s.count), String(episode.plans.count), episode.file, String(episode.line),
            ])
        }
        return csv.text
    }

    public func validationCSV() -> String {
        var csv = CSVWriter()
        csv.writeRecord(["file", "line", "child", "rule", "message"])
        for issue in merged.issues {
            csv.writeRecord([issue.file, String(issue.line), issue.child, issue.rule.rawValue, issue.message])
        }
        return csv.text
    }

    /// Children aged 0-17 by month from a tidy observations file (`series,period,value`, one
    /// series): a yearly value applies to every month of its calendar year, a monthly one to
    /// its month.
    ///
    /// - Throws: ``DataError`` for a file with more than one series or a value that is not a
    ///   positive number.
    public static func population(from path: String) throws -> [Period: Double] {
        let series = try ObservationReader(path: path).readAll()
        guard series.count == 1 else {
            throw DataError(
                file: path, line: series.count > 1 ? series[1].firstLine : 1, column: 1,
                expected: "expected one series of children aged 0-17, found \(series.count)")
        }
        var byMonth: [Period: Double] = [:]
        for (period, value) in zip(series[0].series.periods, series[0].series.values) where !value.isNaN {
            guard value > 0 else {
                throw DataError(
                    file: path, line: series[0].firstLine, column: 1, expected: "expected a positive population, found \(value) in \(period)")
            }
            switch period.frequency {
            case .monthly: byMonth[period] = value
            case .quarterly:
                let first = period.firstDay.monthPeriod
                for offset in 0..<3 { byMonth[first.advanced(by: offset)] = value }
            case .annual:
                for month in 1...12 { byMonth[Period(year: period.year, month: month)] = value }
            }
        }
        return byMonth
    }

    enum FileResult: Sendable {
        case read(CINCensusReturn)
        case skipped(String)
        case failed(any Error)
    }

    /// Reads each candidate, two at a time or more (one per core).
    static func readInParallel(_ candidates: [(path: String, inFolder: Bool)]) -> [FileResult] {
        final class Results: @unchecked Sendable {
            var values: [FileResult?]
            let lock = ResultsLock()
            init(count: Int) { values = Array(repeating: nil, count: count) }
        }
        let results = Results(count: candidates.count)
        let work = candidates
        DispatchQueue.concurrentPerform(iterations: work.count) { index in
            let candidate = work[index]
            let result: FileResult
            do {
                let bytes = try ByteSource(path: candidate.path).readAll()
                if candidate.inFolder && !CINCensusReader.looksLikeXML(bytes) {
                    result = .skipped(candidate.path)
                } else {
                    result = .read(try CINCensusReader.read(bytes: bytes, file: candidate.path))
                }
            } catch {
                result = .failed(error)
            }
            results.lock.withLock { results.values[index] = result }
        }
        return results.values.map { $0! }
    }

}

/// A mutual-exclusion lock on `pthread_mutex_t`, for results gathered from worker threads.
final class ResultsLock: @unchecked Sendable {
    private var mutex = pthread_mutex_t()

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}
