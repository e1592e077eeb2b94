import Foundation
import Testing

@Suite("scorecast project-903 --scenario")
struct Project903ScenarioTests {
    @Test func scenariosFollowTheBaselineInAScenarioColumn() throws {
        let run = try CommandRun()
        try run.run(["example-903", "--seed", "8", "--years", "3", "--out", run.path("returns")])
        try run.write(
            "scenarios.csv",
            """
            scenario,change,value,from,from_placement,to_placement
            same,starts_pct,0,,,
            more_entries,starts_pct,10,2025-06,,
            fewer_residential,placement_shift_pct,50,,Residential,Fostering
            """)
        try run.run([
            "project-903", run.path("returns"), "--horizon", "3", "--paths", "50", "--seed", "2",
            "--scenario", run.path("scenarios.csv"), "--output", run.path("projection.csv"),
        ])
        let lines = try run.read("projection.csv").split(separator: "\n")
        #expect(lines.first == "scenario,period,age_band,placement,mean,lo_80,hi_80,lo_95,hi_95")
        let rows = lines.dropFirst()
        #expect(rows.count == 4 * 3 * 30)
        let names = rows.map { $0.split(separator: ",")[0] }
        #expect(Array(names.prefix(90)) == Array(repeating: "baseline", count: 90))
        #expect(Array(names.dropFirst(90).prefix(90)) == Array(repeating: "same", count: 90))
        // A 0% change is the baseline, row for row.
        let body = { (row: Substring) in row.split(separator: ",", maxSplits: 1)[1] }
        #expect(rows.prefix(90).map(body) == rows.dropFirst(90).prefix(90).map(body))
        // Without --scenario, the baseline alone and no scenario column.
        try run.run([
            "project-903", run.path("returns"), "--horizon", "3", "--paths", "50", "--seed", "2", "--output", run.path("alone.csv"),
        ])
        let alone = try run.read("alone.csv").split(separator: "\n")
        #expect(alone.first == "period,age_band,placement,mean,lo_80,hi_80,lo_95,hi_95")
        #expect(Array(alone.dropFirst()) == rows.prefix(90).map(body))
    }

    @Test(arguments: [
        (
            "scenario,change,value\nx,stock_cap,400\n",
            "scenarios.csv:2:3: expected one of starts_pct, exit_rate_pct, placement_shift_pct in column 'change', found 'stock_cap'"
        ),
        (
            "scenario,change,value,from_placement,to_placement\nx,placement_shift_pct,20,Residential,Foster\n",
            "scenarios.csv:2:38: expected one of Fostering, Residential, Supported, Other in column 'to_placement', found 'Foster'"
        ),
        (
            "scenario,change,value,from_placement\nx,placement_shift_pct,20,Residential\n",
            "scenarios.csv:2:37: expected a column 'to_placement' for this change; the header has none"
        ),
        (
            "scenario,change,value,from_placement,to_placement\nx,placement_shift_pct,120,Residential,Fostering\n",
            "scenarios.csv:2:23: scenario 'x': a placement shift needs a percentage from 0 to 100 and two different placements"
        ),
    ])
    func badScenarioFilesAreReportedWhereTheyGoWrong(text: String, message: String) throws {
        let run = try CommandRun()
        try run.run(["example-903", "--seed", "8", "--years", "3", "--out", run.path("returns")])
        try run.write("scenarios.csv", text)
        let failure = try run.failure([
            "project-903", run.path("returns"), "--paths", "20", "--scenario", run.path("scenarios.csv"), "--output", run.path("out.csv"),
        ])
        #expect(failure.message.hasSuffix(message), "\(failure.message)")
        #expect(failure.status == 65)
        #expect(!run.exists("out.csv"))
    }
}
