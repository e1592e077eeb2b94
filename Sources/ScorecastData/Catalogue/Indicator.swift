import ScorecastCore

/// What an indicator's values measure.
public enum IndicatorUnit: String, Sendable, CaseIterable, Codable {
    /// A number of children, cases, events.
    case count
    /// A percentage in [0, 100].
    case percent
    /// A rate per 10,000 children aged 0-17.
    case ratePer10k = "rate_per_10k"
    /// A rate per 100,000 (youth justice uses 10-17 year olds).
    case ratePer100k = "rate_per_100k"

    /// Decimal places for CSV output (no float noise): 0.1 for counts (expectations and
    /// forecasts are not whole), 0.01 for percentages and rates.
    public var csvDecimalPlaces: Int { self == .count ? 1 : 2 }
}

/// Which way is better.
public enum Polarity: String, Sendable, CaseIterable, Codable {
    case higherIsBetter = "higher_is_better"
    case lowerIsBetter = "lower_is_better"
    /// Demand volumes and other figures where neither way is better in itself.
    case neutral
}

/// One row of the indicator catalogue: `code,title,unit,polarity,frequency,lead,owner,outcome`.
public struct Indicator: Sendable, Equatable {
    public var code: String
    public var title: String
    public var unit: IndicatorUnit
    public var polarity: Polarity
    public var frequency: Frequency
    public var lead: String
    public var owner: String
    /// The outcome statement: what good looks like.
    public var outcome: String

    public init(
        code: String, title: String, unit: IndicatorUnit, polarity: Polarity, frequency: Frequency, lead: String = "", owner: String = "",
        outcome: String = ""
    ) {
        self.code = code
        self.title = title
        self.unit = unit
        self.polarity = polarity
        self.frequency = frequency
        self.lead = lead
        self.owner = owner
        self.outcome = outcome
    }

    /// The catalogue's columns, in order.
    public static let columns = ["code", "title", "unit", "polarity", "frequency", "lead", "owner", "outcome"]

    /// The catalogue as CSV.
    public static func csv(_ indicators: [Indicator]) -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRecord(columns)
        for indicator in indicators {
            writer.writeRecord([
                indicator.code, indicator.title, indicator.unit.rawValue, indicator.polarity.rawValue,
                indicator.frequency.description, indicator.lead, indicator.owner, indicator.outcome,
            ])
        }
        return writer.bytes
    }

    /// Reads a catalogue. `title`, `lead`, `owner` and `outcome` may be absent.
    ///
    /// - Throws: ``DataError`` for an unknown unit, polarity or frequency, or a code given twice.
    public static func read(path: String) throws -> [Indicator] {
        try read(CSVTable(path: path, required: ["code", "unit", "polarity"]))
    }

    /// Reads a catalogue from `table`.
    public static func read(_ table: CSVTable) throws -> [Indicator] {
        var indicators: [Indicator] = []
        var lines: [String: Int] = [:]
        while try table.next() {
            let code = table.text("code")
            guard !code.isEmpty else { throw table.error("code", "expected an indicator code, found an empty field") }
            if let line = lines[code] {
                throw table.error("code", "expected each code once, found \(DataError.quote(code)) again (first on line \(line))")
            }
            lines[code] = table.csv.record.line
            guard let unit = IndicatorUnit(rawValue: table.text("unit")) else {
                throw table.error(
                    "unit",
                    "expected a unit (\(IndicatorUnit.allCases.map(\.rawValue).joined(separator: "|"))), found \(DataError.quote(table.text("unit")))"
                )
            }
            guard let polarity = Polarity(rawValue: table.text("polarity")) else {
                throw table.error(
                    "polarity",
                    "expected a polarity (\(Polarity.allCases.map(\.rawValue).joined(separator: "|"))), found \(DataError.quote(table.text("polarity")))"
                )
            }
            let frequencyText = table.has("frequency") ? table.text("frequency") : "monthly"
            guard let frequency = Frequency.allCases.first(where: { $0.description == frequencyText }) else {
                throw table.error("frequency", "expected a frequency (monthly|quarterly|annual), found \(DataError.quote(frequencyText))")
            }
            indicators.append(
                Indicator(
                    code: code, title: table.text("title"), unit: unit, polarity: polarity, frequency: frequency,
                    lead: table.text("lead"), owner: table.text("owner"), outcome: table.text("outcome")))
        }
        return indicators
    }
}
