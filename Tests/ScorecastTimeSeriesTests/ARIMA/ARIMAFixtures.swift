import Foundation
import ScorecastCore
import Testing

@testable import ScorecastTimeSeries

/// R forecast 8.20's ARIMA results on the ETS fixtures' 100 M3 monthly series (made by
/// `scripts/fixtures/arima.R`; orders written `p d q P D Q`).
enum ARIMAFixtures {
    static func rows(_ name: String) -> [[String: String]] { ETSFixtures.rows(name, folder: "arima") }

    /// `"1 0 1 0 1 1"` as an order.
    static func order(_ text: String) -> ARIMAOrder {
        let n = text.split(separator: " ").map { Int($0)! }
        return ARIMAOrder(p: n[0], d: n[1], q: n[2], seasonalP: n[3], seasonalD: n[4], seasonalQ: n[5])
    }

    static func constant(_ text: String) -> ARIMAConstant { ARIMAConstant(rawValue: text)! }

    /// The fixed-order CSS fits R's optimiser finished (convergence code 0); the others stopped
    /// at R's 100-iteration cap and depend on its exact path.
    static let convergedFits: [[String: String]] = rows("arima-css-summary").filter { $0["code"] == "0" }
}
