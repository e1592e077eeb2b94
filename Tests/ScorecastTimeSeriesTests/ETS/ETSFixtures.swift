import Foundation
import ScorecastCore

@testable import ScorecastTimeSeries

/// R forecast 8.20's `ets()` on 100 M3 monthly series (made by `scripts/fixtures/ets-m3.R`).
enum ETSFixtures {
    struct Model {
        let series: String
        let form: ETS.Form
        let parameters: ETS.Parameters
        let variance: Double
        let logLikelihood: Double
        let aic: Double
        let aicc: Double
        let bic: Double
        /// R's initial state: ℓ, b, s₁ ... s_m.
        let state: [Double]

        var initialState: ETS.State {
            let hasTrend = form.trend != .none
            return ETS.State(
                level: state[0], trend: hasTrend ? state[1] : 0,
                seasonal: Array(state.dropFirst(hasTrend ? 2 : 1)))
        }
    }

    struct ForecastRow {
        let mean: Double, lo80: Double, hi80: Double, lo95: Double, hi95: Double
    }

    /// A fixture of `Fixtures/FOLDER/` (`ets` unless given).
    static func rows(_ name: String, folder: String = "ets") -> [[String: String]] {
        let url = Bundle.module.url(forResource: "Fixtures/\(folder)/\(name)", withExtension: "csv")!
        let text = try! String(contentsOf: url, encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            return Dictionary(uniqueKeysWithValues: zip(header, fields))
        }
    }

    static let series: [String: TimeSeries] = {
        var grouped: [String: [(Period, Double)]] = [:]
        var order: [String] = []
        for row in rows("ets-m3-series") {
            let name = row["series"]!
            if grouped[name] == nil { order.append(name) }
            grouped[name, default: []].append((Period(parsing: row["period"]!)!, Double(row["value"]!)!))
        }
        return grouped.mapValues { pairs in
            try! TimeSeries(name: "", observations: pairs.map { (period: $0.0, value: $0.1) })
        }.reduce(into: [:]) { result, entry in
            var series = entry.value
            series.name = entry.key
            result[entry.key] = series
        }
    }()

    static let models: [Model] = rows("ets-m3-models").map { row in
        func value(_ key: String) -> Double? { row[key].flatMap { $0.isEmpty ? nil : Double($0) } }
        return Model(
            series: row["series"]!, form: ETS.Form(code: row["model"]!)!,
            parameters: ETS.Parameters(
                alpha: value("alpha")!, beta: value("beta") ?? 0,
                gamma: value("gamma") ?? 0, phi: value("phi") ?? 1),
            variance: value("sigma2")!, logLikelihood: value("loglik")!, aic: value("aic")!,
            aicc: value("aicc")!, bic: value("bic")!,
            state: row["states"]!.split(separator: " ").map { Double($0)! })
    }

    static let forecasts: [String: [ForecastRow]] = rows("ets-m3-forecasts").reduce(into: [:]) { result, row in
        result[row["series"]!, default: []].append(
            ForecastRow(
                mean: Double(row["mean"]!)!, lo80: Double(row["lo80"]!)!, hi80: Double(row["hi80"]!)!,
                lo95: Double(row["lo95"]!)!, hi95: Double(row["hi95"]!)!))
    }

    /// Every candidate's AICc as R fits it on its own: series → code → AICc.
    static let candidates: [String: [String: Double]] = rows("ets-m3-candidates").reduce(into: [:]) { result, row in
        let code = row["model"]!.replacingOccurrences(of: "Ad", with: "Ad")
        result[row["series"]!, default: [:]][code] = Double(row["aicc"]!)!
    }

    /// The fitted model R's parameters and initial state give, through Scorecast's filter.
    static func fittedWithReference(_ model: Model) -> FittedETS {
        let series = series[model.series]!
        let m = model.form.season == .none ? 1 : 12
        var point = [model.parameters.alpha]
        if model.form.trend != .none { point.append(model.parameters.beta) }
        if model.form.season != .none { point.append(model.parameters.gamma) }
        if model.form.damped { point.append(model.parameters.phi) }
        let smoothing = point.count
        point += model.state.dropLast(model.form.season == .none ? 0 : 1)
        let setUp = ETS.SharedSetUp(values: series.values, m: m)
        return ETS().makeFitted(form: model.form, m: m, point: point, smoothingCount: smoothing, setUp: setUp, series: series)!
    }
}
