import ArgumentParser
import ScorecastCore
import ScorecastData
import ScorecastTimeSeries

/// `--save-global FILE` and `--global-model FILE`: keeping and reusing the global model
/// (`--model global`), which is trained on the whole batch before any series is forecast.
///
/// A region or the DfE trains on every council (`--save-global`); a council forecasts its own
/// series with that model (`--global-model`), without training. A model file of another
/// format version, or a batch that does not fit the model's windows (another calendar, a
/// longer horizon), is refused with one line naming the file and line (exit 65).
struct GlobalModelOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "With --model global: write the trained model (XGBoost's JSON boosters, the window settings, the calibration scores) to this file, whole or not at all.",
            valueName: "path"))
    var saveGlobal: String?

    @Option(
        help: ArgumentHelp(
            "With --model global: forecast with the model in this file (written by --save-global) instead of training on the input.",
            valueName: "path"))
    var globalModel: String?

    @OptionGroup(visibility: .hidden) var training: GlobalTrainingSettings

    func validate(specification: ModelSpecification) throws {
        if (saveGlobal != nil || globalModel != nil) && !specification.trainsOnBatch {
            throw ValidationError("--save-global and --global-model go with --model global, auto or auto:global")
        }
        _ = try training.trainingOptions()
    }

    /// `pipeline` ready to forecast `batch` (read from `inputFile`): trained on it, or with
    /// the model read from `--global-model`, and saved to `--save-global` when asked.
    ///
    /// - Throws: ``DataError`` for a model file that cannot be read as one, or that `batch`
    ///   does not fit; ``FileError`` when a file cannot be read or written.
    func prepare(_ pipeline: ForecastPipeline, batch: [ObservedSeries], jobs: Int, inputFile: String) throws -> ForecastPipeline {
        guard pipeline.needsBatchTraining else { return pipeline }
        let ready: ForecastPipeline
        if let path = globalModel {
            let model = try GlobalModel(serialized: try ByteSource(path: path).readAll(), file: path)
            for observed in batch where observed.series.frequency != model.settings.frequency {
                throw DataError(
                    file: path, line: 2, column: 1,
                    expected:
                        "a model for \(observed.series.frequency) series like '\(observed.name)' (\(inputFile) line \(observed.firstLine)); this one was trained on \(model.settings.frequency) windows"
                )
            }
            do {
                ready = try pipeline.using(model)
            } catch {
                throw DataError(file: path, line: 5, column: 1, expected: "a model for at least --horizon \(pipeline.horizon) steps; \(error)")
            }
        } else {
            ready = pipeline.training(on: batch.map(\.series), jobs: jobs, options: try training.trainingOptions())
        }
        if let path = saveGlobal {
            // Nothing trained (a batch too short or too small to learn from) is an error, not
            // a silently missing file.
            guard let model = ready.globalModel else {
                let reason = ready.globalModelError.map { "\($0)" } ?? "no model was trained"
                throw DataError(
                    file: inputFile, line: 1, column: 1,
                    expected: "a batch the global model can learn from (\(reason)); nothing was written to \(path)")
            }
            try OutputFile.write(try model.serialized(), to: path)
        }
        return ready
    }
}

/// The global model's training settings that the validation study varied
/// (docs/engineering-notes/issue-24.md), for `forecast` and `backtest`; hidden from `--help`
/// because the defaults are the measured choice.
struct GlobalTrainingSettings: ParsableArguments {
    @Option(help: ArgumentHelp("Global model: normalised lags per window.", visibility: .hidden))
    var globalLags = GlobalTrainingOptions().lags
    @Option(help: ArgumentHelp("Global model: values averaged into the window's level.", visibility: .hidden))
    var globalLevelLength = GlobalTrainingOptions().levelLength
    @Option(help: ArgumentHelp("Global model: features beside the lags, comma-separated, or none.", visibility: .hidden))
    var globalFeatures = GlobalFeature.listText(GlobalTrainingOptions().features)
    @Option(help: ArgumentHelp("Global model: trees per booster.", visibility: .hidden))
    var globalTrees = GlobalTrainingOptions().parameters.trees
    @Option(help: ArgumentHelp("Global model: learning rate (eta) of the final boosters.", visibility: .hidden))
    var globalLearningRate = GlobalTrainingOptions().parameters.learningRate
    @Option(help: ArgumentHelp("Global model: maximum depth of a tree.", visibility: .hidden))
    var globalDepth = GlobalTrainingOptions().parameters.maximumDepth
    @Option(help: ArgumentHelp("Global model: pseudo-Huber slope, or 0 for squared error.", visibility: .hidden))
    var globalHuberSlope = GlobalTrainingOptions().parameters.huberSlope ?? 0
    @Option(help: ArgumentHelp("Global model: training windows per booster beyond which they are sampled.", visibility: .hidden))
    var globalMaximumWindows = GlobalTrainingOptions().maximumRowsPerStep
    @Option(help: ArgumentHelp("Global model: the training seed (window sampling and boosters) instead of the default.", visibility: .hidden))
    var globalSeed: UInt64?
    @Option(
        help: ArgumentHelp(
            "Global model: direct (a booster per step) or direct+recursive (and a recursive booster, averaged).", visibility: .hidden))
    var globalStrategy: GlobalStrategy = GlobalTrainingOptions().recursive == nil ? .direct : .directAndRecursive

    /// The training options the (hidden) settings give.
    func trainingOptions() throws -> GlobalTrainingOptions {
        var options = GlobalTrainingOptions()
        guard globalLags >= 1, globalLevelLength >= 1, globalLevelLength <= globalLags else {
            throw ValidationError("--global-lags must be at least --global-level-length, and both at least 1")
        }
        guard globalTrees >= 1, globalHuberSlope >= 0, globalMaximumWindows >= 1, globalDepth >= 1 else {
            throw ValidationError(
                "--global-trees, --global-depth and --global-maximum-windows must be at least 1, --global-huber-slope at least 0")
        }
        guard globalLearningRate > 0 && globalLearningRate <= 1 else {
            throw ValidationError("--global-learning-rate must be in (0, 1]")
        }
        options.lags = globalLags
        options.levelLength = globalLevelLength
        do {
            options.features = try GlobalFeature.list(parsing: globalFeatures)
        } catch {
            throw ValidationError("--global-features: \(error)")
        }
        options.parameters.trees = globalTrees
        options.parameters.learningRate = globalLearningRate
        options.parameters.maximumDepth = globalDepth
        options.parameters.huberSlope = globalHuberSlope > 0 ? globalHuberSlope : nil
        options.maximumRowsPerStep = globalMaximumWindows
        options.seed = globalSeed
        switch globalStrategy {
        case .direct: options.recursive = nil
        case .directAndRecursive: options.recursive = options.recursive ?? GlobalRecursiveMember()
        }
        return options
    }
}

extension GlobalStrategy: ExpressibleByArgument {}
