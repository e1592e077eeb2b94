import Foundation
import ScorecastCore

extension GlobalModel {
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
    /// With a `recursive` member, each pass also grows its step-1 booster (its own parameters,
    /// on at most its own cap of windows), and the calibration forecasts are the same average
    /// of direct and recursive forecasts as the final model's
    /// (``pointForecasts(direct:recursive:from:steps:settings:)``).
    ///
    /// The randomness is `generator` (the window sampling, drawn before any booster is grown)
    /// and XGBoost's own seed (``GlobalBoostingParameters/seed`` plus the step; the recursive
    /// booster's plus the horizon), so the same batch and seed give the same model. `jobs`
    /// boosters grow at once, each on its own thread(s): the trees do not depend on `jobs`.
    ///
    /// - Complexity: horizon boosters of `trees` trees and horizon boosters of `trees / 3`
    ///   trees, on at most `maximumRowsPerStep` windows each; with a recursive member, two more
    ///   boosters (its trees and a third of them) on at most its cap.
    /// - Throws: ``GlobalModelError/tooLittleData(needed:)`` when no series has
    ///   ``GlobalWindowSettings/minimumHistory`` + 2 × horizon periods (the calibration
    ///   pass's last step needs that);
    ///   ``GlobalModelError/frequencyMismatch(series:model:found:)``; XGBoost's failures.
    public static func train(
        on batch: [TimeSeries], settings: GlobalWindowSettings, parameters: GlobalBoostingParameters,
        maximumRowsPerStep: Int, recursive: GlobalRecursiveMember?, jobs: Int = 1,
        using generator: inout some RandomNumberGenerator
    ) throws(GlobalModelError) -> GlobalModel {
        precondition(maximumRowsPerStep >= 1 && jobs >= 1, "At least one row and one job")
        for series in batch where series.frequency != settings.frequency {
            throw .frequencyMismatch(series: series.name, model: settings.frequency, found: series.frequency)
        }
        let horizon = settings.horizon
        // A series cut by the horizon gives the calibration pass a window at step j only from
        // minimumHistory + j periods: the last step's booster needs a series of
        // minimumHistory + 2 × horizon. Shorter series still give windows to the early steps
        // and, from minimumCalibrationLength periods, a score.
        let needed = settings.minimumHistory + 2 * horizon
        guard batch.contains(where: { $0.count >= needed }) else { throw .tooLittleData(needed: needed) }
        let calibrationBatch = batch.filter { $0.count >= settings.minimumCalibrationLength }.map { $0.prefix($0.count - horizon) }

        // Every booster to grow, the windows drawn in a fixed order before any is grown: the
        // calibration pass's steps, the final pass's steps, then the recursive member's two.
        var calibrationJobs = (1...horizon).map { step in
            BoosterJob(
                windows: GlobalTrainingWindows(
                    batch: calibrationBatch, step: step, settings: settings, maximumRows: maximumRowsPerStep, using: &generator),
                parameters: parameters.calibration.seeded(offset: step - 1))
        }
        var finalJobs = (1...horizon).map { step in
            BoosterJob(
                windows: GlobalTrainingWindows(batch: batch, step: step, settings: settings, maximumRows: maximumRowsPerStep, using: &generator),
                parameters: parameters.seeded(offset: step - 1))
        }
        if let recursive {
            calibrationJobs.append(
                BoosterJob(
                    windows: GlobalTrainingWindows(
                        batch: calibrationBatch, step: 1, settings: settings, maximumRows: recursive.maximumRows, using: &generator),
                    parameters: recursive.parameters.calibration.seeded(offset: horizon)))
            finalJobs.append(
                BoosterJob(
                    windows: GlobalTrainingWindows(batch: batch, step: 1, settings: settings, maximumRows: recursive.maximumRows, using: &generator),
                    parameters: recursive.parameters.seeded(offset: horizon)))
        }
        let calibrationBoosters = try growBoosters(calibrationJobs, settings: settings, jobs: jobs)
        let scores = try calibrationScores(
            direct: Array(calibrationBoosters.prefix(horizon)), recursive: recursive == nil ? nil : calibrationBoosters[horizon], batch: batch,
            settings: settings)
        guard scores.allSatisfy({ !$0.isEmpty }) else { throw .tooLittleData(needed: needed) }
        let boosters = try growBoosters(finalJobs, settings: settings, jobs: jobs)
        return GlobalModel(
            settings: settings, parameters: parameters, boosters: Array(boosters.prefix(horizon)),
            recursive: recursive.map { ($0, boosters[horizon]) }, calibrationScores: scores, trainingSeries: batch.count,
            trainingWindows: finalJobs[0].windows.rows)
    }

    /// One booster to grow: its windows and parameters (seed included).
    private struct BoosterJob {
        var windows: GlobalTrainingWindows
        var parameters: GlobalBoostingParameters
    }

    /// The boosters of `boosterJobs`, in order, `jobs` at a time.
    private static func growBoosters(
        _ boosterJobs: [BoosterJob], settings: GlobalWindowSettings, jobs: Int
    ) throws(GlobalModelError) -> [XGBoostBooster] {
        let results = ResultSlots<XGBoostBooster>(count: boosterJobs.count)
        let workers = min(jobs, boosterJobs.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: boosterJobs.count, by: workers) {
                let job = boosterJobs[index]
                let outcome = Result { () throws(XGBoostError) -> XGBoostBooster in
                    guard job.windows.rows > 0 else {
                        throw XGBoostError(call: "train", message: "no training window for booster \(index + 1)")
                    }
                    let matrix = try XGBoostMatrix(
                        values: job.windows.features, rows: job.windows.rows, columns: settings.columns, labels: job.windows.targets)
                    return try XGBoostBooster.train(on: matrix, parameters: job.parameters.xgboostParameters, rounds: job.parameters.trees)
                }
                results.set(index, outcome)
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

    /// The sorted conformal scores of the calibration boosters (trained on `batch` without its
    /// last `horizon` periods) on those held-out periods, per step.
    private static func calibrationScores(
        direct: [XGBoostBooster], recursive: XGBoostBooster?, batch: [TimeSeries], settings: GlobalWindowSettings
    ) throws(GlobalModelError) -> [[Double]] {
        let horizon = settings.horizon
        var origins: [(history: [Double], start: Period, window: GlobalWindow)] = []
        var actuals: [ArraySlice<Double>] = []
        for series in batch where series.count >= settings.minimumCalibrationLength {
            let cut = series.count - horizon
            guard let window = try? GlobalWindow(values: series.values[...], start: series.start, end: cut, settings: settings) else { continue }
            origins.append((Array(series.values[..<cut]), series.start, window))
            actuals.append(series.values[cut...])
        }
        var scores = [[Double]](repeating: [], count: horizon)
        guard !origins.isEmpty else { return scores }
        let forecasts: [[Double]]
        do {
            forecasts = try pointForecasts(direct: direct, recursive: recursive, from: origins, steps: horizon, settings: settings)
        } catch { throw .xgboost(error) }
        for step in 0..<horizon {
            for (index, origin) in origins.enumerated() {
                let actual = actuals[index][actuals[index].startIndex + step]
                guard !actual.isNaN else { continue }
                scores[step].append(abs(actual - forecasts[index][step]) / (origin.window.level * origin.window.relativeSpread))
            }
            scores[step].sort()
        }
        return scores
    }
}

extension GlobalBoostingParameters {
    /// These parameters with the seed moved on by `offset` (one seed per booster).
    fileprivate func seeded(offset: Int) -> GlobalBoostingParameters {
        var parameters = self
        parameters.seed = seed &+ UInt64(offset)
        return parameters
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
