/// The age bands of the children's services demand model: `0-1`, `1-5`, `5-10`, `10-16`,
/// `16-18`, by age in completed years; `16-18` holds every age from 16 (a 903 return ends care
/// at 18, and the demand model's last band is likewise open, "16 to 18+").
///
/// Follows data-to-insight/cs-demand-model (`fixtures/config/standard-v1.yaml`, `AgeBrackets`),
/// with ages in completed years rather than days / 365.24.
public enum LookedAfterAgeBand: Int, CaseIterable, Comparable, Sendable, CustomStringConvertible {
    case underOne, oneToFive, fiveToTen, tenToSixteen, sixteenToEighteen

    /// The band holding `age` completed years (`age` ≥ 0).
    public init(age: Int) {
        precondition(age >= 0, "age before birth")
        switch age {
        case 0: self = .underOne
        case 1..<5: self = .oneToFive
        case 5..<10: self = .fiveToTen
        case 10..<16: self = .tenToSixteen
        default: self = .sixteenToEighteen
        }
    }

    /// The band's label, `0-1` ... `16-18`.
    public var description: String {
        switch self {
        case .underOne: "0-1"
        case .oneToFive: "1-5"
        case .fiveToTen: "5-10"
        case .tenToSixteen: "10-16"
        case .sixteenToEighteen: "16-18"
        }
    }

    /// The band with label `text`, or `nil`.
    public init?(label text: some StringProtocol) {
        guard let band = LookedAfterAgeBand.allCases.first(where: { $0.description == text }) else { return nil }
        self = band
    }

    /// The youngest age in the band.
    public var lowestAge: Int { [0, 1, 5, 10, 16][rawValue] }

    /// The next band up, or `nil` for the last.
    public var next: LookedAfterAgeBand? { LookedAfterAgeBand(rawValue: rawValue + 1) }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
