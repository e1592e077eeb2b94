import Foundation

extension AutoARIMA {
    /// The `arima[:OPTIONS]` spec of the model catalogue. Options, comma-separated: orders
    /// `p,d,q` or `p,d,q,P,D,Q` fix the model (``ARIMA``, with a mean or drift where R would fit
    /// one), otherwise the stepwise search chooses it (``AutoARIMA``); `noconstant` (fixed
    /// orders) fits no mean or drift; `nonseasonal` (search) leaves out seasonal terms;
    /// `kalman` forecasts as R's `predict.Arima` does instead of from the conditional errors.
    /// Series too short for the model get the naive method, saying so.
    ///
    /// - Throws: ``ModelCatalogueError/invalidOptions(model:options:expected:)`` for anything else.
    static func catalogueSpec(options: String?) throws -> AnyForecastModelSpec {
        let words = (options ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let numbers = words.compactMap { Int($0) }
        let flags = Set(words.filter { Int($0) == nil })
        let method: ARIMAForecastMethod = flags.contains("kalman") ? .stateSpace : .conditional
        let invalid = ModelCatalogueError.invalidOptions(
            model: "arima", options: options ?? "",
            expected: "orders p,d,q or p,d,q,P,D,Q (each 0 to 12), 'noconstant' with orders, 'nonseasonal' without, 'kalman'")
        guard flags.isSubset(of: ["kalman", "noconstant", "nonseasonal"]), [0, 3, 6].contains(numbers.count),
            numbers.allSatisfy({ (0...12).contains($0) })
        else { throw invalid }
        if numbers.isEmpty {
            guard !flags.contains("noconstant") else { throw invalid }
            return .fallingBackToNaive(AutoARIMA(seasonal: !flags.contains("nonseasonal"), forecastMethod: method))
        }
        guard !flags.contains("nonseasonal") else { throw invalid }
        let order =
            numbers.count == 3
            ? ARIMAOrder(p: numbers[0], d: numbers[1], q: numbers[2])
            : ARIMAOrder(p: numbers[0], d: numbers[1], q: numbers[2], seasonalP: numbers[3], seasonalD: numbers[4], seasonalQ: numbers[5])
        return .fallingBackToNaive(ARIMA(order: order, includeConstant: !flags.contains("noconstant"), forecastMethod: method))
    }
}
