/// The three SSDA903 tables Scorecast reads, recognised by their header row: every column
/// listed must be present (in any order, names trimmed and upper-cased); extra columns such
/// as `LA` or `YEAR` are allowed.
///
/// Formats from the DfE's SSDA903 guidance as the 903 validator reads them
/// (data-to-insight/csc-validator-be-903, `validator903/config.py`).
public enum SSDA903Table: String, Sendable, CaseIterable {
    /// `CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB`: one row per child.
    case header
    /// `CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST`
    /// (and `URN` from 2017-18 on; not required): one row per episode of care.
    case episodes
    /// `CHILD,SEX,DOB,DUC`: unaccompanied asylum-seeking children.
    case uasc

    /// The columns the table must have.
    public var requiredColumns: [String] {
        switch self {
        case .header: ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]
        case .episodes:
            ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST"]
        case .uasc: ["CHILD", "SEX", "DOB", "DUC"]
        }
    }

    /// The table whose columns all appear in `columns` (trimmed, upper-cased names), or `nil`.
    /// Episodes is tried first, then header, then UASC (a header row has every UASC column
    /// but DUC, so the order does not matter).
    public static func recognise(_ columns: [String]) -> SSDA903Table? {
        let names = Set(columns)
        return [.episodes, .header, .uasc].first { $0.requiredColumns.allSatisfy(names.contains) }
    }

    /// Placement codes of the 903 (`PLACE`): those the 903 validator's rules list
    /// (data-to-insight/csc-validator-be-903, `validator903/validators.py`), and K3, which the
    /// default placement map (issue 19) puts in `Supported`.
    public static let placementCodes: Set<String> = [
        "A3", "A4", "A5", "A6", "H5", "K1", "K2", "K3", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1",
        "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1",
    ]

    /// Reasons for a new episode (`RNE`): S started to be looked after; L, P, T, U and B the
    /// changes of legal status and placement the guidance lists.
    public static let newEpisodeReasons: Set<String> = ["P", "L", "T", "S", "U", "B"]
}
