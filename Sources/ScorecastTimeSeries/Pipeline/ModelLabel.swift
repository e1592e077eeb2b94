/// A short, groupable name for what a forecast's model was, beside its full description.
///
/// A fitted model describes itself with its parameters (`DOTM(α=0.107, θ=1.0)`,
/// `mean(ETS(M,N,N) (AICc-weighted), DOTM(...), ...)`): right for reading one series, useless
/// for `groupby('model')` over thousands (every series differs). The label keeps the form and
/// drops the estimates:
/// - a combination (`mean(...)`, `median(...)`) is labelled with the model asked for (`auto`,
///   `ensemble`): its members are in the detail;
/// - otherwise only parenthesised groups that are orders or forms (letters and digits
///   separated by commas: `(M,Ad,M)`, `(0,1,1)`) are kept; every other group (parameters,
///   words, annotations) is dropped, so `DOTM(α=0.107, θ=1.0)` → `DOTM`,
///   `ETS(M,N,N) (AICc-weighted)` → `ETS(M,N,N)`, `GLM(negbin, trend on, fourier1)` → `GLM`,
///   `naive (fallback)` → `naive`, and `ARIMA(0,1,1)(0,1,1)[12] with drift` stays as it is.
///
/// Complexity: O(length of the description).
public enum ModelLabel {
    /// The label of a forecast whose model described itself as `detail`, asked for as `requested`.
    public static func short(detail: String, requested: String) -> String {
        if detail.hasPrefix("mean(") || detail.hasPrefix("median(") { return requested }
        var result = ""
        var characters = detail[...]
        while let open = characters.firstIndex(of: "(") {
            result += characters[..<open]
            var depth = 0
            var close = open
            for index in characters[open...].indices {
                if characters[index] == "(" { depth += 1 }
                if characters[index] == ")" { depth -= 1 }
                if depth == 0 {
                    close = index
                    break
                }
            }
            guard depth == 0 else {
                // Unbalanced: keep the rest as written.
                result += characters[open...]
                characters = characters[characters.endIndex...]
                break
            }
            let group = characters[open...close]
            if isForm(group.dropFirst().dropLast()) { result += group }
            characters = characters[characters.index(after: close)...]
        }
        result += characters
        let words = result.split(separator: " ", omittingEmptySubsequences: true)
        let label = words.joined(separator: " ")
        return label.isEmpty ? requested : label
    }

    /// Letters and digits separated by commas, at least one comma: `M,Ad,M`, `0,1,1`.
    private static func isForm(_ content: Substring) -> Bool {
        content.contains(",")
            && content.split(separator: ",", omittingEmptySubsequences: false).allSatisfy { part in
                !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
            }
    }
}
