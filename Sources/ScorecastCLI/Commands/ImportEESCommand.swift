import ArgumentParser
import ScorecastComparators
import ScorecastData

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `scorecast import-ees FILE --column COLUMN --measure NAME --data DIR`: one indicator of a
/// DfE explore-education-statistics CSV into a comparator data folder, as a catalogued measure.
struct ImportEESCommand: ScorecastCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-ees",
        abstract: "Import one indicator of a DfE explore-education-statistics CSV as a comparator measure.",
        discussion: """
            Reads the National, Regional and Local authority rows of FILE (other geographic levels \
            are counted and reported), picks one row per area and year with --where filters (an \
            error names the filter still needed and lists its values), maps time_period and \
            time_identifier to the year ending 31 March, keeps suppression symbols (c x z low k u . :) \
            and blanks as missing with the reason, resolves old LA codes through \
            la_code_changes.csv, and adds or replaces the measure in DIR's indicators file and \
            measures.csv (both written whole or not at all; every other measure kept).
            Exit status: \(ExitStatus.summary)
            """)

    @Argument(help: ArgumentHelp("An EES open-data CSV.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The indicator column holding the measure's values.", valueName: "column"))
    var column: String

    @Option(help: ArgumentHelp("The measure's name in the data folder (letters, digits, underscores).", valueName: "name"))
    var measure: String

    @Option(
        name: .customLong("where"), help: ArgumentHelp("Keep rows whose COLUMN reads VALUE; repeat for several filters.", valueName: "column=value"))
    var filters: [String] = []

    @Option(help: ArgumentHelp("higher_is_better, lower_is_better or neutral.", valueName: "polarity"))
    var polarity = "neutral"

    @Option(help: ArgumentHelp("count, percent, rate_per_10k or number.", valueName: "unit"))
    var unit = "number"

    @Option(help: ArgumentHelp("The indicator column holding the numerator (with --denominator).", valueName: "column"))
    var numerator: String?

    @Option(help: ArgumentHelp("The indicator column holding the denominator (with --numerator, or alone for a percentage).", valueName: "column"))
    var denominator: String?

    @Option(help: ArgumentHelp("The comparator data folder (the layout of notebooks-data/dfe).", valueName: "dir"))
    var data: String

    @Option(help: ArgumentHelp("LA code and boundary changes; default DIR/la_code_changes.csv when present.", valueName: "file"))
    var codeChanges: String?

    func validate() throws {
        guard !measure.isEmpty, measure.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw ValidationError("--measure must be letters, digits and underscores, got '\(measure)'")
        }
        guard measure != Measure.populationDenominator else { throw ValidationError("--measure \(measure) is the population's name") }
        guard Polarity(rawValue: polarity) != nil else {
            throw ValidationError("--polarity must be one of \(Polarity.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let kind = Measure.Kind(rawValue: unit) else {
            throw ValidationError("--unit must be one of \(Measure.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if kind == .percentage {
            guard numerator == nil || denominator != nil else { throw ValidationError("--numerator needs --denominator") }
        } else if (numerator == nil) != (denominator == nil) {
            throw ValidationError("give --numerator and --denominator together")
        }
        if kind == .count, numerator != nil {
            throw ValidationError("a count is its own numerator: give --denominator only with --unit percent, rate_per_10k or number")
        }
        _ = try parsedFilters()
    }

    /// `--where` as filters; a usage error for one without `=`.
    func parsedFilters() throws -> [EESSelection.Filter] {
        try filters.map { text in
            guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                throw ValidationError("--where takes COLUMN=VALUE, got '\(text)'")
            }
            return EESSelection.Filter(column: String(text[..<equals]), value: String(text[text.index(after: equals)...]))
        }
    }

    func execute() throws {
        let kind = Measure.Kind(rawValue: unit)!
        let multiplier: Double =
            switch kind {
            case .count, .number: 1
            case .rate: 10_000
            case .percentage: 100
            }
        let range: ClosedRange<Double> =
            switch kind {
            case .percentage: 0...100
            case .count, .rate: 0...Double.greatestFiniteMagnitude
            case .number: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
            }
        let folder = data.hasSuffix("/") ? String(data.dropLast()) : data
        let changesPath = codeChanges ?? folder + "/la_code_changes.csv"
        let changes = codeChanges != nil || MeasureImportFiles.exists(changesPath) ? try LACodeChanges(path: changesPath) : LACodeChanges()
        let filters = try parsedFilters()
        let selection = EESSelection(
            valueColumn: column, numeratorColumn: numerator, denominatorColumn: denominator,
            filters: filters, valueRange: range)
        let extract = try EESReader.read(path: file, selection: selection, codeChanges: changes)
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let summary = try MeasureImport.write(
            extract, as: Measure(name: measure, kind: kind, multiplier: multiplier, polarity: Polarity(rawValue: polarity)!),
            sourceFile: name + "#" + column, filters: filters.map { "\($0.column)=\($0.value)" }.joined(separator: ";"), folder: folder)
        printError("import-ees: \(summary.line)")
        for note in extract.notes { printError("import-ees: \(note)") }
    }
}

/// File checks the command needs.
enum MeasureImportFiles {
    static func exists(_ path: String) -> Bool { access(path, R_OK) == 0 }
}
