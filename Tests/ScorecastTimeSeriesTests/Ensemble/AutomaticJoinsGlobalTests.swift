import ScorecastCore
import Testing

@testable import ScorecastTimeSeries

/// `auto` learns across the batch once the batch is large enough: trained on at least
/// ``GlobalCombination/minimumBatchForAutomatic`` series it is `auto:global`; on fewer it is
/// `auto:local` saying why; without a training step (one series at a time) it is `auto:local`.
@Suite struct AutomaticJoinsGlobalTests {
    static let minimum = GlobalCombination.minimumBatchForAutomatic

    static func pipeline(_ name: String) throws -> ForecastPipeline {
        try ForecastPipeline(ModelSpecification(parsing: name), horizon: 6, levels: [80, 95])
    }

    static func trained(_ name: String, on batch: [TimeSeries]) throws -> ForecastPipeline {
        try pipeline(name).training(on: batch, options: GlobalTestBatch.options)
    }

    /// Means and bounds, bit for bit.
    static func bits(_ forecast: Forecast) -> [UInt64] {
        (forecast.mean + forecast.intervals.flatMap { $0.lower + $0.upper }).map(\.bitPattern)
    }

    /// Each name's `auto` variant, read once from its options, and what the pipeline asks of
    /// it; `global` trains too but is no `auto`.
    @Test(arguments: [
        ("auto", AutomaticVariant?.some(.plain), true, false),
        ("AUTO:Global", .global, true, true),
        ("auto:local", .local, false, false),
        ("global", nil, true, true),
        ("ets", nil, false, false),
    ])
    func whichModelsTrainOnTheBatch(name: String, variant: AutomaticVariant?, trains: Bool, alwaysGlobal: Bool) throws {
        let specification = try ModelSpecification(parsing: name)
        #expect(specification.automaticVariant == variant)
        #expect(specification.trainsOnBatch == trains)
        #expect(specification.alwaysUsesGlobalModel == alwaysGlobal)
    }

    /// Any other options are refused where the name is parsed, saying what `auto` takes.
    @Test(arguments: ["auto:everything", "auto:", "auto:local,global"])
    func otherOptionsAreRefused(name: String) {
        let refusal = ModelCatalogueError.invalidOptions(model: "auto", options: String(name.dropFirst(5)), expected: "no options, global or local")
        #expect(throws: refusal) { try ModelSpecification(parsing: name) }
    }

    /// A batch one series short of the minimum trains nothing: every series is forecast as
    /// `auto:local` forecasts it, and its notes say why the global model was left out.
    @Test func aSmallBatchIsForecastByAutoAlone() throws {
        let batch = GlobalTestBatch.make(count: Self.minimum - 1, length: 48)
        let automatic = try Self.trained("auto", on: batch)
        #expect(automatic.globalModel == nil)
        #expect(automatic.globalModelError == .batchTooSmall(series: Self.minimum - 1, minimum: Self.minimum))
        let local = try Self.pipeline("auto:local")
        for series in batch.prefix(3) {
            let joined = try automatic.forecast(series), alone = try local.forecast(series)
            #expect(Self.bits(joined.forecast) == Self.bits(alone.forecast))
            let why = "learns across series from \(Self.minimum)"
            #expect(joined.notes.contains { $0.hasPrefix("global model left out: ") && $0.contains(why) }, "\(joined.notes)")
        }
    }

    /// From the minimum, `auto` is exactly `auto:global` on the same batch.
    @Test func aLargeEnoughBatchGivesAutoTheGlobalMember() throws {
        let batch = GlobalTestBatch.make(count: Self.minimum, length: 48)
        let automatic = try Self.trained("auto", on: batch), combined = try Self.trained("auto:global", on: batch)
        #expect(automatic.globalModel?.trainingSeries == Self.minimum)
        #expect(!IntervalMethod.default.isConformal(for: automatic.specification, in: automatic.catalogue))
        for series in batch.prefix(3) {
            let joined = try automatic.forecast(series), reference = try combined.forecast(series)
            #expect(Self.bits(joined.forecast) == Self.bits(reference.forecast))
            #expect(joined.forecast.model.contains(" × global("), "\(joined.forecast.model)")
        }
    }

    /// A model read from a file (`--global-model`) joins plain `auto` only if it was learnt
    /// across at least the minimum number of series; `auto:global` takes any.
    @Test func aLoadedModelJoinsAutoOnlyIfLearntAcrossEnoughSeries() throws {
        let small = GlobalTestBatch.make(count: 3, length: 48)
        let model = try #require(try Self.trained("auto:global", on: small).globalModel)
        #expect(try Self.pipeline("auto").using(model).globalModel == nil)
        #expect(try Self.pipeline("auto:global").using(model).globalModel != nil)
        let large = try #require(try Self.trained("auto", on: GlobalTestBatch.make(count: Self.minimum, length: 48)).globalModel)
        #expect(try Self.pipeline("auto").using(large).globalModel != nil)
    }

    /// Without a training step (the report, `check-borrowing`: one series at a time) `auto` is
    /// the per-series ensemble with its conformal intervals, as `auto:local`.
    @Test func withoutATrainingStepAutoIsLocal() throws {
        let series = GlobalTestBatch.make(count: 1, length: 48)[0]
        let automatic = try Self.pipeline("auto"), local = try Self.pipeline("auto:local")
        #expect(IntervalMethod.default.isConformal(for: automatic.specification, in: automatic.catalogue))
        let joined = try automatic.forecast(series), alone = try local.forecast(series)
        #expect(Self.bits(joined.forecast) == Self.bits(alone.forecast))
        #expect(joined.notes == alone.notes)
    }
}
