import Foundation
import ScorecastCore

extension GlobalModel {
    /// The cap on training windows per booster: beyond it, windows are sampled (seeded).
    /// M3 monthly gives about 100,000 windows per step; the cap keeps a very large batch
    /// (every council × every indicator) to a training time and memory that a laptop affords.
    public static let defaultMaximumRowsPerStep = 100_000

    /// Trains the global model on every series of `batch`.
    ///
    /// Two passes, both on windows only (``GlobalTrainingWindows``):
    /// 1. *Calibration*: boosters (``GlobalBoostingParameters/calibration``: a third of the
    ///    trees at three times the learning rate, for 40% of a full pass's training time)
    ///    trained on every series with its last `horizon` periods held out forecast those
    ///    periods from the cut; each step's errors, scaled by the cut
    ///    window's level × relative spread, are the conformal scores (one per series per step:
    ///    split conformal with the held-out tail as the calibration set, so the scores come
    ///    from a model that never saw what it forecast).
    /// 2. *Final*: the same boosters trained on the whole series.
    ///
    /// The randomness is `generator` (the window sampling, drawn before any booster is grown)
    /// and XGBoost's own seed (``GlobalBoostingParameters/seed`` plus the step), so the same
    /// batch and seed give the same model. `jobs` boosters grow at once, each on its own
    /// thread(s): the trees do not depend on `jobs`.
    ///
    /// - Complexity: horizon boosters of `trees` trees and horizon boosters of `trees / 3`
    ///   trees, on at most `maximumRowsPerStep` windows each.
    /// - Throws: ``GlobalModelError/tooLittleData(needed:)`` when no series has
    ///   ``GlobalWindowSettings/minimumHistory`` + 2 × horizon periods (the calibration
    ///   pass's last step needs that);
    ///   ``GlobalModelError/frequencyMismatch(series:model:found:)``; XGBoost's failures.
    public static func train(
        on batch: [TimeSeries], settings: GlobalWindowSettings, parameters: GlobalBoostingParameters = GlobalBoostingParameters(),
        maximumRowsPerStep: Int = defaultMaximumRowsPerStep, jobs: Int = 1, using generator: inout some RandomNumberGenerator
    ) throws(GlobalModelError) -> GlobalModel {
        precondition(maximumRowsPerStep >= 1 && jobs >= 1, "At least one row and one job")
        for series in batch where series.frequency != settings.frequency {
            throw .frequencyMismatch(series: series.name, model: settings.frequency, found: series.frequency)
        }
        let horizon = settings.horizon
        // A series cut by the horizon gives the calibration pass a window at step j only from
        // minimumHistory + j periods: the last step's booster needs a series of
        // minimumHistory + 2 × horizon. Shorter series still give windows to the early steps
        // and, from minimumHistory + 1 + horizon periods, a score.
        let needed = settings.minimumHistory + 2 * horizon
        guard batch.contains(where: { $0.count >= needed }) else { throw .tooLittleData(needed: needed) }
        let calibrationBatch = batch.filter { $0.count >= settings.minimumCalibrationLength }.map { $0.prefix($0.count - horizon) }

        let calibrationWindows = (1...horizon).map {
            GlobalTrainingWindows(batch: calibrationBatch, step: $0, settings: settings, maximumRows: maximumRowsPerStep, using: &generator)
        }
        let finalWindows = (1...horizon).map {
            GlobalTrainingWindows(batch: batch, step: $0, settings: settings, maximumRows: maximumRowsPerStep, using: &generator)
        }
        let calibrationBoosters = try growBoosters(calibrationWindows, settings: settings, parameters: parameters.calibration, jobs: jobs)
        let scores = try calibrationScores(of: calibrationBoosters, batch: batch, settings: settings)
        guard scores.allSatisfy({ !$0.isEmpty }) else { throw .tooLittleData(needed: needed) }
        let boosters = try growBoosters(finalWindows, settings: settings, parameters: parameters, jobs: jobs)
        return GlobalModel(
            settings: settings, parameters: parameters, boosters: boosters, calibrationScores: scores,
            trainingSeries: batch.count, trainingWindows: finalWindows[0].rows)
    }

    /// One booster per step, `jobs` at a time; step `j` seeded with the parameters' seed + `j`.
    private static func growBoosters(
        _ windows: [GlobalTrainingWindows], settings: GlobalWindowSettings, parameters: GlobalBoostingParameters, jobs: Int
    ) throws(GlobalModelError) -> [XGBoostBooster] {
        let results = ResultSlots<XGBoostBooster>(count: windows.count)
        let workers = min(jobs, windows.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for step in stride(from: worker, to: windows.count, by: workers) {
                var stepParameters = parameters
                stepParameters.seed = parameters.seed &+ UInt64(step)
                let outcome = Result { () throws(XGBoostError) -> XGBoostBooster in
                    guard windows[step].rows > 0 else {
                        throw XGBoostError(call: "train", message: "no training window for step \(step + 1)")
                    }
                    let matrix = try XGBoostMatrix(
                        values: windows[step].features, rows: windows[step].rows, columns: settings.columns, labels: windows[step].targets)
                    return try XGBoostBooster.train(on: matrix, parameters: stepParameters.xgboostParameters, rounds: parameters.trees)
                }
                results.set(step, outcome)
            }
        }
        do {
            return try results.values.map { try $0!.get() }
        } catch let error as XGBoostError {
            throw .xgboost(error)
        } catch {
            preconditionFailure("only XGBoost errors are stored")
        }
    }

    /// The sorted conformal scores of `boosters` (trained on `batch` without its last
    /// `horizon` periods) on those held-out periods, per step.
    private static func calibrationScores(
        of boosters: [XGBoostBooster], batch: [TimeSeries], settings: GlobalWindowSettings
    ) throws(GlobalModelError) -> [[Double]] {
        let horizon = settings.horizon
        var windows: [GlobalWindow] = []
        var actuals: [ArraySlice<Double>] = []
        for series in batch where series.count >= settings.minimumCalibrationLength {
            let cut = series.count - horizon
            guard let window = try? GlobalWindow(values: series.values[...], start: series.start, end: cut, settings: settings) else { continue }
            windows.append(window)
            actuals.append(series.values[cut...])
        }
        var scores = [[Double]](repeating: [], count: horizon)
        guard !windows.isEmpty else { return scores }
        let matrix: XGBoostMatrix
        do {
            matrix = try XGBoostMatrix(values: windows.flatMap(\.features), rows: windows.count, columns: settings.columns)
        } catch { throw .xgboost(error) }
        for step in 0..<horizon {
            let predicted: [Float]
            do { predicted = try boosters[step].predict(matrix) } catch { throw .xgboost(error) }
            for (index, window) in windows.enumerated() {
                let actual = actuals[index][actuals[index].startIndex + step]
                guard !actual.isNaN else { continue }
                let forecast = Double(predicted[index]) * window.level
                scores[step].append(abs(actual - forecast) / (window.level * window.relativeSpread))
            }
            scores[step].sort()
        }
        return scores
    }
}

/// Results filled in by concurrent workers, one slot each.
private final class ResultSlots<Value>: @unchecked Sendable {
    // @unchecked: every slot is written by one worker only, under the lock.
    private var slots: [Result<Value, XGBoostError>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<Value, XGBoostError>) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Result<Value, XGBoostError>?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
