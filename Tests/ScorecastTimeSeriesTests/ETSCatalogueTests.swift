import Testing
@testable import ScorecastTimeSeries

@Suite("ETS in the model catalogue")
struct ETSCatalogueTests {
    @Test(arguments: [("ets", ETS.Combination.akaikeWeighted, nil as String?), ("ets:select", .selected, nil), ("ets:MAdM", .selected, "MAdM")])
    func namesResolve(name: String, combination: ETS.Combination, form: String?) throws {
        let spec = try ETS(options: name.split(separator: ":").dropFirst().first.map(String.init))
        #expect(spec.combination == combination)
        #expect(spec.form?.code == form)
        _ = try ModelCatalogue.standard.spec(named: name)
    }

    @Test func unknownOptionsAreRejected() {
        #expect(throws: ModelCatalogueError.self) { try ETS(options: "XYZ") }
    }
}
