import Foundation
import ScorecastCore

@testable import ScorecastData

/// The August 2021 Southampton scorecard text (a copy of notebooks-data/scorecard/), read once.
enum ScorecardFixture {
    static let fileName = "southampton-childrens-services-scorecard-2021-08.txt"
    static let month = Period(year: 2021, month: 8)

    static let text: String = {
        let url = Bundle.module.url(forResource: "Fixtures/" + fileName, withExtension: nil)!
        return try! String(contentsOf: url, encoding: .utf8)
    }()

    static let scorecard: ScorecardText = try! ScorecardText(text: text, fileName: fileName)

    static func indicator(_ code: String) -> ScorecardIndicator? {
        scorecard.indicators.first { $0.code == code }
    }

    /// The five tidy files written into a fresh directory, read back for the month.
    static func importedFiles(catalogue: [Indicator] = []) throws -> (directory: TemporaryDirectory, files: ScorecardFiles) {
        let directory = try TemporaryDirectory.make()
        for file in ScorecardImport(text: scorecard, month: month, catalogue: catalogue).files() {
            try OutputFile.write(file.bytes, to: directory.path + "/" + file.name)
        }
        return (directory, try ScorecardFiles(directory: directory.path, month: month))
    }
}

extension ScorecardFixture {
    /// The indicator decisions (a copy of notebooks-data/scorecard/indicator-decisions.csv).
    static let decisions: String = {
        let url = Bundle.module.url(forResource: "Fixtures/indicator-decisions.csv", withExtension: nil)!
        return try! String(contentsOf: url, encoding: .utf8)
    }()
}
