import ArgumentParser
import ScorecastData
import ScorecastTimeSeries

/// `scorecast models`: the model catalogue as CSV (`name,summary,automatic_candidate`).
struct ModelsCommand: ScorecastCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List the models --model accepts, and which ones auto chooses among."
    )

    @OptionGroup var output: OutputOptions

    func execute() throws {
        var writer = CSVWriter()
        writer.writeRecord(["name", "summary", "automatic_candidate"])
        writer.writeRecord(["auto", ModelCatalogue.automaticSummary, "false"])
        for entry in ModelCatalogue.standard.entries {
            writer.writeRecord([entry.name, entry.summary, String(entry.isAutomaticCandidate)])
        }
        try output.write(writer)
    }
}
