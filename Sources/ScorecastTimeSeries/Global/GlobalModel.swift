import Foundation
import ScorecastCore

/// A trained global model: one XGBoost booster per forecast step and (by default) a recursive
/// booster, learnt from the windows of a whole batch of series, and the conformal scores that
/// calibrate its intervals.
///
/// Every model in Scorecast but this one learns from one series; this one learns across a
/// batch (the councils of a region, the teams of a council), as the strongest M3 and M4
/// methods did (N-BEATS, the M4 winners). It is trained once per batch
/// (``train(on:settings:parameters:maximumRowsPerStep:recursive:jobs:using:)``) and then forecasts any
/// series that fits its ``settings`` (``forecast(_:levels:)``), the batch's own or another's
/// (``serialized()`` / ``init(serialized:file:)``).
///
/// Direct multi-step forecasting: step `j`'s booster predicts the value `j` periods after the
/// origin from the same window, so errors do not feed back as they would in a recursive
/// scheme, and each step learns its own seasonal offset (Taieb, Bontempi, Atiya and Sorjamaa,
/// "A review and comparison of strategies for multi-step ahead time series forecasting based on
/// the NN5 forecasting competition", Expert Systems with Applications 39(8), 2012; the issue's
/// sketch used the same scheme).
///
/// With a recursive member (``GlobalRecursiveMember``, in the default model), each step's
/// forecast is the mean of the direct booster's and the recursive booster's: light direct
/// boosters and a recursive one err differently, and their mean forecasts about as well as deep
/// direct boosters alone for about a quarter of the training (``GlobalTrainingOptions``).
///
/// Intervals: split conformal on held-out windows of the model itself (see
/// ``GlobalModel/train(on:settings:parameters:maximumRowsPerStep:recursive:jobs:using:)``): at step `j`,
/// the forecast ± `q_j(L)` × level × relative spread, where `q_j(L)` is the ⌈(N + 1) L⌉-th
/// smallest of the N held-out scores of step `j`.
public struct GlobalModel: Sendable {
    /// The file format's version: a file of another version is refused (version 1, without
    /// the recursive member's line, is read as a direct model).
    public static let formatVersion = 2
    /// The windows the boosters were trained on.
    public let settings: GlobalWindowSettings
    /// How the boosters were grown.
    public let parameters: GlobalBoostingParameters
    /// One booster per step.
    let boosters: [XGBoostBooster]
    /// The recursive member's settings, `nil` for the direct boosters alone.
    public let recursive: GlobalRecursiveMember?
    /// The recursive member's booster (with ``recursive``).
    let recursiveBooster: XGBoostBooster?
    /// Sorted held-out scores `|actual − forecast| / (level × relative spread)`, per step.
    public let calibrationScores: [[Double]]
    /// Series and training windows (of step 1) the final boosters learnt from.
    public let trainingSeries: Int
    public let trainingWindows: Int

    init(
        settings: GlobalWindowSettings, parameters: GlobalBoostingParameters, boosters: [XGBoostBooster],
        recursive: (member: GlobalRecursiveMember, booster: XGBoostBooster)? = nil, calibrationScores: [[Double]], trainingSeries: Int,
        trainingWindows: Int
    ) {
        precondition(boosters.count == settings.horizon && calibrationScores.count == settings.horizon, "One booster and one score list per step")
        precondition(calibrationScores.allSatisfy { !$0.isEmpty }, "Every step needs calibration scores")
        self.settings = settings
        self.parameters = parameters
        self.boosters = boosters
        self.recursive = recursive?.member
        self.recursiveBooster = recursive?.booster
        self.calibrationScores = calibrationScores
        self.trainingSeries = trainingSeries
        self.trainingWindows = trainingWindows
    }

    /// The point forecasts of `steps` periods after each origin, in the series' units, origin
    /// by origin: the direct boosters' predictions times the window's level, averaged step by
    /// step with the recursive booster's forecasts when there is one. Training's calibration
    /// pass calls it with its own boosters, so the scores measure what ``forecast(_:horizon:levels:)``
    /// does.
    static func pointForecasts(
        direct boosters: [XGBoostBooster], recursive: XGBoostBooster?, from origins: [(history: [Double], start: Period, window: GlobalWindow)],
        steps: Int, settings: GlobalWindowSettings
    ) throws(XGBoostError) -> [[Double]] {
        let windows = origins.map(\.window)
        let matrix = try XGBoostMatrix(values: windows.flatMap(\.features), rows: windows.count, columns: settings.columns)
        var forecasts = [[Double]](repeating: [], count: origins.count)
        for step in 0..<steps {
            let ratios = try boosters[step].predict(matrix)
            for index in origins.indices { forecasts[index].append(Double(ratios[index]) * windows[index].level) }
        }
        guard let recursive else { return forecasts }
        let recursiveForecasts = try recursiveForecasts(of: recursive, from: origins, steps: steps, settings: settings)
        return zip(forecasts, recursiveForecasts).map { direct, recursive in zip(direct, recursive).map { ($0 + $1) / 2 } }
    }

    /// The split-conformal quantile of step `step`'s scores at `level` percent.
    public func scoreQuantile(step: Int, level: Double) -> Double {
        let scores = calibrationScores[step]
        let rank = Int((Double(scores.count + 1) * level / 100).rounded(.up))
        return scores[min(scores.count, max(1, rank)) - 1]
    }

    /// The forecast of the `horizon` periods after `series` ends, with conformal intervals at
    /// `levels`.
    ///
    /// - Throws: ``GlobalWindow/Unavailable`` when the series has no window (too short, no
    ///   level); ``XGBoostError`` if XGBoost fails.
    public func forecast(_ series: TimeSeries, horizon: Int, levels: [Double]) throws -> (mean: [Double], intervals: [PredictionInterval]) {
        precondition(horizon <= settings.horizon, "The model forecasts at most \(settings.horizon) steps")
        let window = try GlobalWindow(lastOf: series, settings: settings)
        let predicted = try Self.pointForecasts(
            direct: boosters, recursive: recursiveBooster, from: [(series.values, series.start, window)], steps: horizon, settings: settings)[0]
        let scale = window.level * window.relativeSpread
        let intervals = levels.map { level in
            let widths = (0..<horizon).map { scoreQuantile(step: $0, level: level) * scale }
            return PredictionInterval(
                level: level, lower: zip(predicted, widths).map { $0 - $1 }, upper: zip(predicted, widths).map { $0 + $1 })
        }
        return (predicted, intervals)
    }
}
