import Foundation
import Testing

@testable import ScorecastCLI

@Suite("scorecast project and example-caseload")
struct ProjectCommandTests {
    @Test func exampleCaseloadReproducesTheBundledHistory() throws {
        let run = try CommandRun()
        try run.run(["example-caseload", "--seed", "2021", "--output", run.path("caseload.csv")])
        let bundled = try String(contentsOf: Golden.fixture("caseload.csv"), encoding: .utf8)
        #expect(try run.read("caseload.csv") == bundled)
    }

    @Test func projectionWithScenariosAndCostsMatchesGolden() throws {
        let run = try CommandRun()
        try run.write(
            "scenarios.csv",
            """
            scenario,change,value,from,years,population
            starts_up_10pct,starts_pct,10,2021-11,,
            cap,stock_cap,500,,,
            """)
        try run.run([
            "project", Golden.fixture("caseload.csv").path, "--stock", "lac_stock", "--starts", "lac_starts",
            "--ends", "lac_ends", "--horizon", "6", "--paths", "500", "--seed", "7",
            "--scenario", run.path("scenarios.csv"), "--cost", "4000", "--caseload-per-worker", "16",
            "--output", run.path("projection.csv"), "--summary", run.path("summary.csv"),
        ])
        try Golden.check(try run.read("projection.csv"), against: "project.csv")
        try Golden.check(try run.read("summary.csv"), against: "project-summary.csv")
    }

    @Test(arguments: [
        (
            "scenario,change,value\nx,starts_percent,10\n",
            "scenarios.csv:2:3: expected one of starts_pct, exit_rate_pct, stock_cap, converge_rate_per_10k in column 'change', found 'starts_percent'"
        ),
        ("scenario,change,value\nx,starts_pct,ten\n", "scenarios.csv:2:14: expected a number in column 'value', found 'ten'"),
        ("scenario,change,value\nx,stock_cap,-3\n", "scenarios.csv:2:13: expected a whole number of children ≥ 0 for stock_cap, found '-3'"),
        (
            "scenario,change,value,from\nx,starts_pct,5,2021-13\n",
            "scenarios.csv:2:16: expected a monthly period like 2021-09 in column 'from', found '2021-13'"
        ),
        ("scenario,change,value\nx,converge_rate_per_10k,60\n", "scenarios.csv:2:27: expected a column 'years' for this change; the header has none"),
        (
            "scenario,change,value,years,population\nx,converge_rate_per_10k,60,,51000\n",
            "scenarios.csv:2:28: expected a number in column 'years', found nothing"
        ),
    ])
    func badScenarioFilesAreReportedWhereTheyGoWrong(text: String, message: String) throws {
        let run = try CommandRun()
        try run.write("scenarios.csv", text)
        let failure = try run.failure([
            "project", Golden.fixture("caseload.csv").path, "--stock", "lac_stock",
            "--starts", "lac_starts", "--ends", "lac_ends", "--paths", "100",
            "--scenario", run.path("scenarios.csv"), "--output", run.path("out.csv"),
        ])
        #expect(failure.message.hasSuffix(message), "\(failure.message)")
        #expect(failure.status == 65)
        #expect(!run.exists("out.csv"))
    }

    @Test func anUnknownSeriesNamesTheOnesThereAre() throws {
        let run = try CommandRun()
        let failure = try run.failure([
            "project", Golden.fixture("caseload.csv").path, "--stock", "cla_stock",
            "--starts", "lac_starts", "--ends", "lac_ends",
        ])
        #expect(failure.message.hasSuffix("expected a series named 'cla_stock' (--stock); the file has lac_stock, lac_starts, lac_ends"))
        #expect(failure.status == 65)
    }

    @Test func populationProjectionScalesTheForecastRateByThePopulation() throws {
        let run = try CommandRun()
        try run.run([
            "project-population", "--la", "Southampton", "--measure", "cla_31mar_rate_per_10k",
            "--population", Golden.fixture("population-projection.csv").path,
            "--data", Golden.fixture("dfe-southampton").path, "--output", run.path("population.csv"),
        ])
        let text = try run.read("population.csv")
        try Golden.check(text, against: "project-population.csv")
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.count == 2)
        for row in rows {
            let population = Double(row[4])!, rate = Double(row[5])!, number = Double(row[10])!
            #expect(abs(number - rate * population / 10_000) <= 1e-9 * number)
            #expect(Double(row[8])! <= Double(row[6])! && Double(row[6])! <= rate && rate <= Double(row[7])! && Double(row[7])! <= Double(row[9])!)
        }
    }
}
