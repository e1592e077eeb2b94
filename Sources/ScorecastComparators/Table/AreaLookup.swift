/// Finding a local authority by code or name, with the closest matches when there is none.
public struct UnknownAreaError: Error, Sendable, CustomStringConvertible {
    /// What the user typed.
    public var query: String
    /// The closest names and codes, best first.
    public var suggestions: [AreaData.Area]

    public var description: String {
        let list = suggestions.map { "\($0.name) (\($0.code))" }.joined(separator: ", ")
        return "unknown local authority \(query.debugDescription); closest matches: \(list)"
    }
}

extension AreaData {
    /// The local authority whose ONS code or name matches `query`: an exact code (any case), an exact name ignoring case and punctuation
    /// (`bristol, city of` = `Bristol City of`), or a name that is the only one containing the
    /// query as whole words (`Hull` → Kingston upon Hull, City of). When several areas share a
    /// name (an authority whose code changed), the one with the most recent data is taken.
    ///
    /// - Throws: ``UnknownAreaError`` listing the five closest authorities by edit distance.
    public func localAuthority(matching query: String) throws(UnknownAreaError) -> Int {
        let authorities = localAuthorityIndices
        let trimmed = query.trimmingSpaces
        if let exact = authorities.first(where: { areas[$0].code.caseInsensitiveEquals(trimmed) }) { return exact }
        let wanted = Self.normalised(trimmed)
        let byName = authorities.filter { Self.normalised(areas[$0].name) == wanted }
        if !byName.isEmpty { return mostRecent(byName) }
        if !wanted.isEmpty {
            let words = " " + wanted + " "
            let containing = authorities.filter { (" " + Self.normalised(areas[$0].name) + " ").contains(words) }
            let names = Set(containing.map { areas[$0].name })
            if names.count == 1 { return mostRecent(containing) }
        }
        let ranked = authorities.map { index -> (Int, Int) in
            let name = Self.normalised(areas[index].name)
            let distance = min(Self.editDistance(wanted, name), Self.editDistance(trimmed.lowercased(), areas[index].code.lowercased()))
            return (distance, index)
        }.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : areas[$0.1].name < areas[$1.1].name }
        var seen = Set<String>()
        let suggestions = ranked.map { areas[$0.1] }.filter { seen.insert($0.code).inserted }.prefix(5)
        throw UnknownAreaError(query: query, suggestions: Array(suggestions))
    }

    /// Of several areas, the one with a value in the latest year.
    func mostRecent(_ candidates: [Int], upTo lastYear: Int = .max) -> Int {
        for year in years.reversed() where year <= lastYear {
            if let match = candidates.first(where: { area in catalogue.measures.contains { !value(area: area, year: year, measure: $0.name).isNaN } })
            {
                return match
            }
        }
        return candidates[0]
    }

    /// Lower case, letters and digits only, single spaces.
    static func normalised(_ text: String) -> String {
        let mapped = text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }
        return String(mapped).split(separator: " ").joined(separator: " ")
    }

    /// Levenshtein distance between two strings (by characters).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }

    fileprivate func caseInsensitiveEquals(_ other: String) -> Bool { lowercased() == other.lowercased() }
}
