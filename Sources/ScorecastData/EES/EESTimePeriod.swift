/// An EES `time_period` with its `time_identifier`, mapped to the year ending 31 March that
/// the comparator data use everywhere.
///
/// - `Reporting year` (`2025`): the children's social care collections' year to 31 March → 2025.
/// - `Financial year` (`202425`): April 2024 – March 2025 → 2025.
/// - `Academic year` (`202425`): September 2024 – August 2025, whose 31 March is in 2025 → 2025.
///
/// Other identifiers (calendar years, terms, quarters, months, weeks) do not end on or contain a
/// single 31 March and are refused rather than guessed. The layout follows DfE's EES data
/// standards for `time_period`/`time_identifier` (six-digit spans `YYYYyy` with `yy` the next
/// year's last two digits).
public enum EESTimePeriod {
    /// The identifiers understood.
    public static let identifiers = ["Reporting year", "Financial year", "Academic year"]

    /// The year ending 31 March, or a description of what was expected.
    public static func yearEnding31March(timePeriod: String, identifier: String) -> Result<Int, Refusal> {
        switch identifier {
        case "Reporting year":
            guard timePeriod.count == 4, let year = Int(timePeriod), year > 1900 else {
                return .failure(Refusal(column: "time_period", expected: "expected a four-digit year for a Reporting year"))
            }
            return .success(year)
        case "Financial year", "Academic year":
            guard timePeriod.count == 6, let start = Int(timePeriod.prefix(4)), let end = Int(timePeriod.suffix(2)),
                start > 1900, (start + 1) % 100 == end
            else {
                return .failure(Refusal(column: "time_period", expected: "expected a six-digit span YYYYyy (202425) for a \(identifier)"))
            }
            return .success(start + 1)
        default:
            return .failure(
                Refusal(
                    column: "time_identifier",
                    expected: "expected a time_identifier ending on or spanning one 31 March (\(identifiers.joined(separator: ", ")))"))
        }
    }

    /// Why a time period was refused: the column to point at and what was expected there.
    public struct Refusal: Error, Sendable, Equatable {
        public var column: String
        public var expected: String
    }
}
