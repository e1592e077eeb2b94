import Foundation
import ScorecastCore
import ScorecastData
import Testing

@Suite("Looked-after monthly measures")
struct LookedAfterMonthlyMeasuresTests {
    /// Three children in 2019-20: one adopted (E11), one leaving by special guardianship (E43)
    /// after a placement move (X1, not a cease), one still looked after.
    @Test func adoptionsAndSpecialGuardianshipAreCeasesByREC() throws {
        let folder = try TemporaryDirectory.make().path
        try "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,1,01/01/2015,WBRI,,,\n2,2,01/01/2012,WBRI,,,\n3,1,01/01/2010,WBRI,,,\n"
            .write(toFile: folder + "/h.csv", atomically: true, encoding: .utf8)
        try """
        CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
        1,10/04/2019,S,C2,N1,U1,PR1,15/08/2019,E11,,,,
        2,02/05/2019,S,C2,N1,U1,PR1,01/07/2019,X1,CARPL,,,
        2,01/07/2019,P,C2,N1,U4,PR1,20/01/2020,E43,,,,
        3,05/06/2019,S,C2,N1,U1,PR1,,,,,,

        """.write(toFile: folder + "/e.csv", atomically: true, encoding: .utf8)
        let measures = LookedAfterMonthlyMeasures(try SSDA903Import(paths: [folder]))
        #expect(measures.months.first == Period(year: 2019, month: 4) && measures.months.count == 12)
        func value(_ name: String, _ year: Int, _ month: Int) -> Int {
            measures.counts[name]![measures.months[0].distance(to: Period(year: year, month: month))]
        }
        #expect(value("lac_started", 2019, 4) == 1 && value("lac_started", 2019, 5) == 1 && value("lac_started", 2019, 7) == 0)
        #expect(value("lac_ceased", 2019, 8) == 1 && value("lac_ceased", 2019, 7) == 0 && value("lac_ceased", 2020, 1) == 1)
        #expect(value("lac_ceased_adoption", 2019, 8) == 1 && measures.counts["lac_ceased_adoption"]!.reduce(0, +) == 1)
        #expect(value("lac_ceased_sgo", 2020, 1) == 1 && measures.counts["lac_ceased_sgo"]!.reduce(0, +) == 1)
        #expect(value("lac_open", 2019, 7) == 3 && value("lac_open", 2019, 8) == 2 && value("lac_open", 2020, 3) == 1)
    }
}
