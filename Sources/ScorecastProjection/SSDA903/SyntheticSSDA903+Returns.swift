import ScorecastCore
import ScorecastData
import ScorecastNumerics
import ScorecastTimeSeries

extension SyntheticSSDA903 {
    /// The three files of collection year `year` (ending 31 March `year`), messiness included.
    func returnFiles(year: Int, episodes: [Episode], using generator: inout some RandomNumberGenerator) -> [(path: String, text: String)] {
        let yearStart = CalendarDate(year: year - 1, month: 4, day: 1)
        let yearEnd = CalendarDate(year: year, month: 3, day: 31)
        let index = year - lastCollectionYear + years - 1
        let isoDates = index == 1
        let lineEnd = index % 2 == 0 ? "\n" : "\r\n"
        let bom = index % 2 == 0 ? "\u{FEFF}" : ""
        let folder = "\(year - 1)-\(String(year % 100).count == 1 ? "0" : "")\(year % 100)"
        func date(_ day: CalendarDate?) -> String {
            guard let day else { return "" }
            if isoDates { return day.description }
            let (y, m, d) = day.components
            return (d < 10 ? "0" : "") + String(d) + "/" + (m < 10 ? "0" : "") + String(m) + "/" + String(y)
        }
        func messy(_ code: String) -> String {
            let u = RandomVariates.openUniform(using: &generator)
            if u < 0.03 { return code.lowercased() }
            if u < 0.06 { return " " + code + "  " }
            return code
        }
        let starts = Set(episodes.map { "\($0.child)|\($0.start.dayNumber)" })
        var rows: [String] = []
        var children: [String: Episode] = [:]
        for episode in episodes where episode.start <= yearEnd && (episode.end.map { $0 >= yearStart } ?? true) {
            let end = episode.end.flatMap { $0 <= yearEnd ? $0 : nil }
            let reasonEnded =
                end.map {
                    starts.contains("\(episode.child)|\($0.dayNumber)") ? "X1" : ["E11", "E13", "E4A", "E8", "E41"][Int(generator.next() % 5)]
                } ?? ""
            rows.append(
                [
                    episode.child, date(episode.start), messy(episode.reason), messy(episode.legalStatus), "N1", messy(episode.place), "PR1",
                    date(end), reasonEnded, episode.reason == "P" ? "CARPL" : "", "A1 1AA", "B2 2BB", "SC123456", "E06000045",
                ].joined(separator: ","))
            children[episode.child] = episode
        }
        // A duplicated row, an episode with DEC before DECOM and a child with no header row.
        if let copy = rows.randomElement(using: &generator) { rows.append(copy) }
        if let someone = children.keys.sorted().first {
            let day = CalendarDate(year: year - 1, month: 9, day: 15)
            rows.append(
                [someone, date(day), "P", "C2", "N1", "U4", "PR1", date(day.advanced(by: -3)), "X1", "", "", "", "", "E06000045"].joined(
                    separator: ","))
        }
        rows.append(
            ["999999", date(CalendarDate(year: year - 1, month: 11, day: 2)), "S", "C2", "N1", "U4", "PR1", "", "", "", "", "", "", "E06000045"]
                .joined(separator: ","))
        rows.shuffle(using: &generator)
        let episodesText =
            bom
            + (["CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,LA"] + rows)
            .joined(separator: lineEnd) + lineEnd

        var headers: [String] = []
        var uasc: [String] = []
        for (child, episode) in children.sorted(by: { $0.key < $1.key }) {
            let sex = Int(child)! % 2 + 1
            headers.append(
                [
                    child, String(sex), date(episode.birth), ["WBRI", "WOTH", "MWBC", "BAFR", "ASIA", "OOTH"][Int(child)! % 6],
                    "A\(child)00\(Int(child)! % 97)", sex == 2 && Int(child)! % 11 == 0 ? "0" : "", "",
                ].joined(separator: ","))
            if episode.unaccompanied {
                uasc.append([child, String(sex), date(episode.birth), date(SSDA903Date.birthday(18, of: episode.birth))].joined(separator: ","))
            }
        }
        headers.shuffle(using: &generator)
        let headerText = bom + (["CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"] + headers).joined(separator: lineEnd) + lineEnd
        let uascText = bom + (["CHILD,SEX,DOB,DUC"] + uasc).joined(separator: lineEnd) + lineEnd
        return [("\(folder)/header.csv", headerText), ("\(folder)/episodes.csv", episodesText), ("\(folder)/uasc.csv", uascText)]
    }
}
